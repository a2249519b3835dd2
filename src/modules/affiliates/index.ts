// The affiliates module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { affiliateCards, affiliateDisplayNames } from './affiliate-names.ts';
export type { AffiliateCard } from './affiliate-names.ts';
export { Channel, Nullable } from './affiliates.schemas.ts';
export { isWallet } from './payout-method-rules.ts';
export { openPayoutAccounts } from './payout-methods.service.ts';
export { insertAffiliate } from './insert-affiliate.ts';
export { affiliateColumns, findAffiliateIdOfUser, findAffiliateRecipient } from './affiliate-recipient.ts';
export { findActivePayoutMethod, lockAffiliate } from './payout-method-lookups.ts';
export { PAYOUT_METHOD_TYPES } from './affiliates.tables.ts';
export type { PayoutMethodType } from './affiliates.tables.ts';
