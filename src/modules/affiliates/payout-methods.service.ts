import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { newId } from '../../platform/ids.ts';
import { payoutMethods, type PayoutMethodRow } from './affiliates.tables.ts';
import { accountIdentity, maskAccount, validatePayoutMethod, type PayoutMethodInput } from './payout-method-rules.ts';

export interface PayoutMethodView {
  id: string;
  type: PayoutMethodRow['type'];
  accountHolderName: string;
  bankName: string | null;
  bankCode: string | null;
  branch: string | null;
  accountMasked: string;
  isDefault: boolean;
  createdAt: string;
}

const toView = (row: PayoutMethodRow): PayoutMethodView => ({
  id: row.id,
  type: row.type,
  accountHolderName: row.accountHolderName,
  bankName: row.bankName,
  bankCode: row.bankCode,
  branch: row.branch,
  accountMasked: maskAccount(row.accountLast4),
  isDefault: row.isDefault,
  createdAt: row.createdAt.toISOString(),
});

const active = (affiliateId: string) => and(eq(payoutMethods.affiliateId, affiliateId), isNull(payoutMethods.removedAt));

export async function listPayoutMethods(db: Db, affiliateId: string): Promise<PayoutMethodView[]> {
  const rows = await db.select().from(payoutMethods).where(active(affiliateId)).orderBy(asc(payoutMethods.createdAt), asc(payoutMethods.id));
  return rows.map(toView);
}

/**
 * Add a payout method. The account number (or wallet mobile number) is sealed before it is stored;
 * the first method, or one added with isDefault, becomes the default.
 */
export async function addPayoutMethod(
  db: Db,
  secrets: SecretBox,
  affiliateId: string,
  input: PayoutMethodInput & { isDefault?: boolean | undefined },
): Promise<PayoutMethodView> {
  const checked = validatePayoutMethod(input);
  if (!checked.ok) throw validationError(checked.details);
  const method = checked.value;
  const fingerprint = secrets.keyedHash(accountIdentity(method));
  return inTransaction(db, async (tx) => {
    // Serialise one affiliate's changes so "first method becomes default" holds under concurrency.
    const existing = await tx
      .select({ id: payoutMethods.id, fingerprint: payoutMethods.accountFingerprint })
      .from(payoutMethods)
      .where(active(affiliateId))
      .for('update');
    if (existing.some((row) => row.fingerprint === fingerprint)) {
      throw new AppError('ALREADY_EXISTS', 'This account is already one of your payout methods');
    }
    const makeDefault = existing.length === 0 || input.isDefault === true;
    if (makeDefault) await clearDefault(tx, affiliateId);
    const [row] = await tx
      .insert(payoutMethods)
      .values({
        id: newId('pm'),
        affiliateId,
        type: method.type,
        accountHolderName: method.accountHolderName,
        bankName: method.bankName,
        bankCode: method.bankCode,
        branch: method.branch,
        accountSealed: secrets.seal(method.account),
        accountLast4: method.account.slice(-4),
        accountFingerprint: fingerprint,
        isDefault: makeDefault,
      })
      .returning();
    return toView(row!);
  });
}

async function clearDefault(tx: Executor, affiliateId: string): Promise<void> {
  await tx
    .update(payoutMethods)
    .set({ isDefault: false })
    .where(and(active(affiliateId), eq(payoutMethods.isDefault, true)));
}

export async function setDefaultPayoutMethod(db: Db, affiliateId: string, id: string): Promise<PayoutMethodView> {
  return inTransaction(db, async (tx) => {
    const [target] = await tx
      .select()
      .from(payoutMethods)
      .where(and(active(affiliateId), eq(payoutMethods.id, id)))
      .for('update');
    if (!target) throw notFound('Payout method');
    await clearDefault(tx, affiliateId);
    const [row] = await tx.update(payoutMethods).set({ isDefault: true }).where(eq(payoutMethods.id, id)).returning();
    return toView(row!);
  });
}

/** Remove a method (kept for the payouts that used it); the oldest remaining one becomes the default. */
export async function removePayoutMethod(db: Db, affiliateId: string, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [removed] = await tx
      .update(payoutMethods)
      .set({ removedAt: sql`now()`, isDefault: false })
      .where(and(active(affiliateId), eq(payoutMethods.id, id)))
      .returning({ wasDefault: sql<boolean>`${payoutMethods.isDefault}` });
    if (!removed) throw notFound('Payout method');
    const [hasDefault] = await tx
      .select({ id: payoutMethods.id })
      .from(payoutMethods)
      .where(and(active(affiliateId), eq(payoutMethods.isDefault, true)));
    if (hasDefault) return;
    const [oldest] = await tx.select({ id: payoutMethods.id }).from(payoutMethods).where(active(affiliateId)).orderBy(asc(payoutMethods.createdAt)).limit(1);
    if (oldest) await tx.update(payoutMethods).set({ isDefault: true }).where(eq(payoutMethods.id, oldest.id));
  });
}

/** The full accounts behind several payout methods at once (a batch export), keyed by method id. */
export async function openPayoutAccounts(executor: Executor, secrets: SecretBox, ids: string[]): Promise<Map<string, PayoutMethodView & { account: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(payoutMethods)
    .where(inArray(payoutMethods.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { ...toView(row), account: secrets.open(row.accountSealed) }]));
}
