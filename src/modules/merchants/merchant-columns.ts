import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { merchants, type MerchantStatus } from './merchants.tables.ts';

/**
 * The merchant columns other modules' queries may join (`.innerJoin(merchantColumns, eq(merchantColumns.id, x.merchantId))`),
 * so a list or the redirect stays one query. PostgreSQL inlines the subquery: the plan is that of
 * a join on merchants itself.
 */
export const merchantColumns = new QueryBuilder()
  .select({
    id: merchants.id,
    userId: merchants.userId,
    businessName: merchants.businessName,
    website: merchants.website,
    status: merchants.status,
    defaultCommissionType: merchants.defaultCommissionType,
    defaultCommissionValue: merchants.defaultCommissionValue,
    currency: merchants.currency,
  })
  .from(merchants)
  .as('merchant_columns');

/** A merchant's review status; undefined when there is no such merchant. */
export async function findMerchantStatus(executor: Executor, merchantId: string): Promise<MerchantStatus | undefined> {
  const [row] = await executor.select({ status: merchants.status }).from(merchants).where(eq(merchants.id, merchantId));
  return row?.status;
}
