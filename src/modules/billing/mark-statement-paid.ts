import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { settleBilledCommissions } from '../commissions/index.ts';
import { statementLines, statements, type StatementRow } from './billing.tables.ts';
import { statementView } from './statement-view.ts';

/**
 * A statement is paid in full: mark it, and in the same transaction every commission it billed
 * becomes PAYABLE (those reversed since are skipped; the next statement credits them).
 */
export async function markStatementPaid(tx: Tx, statement: StatementRow, actor: string): Promise<StatementRow> {
  const [paid] = await tx
    .update(statements)
    .set({ status: 'paid', paidAt: sql`now()` })
    .where(and(eq(statements.id, statement.id), eq(statements.status, 'issued')))
    .returning();
  if (!paid) throw new Error('statement was not issued when marked paid');
  const billed = await tx
    .select({ commissionId: statementLines.commissionId })
    .from(statementLines)
    .where(and(eq(statementLines.statementId, statement.id), eq(statementLines.kind, 'commission')));
  const settled = await settleBilledCommissions(tx, {
    merchantId: statement.merchantId,
    commissionIds: billed.map((b) => b.commissionId!),
    actor,
    reason: `statement_paid:${statement.id}`,
  });
  await recordEvent(tx, {
    type: 'statement.paid',
    merchantId: statement.merchantId,
    livemode: true,
    data: { statement: statementView(paid), commissionsSettled: settled.length },
  });
  return paid;
}
