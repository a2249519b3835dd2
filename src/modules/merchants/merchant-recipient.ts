import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants } from './merchants.tables.ts';

/** The user who runs a merchant and its business name (what an email to the merchant needs). */
export async function findMerchantRecipient(executor: Executor, merchantId: string): Promise<{ userId: string; businessName: string } | undefined> {
  const [row] = await executor.select({ userId: merchants.userId, businessName: merchants.businessName }).from(merchants).where(eq(merchants.id, merchantId));
  return row;
}
