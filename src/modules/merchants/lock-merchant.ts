import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants, type MerchantStatus } from './merchants.tables.ts';

/**
 * Lock the merchant's row until the caller's transaction ends, to serialise work that must happen
 * once per merchant (creating a per-merchant record on first use). The lock does not block foreign
 * keys to the merchant. False when there is no such merchant.
 */
export async function lockMerchant(executor: Executor, merchantId: string): Promise<boolean> {
  const [row] = await executor.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).for('no key update');
  return row !== undefined;
}

/**
 * Lock a merchant's row against every other lock until the caller's transaction ends, so that work
 * one merchant must do one at a time (numbering statements, rotating keys) takes turns; its status,
 * or undefined when there is no such merchant. lockMerchant is the lighter lock.
 */
export async function lockMerchantForUpdate(executor: Executor, merchantId: string): Promise<{ status: MerchantStatus } | undefined> {
  const [row] = await executor.select({ status: merchants.status }).from(merchants).where(eq(merchants.id, merchantId)).for('update');
  return row;
}
