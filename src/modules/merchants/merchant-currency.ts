import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { DEFAULT_CURRENCY } from '../../platform/money.ts';
import { merchants } from './merchants.tables.ts';

/** The currency a merchant's reports and defaults are in. */
export async function getMerchantCurrency(executor: Executor, merchantId: string): Promise<string> {
  const [row] = await executor.select({ currency: merchants.currency }).from(merchants).where(eq(merchants.id, merchantId));
  return row?.currency ?? DEFAULT_CURRENCY;
}
