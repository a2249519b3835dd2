import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants } from './merchants.tables.ts';

/** The merchant's hold period in days; undefined for no such merchant. */
export async function findMerchantHoldDays(executor: Executor, merchantId: string): Promise<number | undefined> {
  const [row] = await executor.select({ holdDays: merchants.holdDays }).from(merchants).where(eq(merchants.id, merchantId));
  return row?.holdDays;
}
