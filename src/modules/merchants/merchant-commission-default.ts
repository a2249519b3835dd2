import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants } from './merchants.tables.ts';

/** The merchant's currency and its commission default (type and value null when it sets none); undefined for no such merchant. */
export async function findMerchantCommissionDefault(
  executor: Executor,
  merchantId: string,
): Promise<{ currency: string; type: 'PERCENTAGE' | 'FIXED' | null; value: number | null } | undefined> {
  const [row] = await executor
    .select({ currency: merchants.currency, type: merchants.defaultCommissionType, value: merchants.defaultCommissionValue })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  return row;
}
