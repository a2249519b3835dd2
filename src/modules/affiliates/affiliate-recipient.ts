import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { affiliates } from './affiliates.tables.ts';

/** The affiliate's user and display name (what an email to the affiliate needs). */
export async function findAffiliateRecipient(executor: Executor, affiliateId: string): Promise<{ userId: string; displayName: string } | undefined> {
  const [row] = await executor
    .select({ userId: affiliates.userId, displayName: affiliates.displayName })
    .from(affiliates)
    .where(eq(affiliates.id, affiliateId));
  return row;
}

/** The affiliate account of this user, if the user is an affiliate. */
export async function findAffiliateIdOfUser(executor: Executor, userId: string): Promise<string | undefined> {
  const [row] = await executor.select({ id: affiliates.id }).from(affiliates).where(eq(affiliates.userId, userId));
  return row?.id;
}

/** The affiliate columns other modules' queries may join (which affiliate a signed-in user is, who asked for a payout). */
export const affiliateColumns = new QueryBuilder()
  .select({ id: affiliates.id, userId: affiliates.userId, displayName: affiliates.displayName, createdAt: affiliates.createdAt })
  .from(affiliates)
  .as('affiliate_columns');
