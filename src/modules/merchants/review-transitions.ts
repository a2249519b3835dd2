import type { DomainStatus, MerchantStatus } from './merchants.tables.ts';

/** What an admin's decision may move a merchant application from, per target status. */
export const MERCHANT_REVIEW_TRANSITIONS = {
  APPROVED: ['PENDING_REVIEW'],
  REJECTED: ['PENDING_REVIEW'],
} as const satisfies Partial<Record<MerchantStatus, readonly MerchantStatus[]>>;

/** An approved store can be suspended, and only a suspended one reinstated: target ← the one status it leaves. */
export const MERCHANT_STANDING_TRANSITIONS = {
  SUSPENDED: 'APPROVED',
  APPROVED: 'SUSPENDED',
} as const satisfies Partial<Record<MerchantStatus, MerchantStatus>>;

/** Domain decisions may be revisited: an approved domain can be withdrawn, a rejected one approved later. */
export const DOMAIN_REVIEW_TRANSITIONS = {
  APPROVED: ['PENDING', 'REJECTED'],
  REJECTED: ['PENDING', 'APPROVED'],
} as const satisfies Partial<Record<DomainStatus, readonly DomainStatus[]>>;

export type MerchantDecision = keyof typeof MERCHANT_REVIEW_TRANSITIONS;
export type DomainDecision = keyof typeof DOMAIN_REVIEW_TRANSITIONS;

export const canDecideMerchant = (from: MerchantStatus, to: MerchantDecision): boolean =>
  (MERCHANT_REVIEW_TRANSITIONS[to] as readonly MerchantStatus[]).includes(from);

export const canDecideDomain = (from: DomainStatus, to: DomainDecision): boolean => (DOMAIN_REVIEW_TRANSITIONS[to] as readonly DomainStatus[]).includes(from);
