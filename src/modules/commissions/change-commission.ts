import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { formatMoney } from '../../platform/money.ts';
import { ledgerMovements, type CommissionChange } from '../ledger/index.ts';
import { postLedgerEntries } from '../ledger/index.ts';
import { commissionView, type CommissionRecord } from './commission-record.ts';
import { assertCommissionTransition } from './commission-states.ts';
import { commissionEvents, commissions, type CommissionStatus, type ReviewStatus } from './commissions.tables.ts';

/** Who changed a commission and why; stored on the event row and sent with the domain event. */
export interface ChangeContext {
  /** `system`, `merchant:<keyId>`, `admin:<userId>`, `billing`, `payout:<id>` … */
  actor: string;
  reason: string;
}

export interface TransitionPatch {
  holdUntil?: Date;
  paidAmount?: bigint;
  payoutId?: string;
  reviewStatus?: ReviewStatus;
}

/**
 * Move a locked commission to `to`: the state machine decides if it may; the history row, the
 * ledger entries and the `commission.status_changed` event are written in the caller's transaction.
 */
export async function transitionCommission(
  tx: Tx,
  commission: CommissionRecord,
  to: CommissionStatus,
  ctx: ChangeContext,
  patch: TransitionPatch = {},
): Promise<CommissionRecord> {
  assertCommissionTransition(commission.status, to);
  const [row] = await tx
    .update(commissions)
    .set({ status: to, ...patch, updatedAt: sql`now()` })
    .where(and(eq(commissions.id, commission.id), eq(commissions.status, commission.status)))
    .returning();
  if (!row) throw new AppError('CONFLICT', 'The commission changed while this request ran; retry it');
  const after: CommissionRecord = { ...row, orderId: commission.orderId };
  const eventId = await insertEvent(tx, {
    commissionId: after.id,
    kind: 'status',
    fromStatus: commission.status,
    toStatus: to,
    amountBefore: commission.amount,
    amountAfter: after.amount,
    ...ctx,
  });
  await postLedgerEntries(tx, after, ledgerMovements({ kind: 'transition', from: commission.status, to, amount: after.amount }), {
    commissionEventId: eventId,
    payoutId: patch.payoutId ?? null,
  });
  await emitStatusChanged(tx, commission.status, after, ctx);
  return after;
}

/** Shrink a live commission to `amount` (a partial refund); the difference leaves its balance. */
export async function adjustCommissionAmount(tx: Tx, commission: CommissionRecord, amount: bigint, ctx: ChangeContext): Promise<CommissionRecord> {
  if (amount === commission.amount) return commission;
  if (amount > commission.amount || amount < 0n) throw new Error('A commission only ever shrinks, and never below zero');
  const [row] = await tx
    .update(commissions)
    .set({ amount, updatedAt: sql`now()` })
    .where(eq(commissions.id, commission.id))
    .returning();
  if (!row) throw new Error('commission vanished while locked');
  const after: CommissionRecord = { ...row, orderId: commission.orderId };
  const change: CommissionChange = { kind: 'adjustment', status: commission.status, before: commission.amount, after: amount };
  const eventId = await insertEvent(tx, {
    commissionId: after.id,
    kind: 'adjustment',
    fromStatus: commission.status,
    toStatus: commission.status,
    amountBefore: commission.amount,
    amountAfter: amount,
    ...ctx,
  });
  await postLedgerEntries(tx, after, ledgerMovements(change), { commissionEventId: eventId });
  await recordEvent(tx, {
    type: 'commission.amount_adjusted',
    merchantId: after.merchantId,
    livemode: after.livemode,
    data: {
      commissionId: after.id,
      amountBefore: formatMoney(commission.amount, after.currency),
      amountAfter: formatMoney(amount, after.currency),
      reason: ctx.reason,
      actor: ctx.actor,
      commission: commissionView(after),
    },
  });
  return after;
}

/** Record an admin's risk decision that does not change the status by itself. */
export async function recordReviewDecision(tx: Tx, commission: CommissionRecord, reviewStatus: ReviewStatus, ctx: ChangeContext): Promise<CommissionRecord> {
  const [row] = await tx
    .update(commissions)
    .set({ reviewStatus, updatedAt: sql`now()` })
    .where(eq(commissions.id, commission.id))
    .returning();
  if (!row) throw new Error('commission vanished while locked');
  const after: CommissionRecord = { ...row, orderId: commission.orderId };
  await insertEvent(tx, {
    commissionId: after.id,
    kind: 'review',
    fromStatus: after.status,
    toStatus: after.status,
    amountBefore: after.amount,
    amountAfter: after.amount,
    ...ctx,
  });
  await recordEvent(tx, {
    type: 'commission.review_decided',
    merchantId: after.merchantId,
    livemode: after.livemode,
    data: { commissionId: after.id, decision: reviewStatus, reason: ctx.reason, actor: ctx.actor, commission: commissionView(after) },
  });
  return after;
}

export async function insertEvent(tx: Tx, event: typeof commissionEvents.$inferInsert): Promise<number> {
  const [row] = await tx.insert(commissionEvents).values(event).returning({ id: commissionEvents.id });
  if (!row) throw new Error('commission event insert returned nothing');
  return row.id;
}

export async function emitStatusChanged(tx: Tx, from: CommissionStatus | null, after: CommissionRecord, ctx: ChangeContext): Promise<void> {
  await recordEvent(tx, {
    type: 'commission.status_changed',
    merchantId: after.merchantId,
    livemode: after.livemode,
    data: { commissionId: after.id, from, to: after.status, reason: ctx.reason, actor: ctx.actor, commission: commissionView(after) },
  });
}
