import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants } from './merchants.tables.ts';

/**
 * Lock the merchant's row until the caller's transaction ends, to serialise work that must happen
 * once per merchant (creating a per-merchant record on first use). The lock does not block foreign
 * keys to the merchant. False when there is no such merchant.
 */
export async function lockMerchant(executor: Executor, merchantId: string): Promise<boolean> {
  const [row] = await executor.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).for('no key update');
  return row !== undefined;
}
