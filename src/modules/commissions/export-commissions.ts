import type { Db } from '../../platform/db/client.ts';
import { everyRow, type CsvRecord } from '../../platform/http/csv-export.ts';
import type { CommissionListFilter, CommissionView } from './commissions.schemas.ts';
import { commissionPage } from './list-commissions.ts';

/** One row per commission; the rate and risk objects become columns of their own. */
export const COMMISSION_CSV_COLUMNS = [
  'id',
  'orderId',
  'conversionId',
  'affiliateRef',
  'campaignId',
  'status',
  'amount',
  'originalAmount',
  'currency',
  'rateType',
  'rateValue',
  'rateSource',
  'holdUntil',
  'paidAmount',
  'payoutId',
  'riskScore',
  'reviewStatus',
  'createdAt',
  'updatedAt',
] as const;

const commissionRecord = ({ rate, risk, ...fields }: CommissionView): CsvRecord => ({
  ...fields,
  rateType: rate.type,
  rateValue: rate.value,
  rateSource: rate.source,
  riskScore: risk.score,
  reviewStatus: risk.reviewStatus,
});

/** Every commission matching the filter, read a page at a time. */
export async function* commissionCsvRecords(db: Db, scope: Parameters<typeof commissionPage>[1], filter: CommissionListFilter): AsyncGenerator<CsvRecord> {
  for await (const commission of everyRow((window) => commissionPage(db, scope, filter, window))) yield commissionRecord(commission);
}
