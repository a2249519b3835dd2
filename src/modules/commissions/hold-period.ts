/** Hold (return window) days: the campaign's override, else the merchant's setting, else the platform's. */
export function resolveHoldDays(campaignHoldDays: number | null | undefined, merchantHoldDays: number | null | undefined, platformHoldDays: number): number {
  return campaignHoldDays ?? merchantHoldDays ?? platformHoldDays;
}

export function holdUntil(deliveredAt: Date, holdDays: number): Date {
  return new Date(deliveredAt.getTime() + holdDays * 86_400_000);
}
