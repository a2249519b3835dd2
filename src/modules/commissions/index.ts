// The commissions module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { adjustCommissionAmount, recordReviewDecision, transitionCommission } from './change-commission.ts';
export type { ChangeContext } from './change-commission.ts';
export { commissionView, lockCommission, lockCommissionOfOrder } from './commission-record.ts';
export type { CommissionRecord } from './commission-record.ts';
export { commissionReportRows } from './commission-report-rows.ts';
export { COMMISSION_TYPES, formatCommissionValue, readCommissionInput, toCommissionRule } from './commission-rule.ts';
export type { CommissionInput, CommissionType } from './commission-rule.ts';
export { COMMISSION_TRANSITIONS, canTransitionCommission, isLiveCommission } from './commission-states.ts';
export { CommissionSchema } from './commissions.schemas.ts';
export { computeCommission } from './compute-commission.ts';
export type { Rate } from './compute-commission.ts';
export { createCommission } from './create-commission.ts';
export { payCommissions } from './pay-commissions.ts';
export { loadPlatformDefaults } from './platform-defaults.ts';
export type { PlatformDefaults } from './platform-defaults.ts';
export { expectedLineAmounts, pickCommissionRule } from './resolve-commission.ts';
export { settleBilledCommissions } from './settle-commissions.ts';
export { startHold } from './start-hold.ts';
export { loadCommissionRules } from './load-commission-rules.ts';
export type { CommissionRules } from './load-commission-rules.ts';
export { commissionColumns } from './commission-columns.ts';
export type { CommissionRow } from './commissions.tables.ts';
