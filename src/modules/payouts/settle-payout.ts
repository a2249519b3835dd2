import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Db, type Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { formatMoney } from '../../platform/money.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyPayoutSettled } from '../email/index.ts';
import type { CommissionRecord } from '../commissions/index.ts';
import { payCommissions } from '../commissions/index.ts';
import { postPayoutEntries } from '../ledger/index.ts';
import { lockPayoutOrThrow, transitionPayout, voidPayout } from './change-payout.ts';
import { payoutItems, payouts, type PayoutRow } from './payouts.tables.ts';

const referenceTaken = (reference: string) =>
  new AppError('REFERENCE_ALREADY_USED', `Rail reference ${reference} already pays another payout`, [
    { field: 'reference', code: 'REFERENCE_ALREADY_USED', message: 'already used' },
  ]);

/**
 * The rail paid the payout: record its reference (unique across payouts), post the reservation,
 * move every commission it carried to PAID, net its clawbacks, withhold tax, and tell each merchant
 * whose commissions it carried (`payout.processed`). The payout row is locked first, so two admins
 * marking it paid post once: the second finds it paid and gets INVALID_TRANSITION.
 */
export async function markPayoutPaid(db: Db, id: string, reference: string, adminUserId: string): Promise<PayoutRow> {
  return inTransaction(db, async (tx) => {
    const payout = await lockPayoutOrThrow(tx, id);
    if (payout.status === 'processing') {
      const [taken] = await tx.select({ id: payouts.id }).from(payouts).where(eq(payouts.reference, reference));
      if (taken) throw referenceTaken(reference);
    }
    const items = await tx
      .select()
      .from(payoutItems)
      .where(and(eq(payoutItems.payoutId, id), eq(payoutItems.released, false)));
    const carried = items.filter((i) => i.kind === 'commission');
    const netted = items.filter((i) => i.kind === 'clawback').reduce((s, i) => s + i.amount, 0n);
    const paidAt = new Date();
    // The transition checks the state before anything moves: a second "paid" stops here.
    const paidRow = await transitionPayout(tx, payout, 'paid', { reference, settledBy: `admin:${adminUserId}`, settledAt: paidAt });
    const { paid } = await payCommissions(tx, {
      affiliateId: payout.affiliateId,
      commissionIds: carried.map((i) => i.commissionId!),
      payoutId: id,
      actor: `payout:${id}`,
    });
    const shortfall = carried.reduce((s, i) => s + i.amount, 0n) - paid.reduce((s, c) => s + c.amount, 0n);
    const [settled] = await tx.update(payouts).set({ shortfall }).where(eq(payouts.id, id)).returning();
    await postPayoutEntries(tx, paidRow, { kind: 'post', amount: payout.amount, netted, shortfall, withheld: payout.withheldAmount });
    await notifyMerchants(tx, settled!, paid);
    await notifyPayoutSettled(tx, settled!, { paid: true, reference });
    await recordAudit(tx, { actorUserId: adminUserId, action: 'payout.paid', subjectType: 'payout', subjectId: id, details: { reference } });
    return settled!;
  }).catch((error: unknown) => {
    // Two payouts marked paid at once with one reference: the unique index decides.
    if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') throw referenceTaken(reference);
    throw error;
  });
}

async function notifyMerchants(tx: Tx, payout: PayoutRow, paid: CommissionRecord[]): Promise<void> {
  const byMerchant = new Map<string, CommissionRecord[]>();
  for (const c of paid) byMerchant.set(c.merchantId, [...(byMerchant.get(c.merchantId) ?? []), c]);
  for (const [merchantId, commissions] of byMerchant) {
    await recordEvent(tx, {
      type: 'payout.processed',
      merchantId,
      livemode: true,
      data: {
        payoutId: payout.id,
        paidAt: payout.settledAt?.toISOString() ?? null,
        currency: payout.currency,
        // Only this merchant's commissions: another merchant's orders are none of its business.
        commissions: commissions.map((c) => ({ commissionId: c.id, orderId: c.orderId, amount: formatMoney(c.amount, c.currency) })),
        total: formatMoney(
          commissions.reduce((s, c) => s + c.amount, 0n),
          payout.currency,
        ),
      },
    });
  }
}

/** The rail refused the payout: it fails with the reason, and its money returns to payable. */
export async function markPayoutFailed(db: Db, id: string, reason: string, adminUserId: string): Promise<PayoutRow> {
  return inTransaction(db, async (tx) => {
    const failed = await voidPayout(tx, await lockPayoutOrThrow(tx, id), 'failed', {
      reason,
      settledBy: `admin:${adminUserId}`,
      settledAt: sql`now()` as never,
    });
    await recordAudit(tx, { actorUserId: adminUserId, action: 'payout.failed', subjectType: 'payout', subjectId: id, details: { reason } });
    await notifyPayoutSettled(tx, failed, { paid: false, reason });
    return failed;
  });
}
