import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { csvCell } from '../../platform/http/csv.ts';
import type { Executor } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { formatMoney, formatPercentage } from '../../platform/money.ts';
import { statementLines, statementPayments, statements, type StatementLineRow, type StatementRow, type StatementStatus } from './billing.tables.ts';

export function statementView(s: StatementRow) {
  const money = (v: bigint) => formatMoney(v, s.currency);
  return {
    id: s.id,
    merchantId: s.merchantId,
    number: s.number,
    status: s.status,
    currency: s.currency,
    periodStart: s.periodStart.toISOString(),
    periodEnd: s.periodEnd.toISOString(),
    commissionCount: s.commissionCount,
    commissionTotal: money(s.commissionTotal),
    platformFeePercent: formatPercentage(s.feePercent),
    platformFee: money(s.platformFee),
    credits: money(s.credits),
    total: money(s.total),
    amountPaid: money(s.amountPaid),
    issuedAt: s.issuedAt.toISOString(),
    paidAt: s.paidAt?.toISOString() ?? null,
  };
}
export type StatementView = ReturnType<typeof statementView>;

export const lineView = (currency: string) => (l: StatementLineRow) => ({
  lineNo: l.lineNo,
  kind: l.kind,
  commissionId: l.commissionId,
  orderId: l.orderId,
  affiliateId: l.affiliateId,
  amount: formatMoney(l.amount, currency),
});

/** Who may see a statement: a merchant sees its own, the admin sees all. */
export type StatementScope = { merchantId: string } | { admin: true };
const scoped = (scope: StatementScope): SQL | undefined => ('merchantId' in scope ? eq(statements.merchantId, scope.merchantId) : undefined);

export async function listStatements(
  db: Executor,
  scope: StatementScope,
  query: PageQuery & { merchantId?: string | undefined; status?: StatementStatus | undefined },
) {
  const where = and(
    scoped(scope),
    query.merchantId ? eq(statements.merchantId, query.merchantId) : undefined,
    query.status ? eq(statements.status, query.status) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const rows = await db.select().from(statements).where(where).orderBy(desc(statements.issuedAt), desc(statements.number)).limit(limit).offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(statements)
    .where(where);
  return toPage(query, rows.map(statementView), count?.n ?? 0);
}

export async function getStatementOrThrow(db: Executor, scope: StatementScope, id: string) {
  const [row] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.id, id), scoped(scope)));
  if (!row) throw notFound('Statement');
  const lines = await db.select().from(statementLines).where(eq(statementLines.statementId, id)).orderBy(asc(statementLines.lineNo));
  const payments = await db.select().from(statementPayments).where(eq(statementPayments.statementId, id)).orderBy(asc(statementPayments.createdAt));
  return {
    ...statementView(row),
    lines: lines.map(lineView(row.currency)),
    payments: payments.map((p) => ({ id: p.id, amount: formatMoney(p.amount, row.currency), reference: p.reference, paidAt: p.paidOn.toISOString() })),
  };
}
export type StatementDetail = Awaited<ReturnType<typeof getStatementOrThrow>>;

const CSV_COLUMNS = ['statementNumber', 'lineNo', 'kind', 'commissionId', 'orderId', 'affiliateId', 'amount', 'currency'] as const;

/** The statement as CSV, one row per line, for reconciling against the merchant's own records. */
export function statementCsv(s: StatementDetail): string {
  const rows = s.lines.map((l) => [s.number, l.lineNo, l.kind, l.commissionId, l.orderId, l.affiliateId, l.amount, s.currency].map(csvCell).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}
