import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { affiliates, payoutMethods } from './affiliates.tables.ts';

/** Lock an affiliate's row for the rest of the caller's transaction (serialises their requests); false when there is none. */
export async function lockAffiliate(executor: Executor, affiliateId: string): Promise<boolean> {
  const [row] = await executor.select({ id: affiliates.id }).from(affiliates).where(eq(affiliates.id, affiliateId)).for('update');
  return row !== undefined;
}

/** One of the affiliate's payout methods not removed: the given one, else their default. */
export async function findActivePayoutMethod(
  executor: Executor,
  affiliateId: string,
  payoutMethodId: string | undefined,
): Promise<{ id: string; type: (typeof payoutMethods.$inferSelect)['type'] } | undefined> {
  const [method] = await executor
    .select({ id: payoutMethods.id, type: payoutMethods.type })
    .from(payoutMethods)
    .where(
      and(
        eq(payoutMethods.affiliateId, affiliateId),
        isNull(payoutMethods.removedAt),
        payoutMethodId ? eq(payoutMethods.id, payoutMethodId) : eq(payoutMethods.isDefault, true),
      ),
    );
  return method;
}
