import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchants } from './merchants.tables.ts';

/** The id of the merchant this user signs in for, or undefined. */
export async function findMerchantIdOfUser(executor: Executor, userId: string): Promise<string | undefined> {
  const [row] = await executor.select({ id: merchants.id }).from(merchants).where(eq(merchants.userId, userId));
  return row?.id;
}
