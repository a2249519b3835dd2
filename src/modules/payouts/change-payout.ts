import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { postPayoutEntries } from '../ledger/index.ts';
import { assertPayoutTransition } from './payout-states.ts';
import { payoutItems, payouts, type PayoutRow, type PayoutStatus } from './payouts.tables.ts';

/** Lock a payout for a change; concurrent changes to it wait here. Scoped to the affiliate when given. */
export async function lockPayoutOrThrow(tx: Tx, id: string, affiliateId?: string): Promise<PayoutRow> {
  const [row] = await tx
    .select()
    .from(payouts)
    .where(and(eq(payouts.id, id), affiliateId ? eq(payouts.affiliateId, affiliateId) : undefined))
    .for('update');
  if (!row) throw notFound('Payout');
  return row;
}

/** Move a locked payout to `to` (the state machine decides), setting the given columns. */
export async function transitionPayout(tx: Tx, payout: PayoutRow, to: PayoutStatus, set: Partial<typeof payouts.$inferInsert> = {}): Promise<PayoutRow> {
  assertPayoutTransition(payout.status, to);
  const [row] = await tx
    .update(payouts)
    .set({ ...set, status: to, updatedAt: sql`now()` })
    .where(and(eq(payouts.id, payout.id), eq(payouts.status, payout.status)))
    .returning();
  if (!row) throw new Error('payout changed while locked');
  return row;
}

/** Rejected, cancelled or failed: the reservation is voided and what it carried is free for the next payout. */
export async function voidPayout(
  tx: Tx,
  payout: PayoutRow,
  to: 'rejected' | 'cancelled' | 'failed',
  set: Partial<typeof payouts.$inferInsert>,
): Promise<PayoutRow> {
  const voided = await transitionPayout(tx, payout, to, set);
  await tx.update(payoutItems).set({ released: true }).where(eq(payoutItems.payoutId, payout.id));
  await postPayoutEntries(tx, voided, { kind: 'release', amount: voided.amount });
  return voided;
}
