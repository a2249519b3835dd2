// The affiliates module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { affiliateDisplayNames } from './affiliate-names.ts';
export { Channel, Nullable } from './affiliates.schemas.ts';
export { isWallet } from './payout-method-rules.ts';
export { openPayoutAccounts } from './payout-methods.service.ts';
export { insertAffiliate } from './insert-affiliate.ts';
