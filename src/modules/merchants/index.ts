// The merchants module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { approveMerchant } from './approve-merchant.ts';
export type { MerchantApproval } from './approve-merchant.ts';
export { findApprovedDomains, findCatalogContext } from './approved-domains.ts';
export { isUrlOnDomains, normalizeDomain } from './domains.ts';
export { getMerchantCurrency } from './merchant-currency.ts';
export { merchantBusinessNames, merchantCards } from './merchant-names.ts';
export { lockMerchant, lockMerchantForUpdate } from './lock-merchant.ts';
export { approvedMerchantIds } from './approved-merchant-ids.ts';
export { findMerchantCommissionDefault } from './merchant-commission-default.ts';
export { findMerchantHoldDays } from './merchant-hold-days.ts';
export { findMerchantRecipient } from './merchant-recipient.ts';
export { findMerchantStatus, merchantColumns } from './merchant-columns.ts';
export type { MerchantStatus } from './merchants.tables.ts';
export { findMerchantIdOfUser } from './merchant-of-user.ts';
