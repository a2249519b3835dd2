/** Who owns what: a merchant in one mode (test or live). Every merchant-owned row is scoped by both. */
export interface Tenant {
  merchantId: string;
  livemode: boolean;
}
