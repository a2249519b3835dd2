import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { newId } from '../../platform/ids.ts';
import { formatMoney, parseMoney } from '../../platform/money.ts';
import { recordAudit } from '../audit/index.ts';
import { statementPayments, statements, type StatementRow } from './billing.tables.ts';
import { markStatementPaid } from './mark-statement-paid.ts';

export interface PaymentInput {
  amount: string;
  reference: string;
  /** When the merchant paid; now when omitted. */
  paidAt?: string | undefined;
}

/**
 * The admin records a merchant's payment against a statement. Paying the rest settles it (see
 * markStatementPaid). The same reference recorded again with the same amount is a retry and changes
 * nothing; overpaying is refused.
 */
export async function recordStatementPayment(db: Db, statementId: string, input: PaymentInput, adminUserId: string): Promise<StatementRow> {
  return inTransaction(db, async (tx) => {
    const [statement] = await tx.select().from(statements).where(eq(statements.id, statementId)).for('update');
    if (!statement) throw notFound('Statement');
    const amount = parseMoney(input.amount, statement.currency);
    if (!amount.ok) throw validationError([{ field: 'amount', code: amount.error, message: amount.message }]);
    if (amount.value <= 0n) throw validationError([{ field: 'amount', code: 'MUST_BE_POSITIVE', message: 'must be more than zero' }]);
    const paidOn = input.paidAt ? new Date(input.paidAt) : new Date();

    const [earlier] = await tx
      .select()
      .from(statementPayments)
      .where(and(eq(statementPayments.statementId, statementId), eq(statementPayments.reference, input.reference)));
    if (earlier) {
      if (earlier.amount === amount.value) return statement;
      throw new AppError('REFERENCE_ALREADY_USED', `Payment reference ${input.reference} is already recorded on this statement with another amount`, [
        { field: 'reference', code: 'REFERENCE_ALREADY_USED', message: 'already recorded' },
      ]);
    }
    const outstanding = statement.total - statement.amountPaid;
    if (statement.status === 'paid' || amount.value > outstanding) {
      throw new AppError(
        'PAYMENT_EXCEEDS_BALANCE',
        `The statement has ${formatMoney(outstanding > 0n ? outstanding : 0n, statement.currency)} ${statement.currency} outstanding`,
        [{ field: 'amount', code: 'PAYMENT_EXCEEDS_BALANCE', message: `at most ${formatMoney(outstanding > 0n ? outstanding : 0n, statement.currency)}` }],
      );
    }
    await tx
      .insert(statementPayments)
      .values({ id: newId('stp'), statementId, amount: amount.value, reference: input.reference, paidOn, recordedBy: `admin:${adminUserId}` });
    const [updated] = await tx
      .update(statements)
      .set({ amountPaid: sql`${statements.amountPaid} + ${amount.value}` })
      .where(eq(statements.id, statementId))
      .returning();
    await recordAudit(tx, {
      actorUserId: adminUserId,
      action: 'statement.payment_recorded',
      subjectType: 'statement',
      subjectId: statementId,
      details: { amount: input.amount, reference: input.reference, paidAt: paidOn.toISOString() },
    });
    if (updated!.amountPaid === updated!.total) return markStatementPaid(tx, updated!, `admin:${adminUserId}`);
    return updated!;
  });
}
