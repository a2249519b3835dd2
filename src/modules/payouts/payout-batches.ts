import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isWallet, openPayoutAccounts, PAYOUT_METHOD_TYPES, type PayoutMethodType } from '../affiliates/index.ts';
import { recordAudit } from '../audit/index.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { assertPayoutTransition } from './payout-states.ts';
import { payoutBatches, payouts, type PayoutBatchRow } from './payouts.tables.ts';
import { exportColumns, transferRows } from './transfer-rows.ts';
import { toCsv } from '../../platform/http/csv.ts';

export const WEEKLY_BATCH_JOB = 'payouts.weekly-batches';

/**
 * Gather every approved payout of one method (and one currency: the oldest waiting one's) into a
 * batch; they become `processing`. Rows are claimed with SKIP LOCKED, so two admins (or the weekly
 * run) creating batches at once never put one payout in two batches.
 */
export async function createPayoutBatch(
  db: Db,
  method: PayoutMethodType,
  actor: { adminUserId: string | null },
): Promise<PayoutBatchRow & { payoutIds: string[] }> {
  return inTransaction(db, async (tx) => {
    const approved = await tx
      .select()
      .from(payouts)
      .where(and(eq(payouts.status, 'approved'), eq(payouts.method, method)))
      .orderBy(asc(payouts.requestedAt), asc(payouts.id))
      .for('update', { skipLocked: true });
    const currency = approved[0]?.currency;
    const chosen = approved.filter((p) => p.currency === currency);
    if (!currency || chosen.length === 0) throw new AppError('NOTHING_TO_PAY', `No approved ${method} payouts are waiting for a batch`);
    const [batch] = await tx
      .insert(payoutBatches)
      .values({
        id: newId('pob'),
        method,
        currency,
        count: chosen.length,
        total: chosen.reduce((s, p) => s + p.netAmount, 0n),
        createdBy: actor.adminUserId ? `admin:${actor.adminUserId}` : 'system',
      })
      .returning();
    // One statement for the whole batch: every claimed payout makes the same approved → processing move.
    assertPayoutTransition('approved', 'processing');
    const ids = chosen.map((p) => p.id);
    const moved = await tx
      .update(payouts)
      .set({ status: 'processing', batchId: batch!.id, updatedAt: sql`now()` })
      .where(and(inArray(payouts.id, ids), eq(payouts.status, 'approved')))
      .returning({ id: payouts.id });
    if (moved.length !== ids.length) throw new Error('claimed payouts changed while locked');
    await recordAudit(tx, {
      actorUserId: actor.adminUserId,
      action: 'payout_batch.created',
      subjectType: 'payout_batch',
      subjectId: batch!.id,
      details: { method, count: chosen.length },
    });
    return { ...batch!, payoutIds: chosen.map((p) => p.id) };
  });
}

/** The weekly payout run: one batch per method that has approved payouts waiting. */
export async function createWeeklyBatches(db: Db): Promise<number> {
  let created = 0;
  for (const method of PAYOUT_METHOD_TYPES) {
    try {
      await createPayoutBatch(db, method, { adminUserId: null });
      created++;
    } catch (error) {
      if ((error as AppError).code !== 'NOTHING_TO_PAY') throw error;
    }
  }
  return created;
}

export async function getPayoutBatchOrThrow(db: Db, id: string) {
  const [batch] = await db.select().from(payoutBatches).where(eq(payoutBatches.id, id));
  if (!batch) throw notFound('Payout batch');
  const members = await db
    .select({ id: payouts.id, status: payouts.status })
    .from(payouts)
    .where(eq(payouts.batchId, id))
    .orderBy(asc(payouts.requestedAt), asc(payouts.id));
  return { ...batch, payouts: members };
}

export async function listPayoutBatches(db: Db, limit = 100) {
  return db
    .select()
    .from(payoutBatches)
    .orderBy(sql`${payoutBatches.createdAt} desc`)
    .limit(limit);
}

/**
 * The batch's transfer file for its rail. The only place account numbers are decrypted; every
 * download is audited with who took it.
 */
export async function exportPayoutBatch(db: Db, secrets: SecretBox, id: string, adminUserId: string): Promise<{ filename: string; csv: string }> {
  return inTransaction(db, async (tx) => {
    const [batch] = await tx.select().from(payoutBatches).where(eq(payoutBatches.id, id));
    if (!batch) throw notFound('Payout batch');
    const members = await tx.select().from(payouts).where(eq(payouts.batchId, id)).orderBy(asc(payouts.requestedAt), asc(payouts.id));
    const settings = await getPlatformSettings(tx);
    const limit = isWallet(batch.method) ? settings.walletTransferLimit : settings.bankTransferLimit;
    const accounts = await openPayoutAccounts(
      tx,
      secrets,
      members.map((p) => p.payoutMethodId),
    );
    const rows = transferRows(
      batch.method,
      members.map((p) => ({ payoutId: p.id, method: p.method, netAmount: p.netAmount, currency: p.currency, account: accounts.get(p.payoutMethodId)! })),
      limit,
    );
    await recordAudit(tx, {
      actorUserId: adminUserId,
      action: 'payout_batch.exported',
      subjectType: 'payout_batch',
      subjectId: id,
      details: { rows: rows.length, payouts: members.length },
    });
    return { filename: `${batch.method.toLowerCase()}-${batch.id}.csv`, csv: toCsv(exportColumns(batch.method), rows) };
  });
}
