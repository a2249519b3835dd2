import { and, desc, eq, sql } from 'drizzle-orm';
import { inTransaction, queryRows, type Db, type Tx } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import { newId } from '../../platform/ids.ts';
import { lockMerchantForUpdate } from '../merchants/index.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { statementLines, statements, type StatementRow } from './billing.tables.ts';
import { markStatementPaid } from './mark-statement-paid.ts';
import { creditFor, statementTotals } from './statement-math.ts';
import { statementView } from './statement-view.ts';

export interface IssueStatementInput {
  merchantId: string;
  currency: string;
  /** `admin:<userId>` or `system`. */
  actor: string;
  periodEnd?: Date;
}

interface CreditDue extends Record<string, unknown> {
  commission_id: string;
  order_id: string | null;
  affiliate_id: string | null;
  billed: string;
  current: string;
  fee_percent: number;
  credited: string;
}

/**
 * Issue the merchant's statement for one currency: every live APPROVED commission not yet billed,
 * the platform fee on them, and credits for billed commissions reversed or refunded since. Returns
 * null when there is nothing to bill. A statement whose total is not positive is settled at once.
 */
export async function issueStatement(db: Db, input: IssueStatementInput): Promise<StatementRow | null> {
  return issueInTransaction(db, input).catch((error: unknown) => {
    // Nothing on it: the transaction rolled back, no number was taken.
    if (error instanceof NothingToBill) return null;
    throw error;
  });
}

class NothingToBill extends Error {}

async function issueInTransaction(db: Db, input: IssueStatementInput): Promise<StatementRow> {
  return inTransaction(db, async (tx) => {
    // One issuer per merchant at a time: numbering and "not yet billed" hold under concurrency.
    const merchant = await lockMerchantForUpdate(tx, input.merchantId);
    if (!merchant) throw notFound('Merchant');
    const settings = await getPlatformSettings(tx);
    // Live APPROVED commissions of this currency not on any statement yet.
    const unbilled = sql`from commissions c join orders o on o.id = c.order_ref
          where c.merchant_id = ${input.merchantId} and c.livemode and c.status = 'approved' and c.currency = ${input.currency}
            and not exists (select 1 from statement_lines l where l.commission_id = c.id and l.kind = 'commission')`;
    const dues = await queryRows<CreditDue>(
      tx,
      sql`select l.commission_id, l.order_id, l.affiliate_id, l.amount::text as billed, s.fee_percent,
            (case when c.status in ('reversed', 'rejected') then 0 else c.amount end)::text as current,
            coalesce((select -sum(x.amount) from statement_lines x where x.kind = 'credit' and x.commission_id = l.commission_id), 0)::text as credited
          from statement_lines l join statements s on s.id = l.statement_id join commissions c on c.id = l.commission_id
          where s.merchant_id = ${input.merchantId} and s.currency = ${input.currency} and l.kind = 'commission'
            and (c.status in ('reversed', 'rejected') or c.amount < l.amount)
          order by l.commission_id`,
    );
    const credits = dues
      .map((d) => ({
        due: d,
        amount: creditFor({ billed: BigInt(d.billed), current: BigInt(d.current), feePercent: d.fee_percent, credited: BigInt(d.credited) }),
      }))
      .filter((c) => c.amount > 0n);

    const [previous] = await tx
      .select({ number: statements.number, periodEnd: statements.periodEnd })
      .from(statements)
      .where(eq(statements.merchantId, input.merchantId))
      .orderBy(desc(statements.number))
      .limit(1);
    const [lastOfCurrency] = await tx
      .select({ periodEnd: statements.periodEnd })
      .from(statements)
      .where(and(eq(statements.merchantId, input.merchantId), eq(statements.currency, input.currency)))
      .orderBy(desc(statements.periodEnd))
      .limit(1);
    const periodEnd = input.periodEnd ?? new Date();
    const id = newId('stm');
    // The row first (the lines point at it) with empty totals; the totals are set from the lines
    // actually written, so nothing approved in between can make the two disagree.
    await tx.insert(statements).values({
      id,
      merchantId: input.merchantId,
      number: (previous?.number ?? 0) + 1,
      currency: input.currency,
      status: 'issued',
      periodStart: lastOfCurrency?.periodEnd ?? periodEnd,
      periodEnd,
      ...statementTotals(0, 0n, [], 0),
      feePercent: settings.platformFeePercent,
      issuedBy: input.actor,
    });
    // One INSERT … SELECT: a statement of ten thousand commissions never travels through the app.
    await tx.execute(sql`insert into statement_lines (statement_id, line_no, kind, commission_id, order_id, affiliate_id, amount)
      select ${id}, row_number() over (order by c.created_at, c.id), 'commission', c.id, o.order_id, c.affiliate_id, c.amount ${unbilled}`);
    const [billed] = await queryRows<{ n: number; total: string; earliest: string | Date | null }>(
      tx,
      sql`select count(*)::int as n, coalesce(sum(l.amount), 0)::text as total,
            (select min(c.created_at) from commissions c join statement_lines x on x.commission_id = c.id where x.statement_id = ${id}) as earliest
          from statement_lines l where l.statement_id = ${id}`,
    );
    const count = billed?.n ?? 0;
    if (count === 0 && credits.length === 0) throw new NothingToBill();
    const totals = statementTotals(
      count,
      BigInt(billed?.total ?? '0'),
      credits.map((c) => c.amount),
      settings.platformFeePercent,
    );
    const earliest = billed?.earliest ? new Date(billed.earliest) : periodEnd;
    const [statement] = await tx
      .update(statements)
      .set({ ...totals, periodStart: lastOfCurrency?.periodEnd ?? (earliest < periodEnd ? earliest : periodEnd) })
      .where(eq(statements.id, id))
      .returning();
    if (!statement) throw new Error('statement vanished while issuing');

    let lineNo = count;
    const lines: (typeof statementLines.$inferInsert)[] = [];
    if (totals.platformFee > 0n) lines.push({ statementId: id, lineNo: ++lineNo, kind: 'fee', amount: totals.platformFee });
    for (const c of credits) {
      lines.push({
        statementId: id,
        lineNo: ++lineNo,
        kind: 'credit',
        commissionId: c.due.commission_id,
        orderId: c.due.order_id,
        affiliateId: c.due.affiliate_id,
        amount: -c.amount,
      });
    }
    if (lines.length > 0) await tx.insert(statementLines).values(lines);

    await recordEvent(tx, { type: 'statement.issued', merchantId: input.merchantId, livemode: true, data: { statement: statementView(statement) } });
    // Credits can outweigh the charges: nothing is owed, so it is settled now.
    if (statement.total <= 0n) return markStatementPaid(tx, statement, input.actor);
    return statement;
  });
}

/** The admin issues a statement at once; `422 NOTHING_TO_BILL` when there is nothing on it. */
export async function issueStatementNow(db: Db, input: { merchantId: string; currency?: string | undefined; adminUserId: string }): Promise<StatementRow> {
  const currency = input.currency ?? (await getPlatformSettings(db)).currency;
  const statement = await issueStatement(db, { merchantId: input.merchantId, currency, actor: `admin:${input.adminUserId}` });
  if (!statement) throw new AppError('NOTHING_TO_BILL', `Nothing to bill in ${currency}: no approved commissions and no credits since the last statement`);
  return statement;
}

/** Helper for the periodic run: merchants and currencies with something approved and unbilled. */
export async function merchantsToBill(tx: Tx | Db): Promise<Array<{ merchantId: string; currency: string }>> {
  const rows = await queryRows<{ merchant_id: string; currency: string }>(
    tx,
    sql`select distinct c.merchant_id, c.currency from commissions c
        where c.livemode and c.status = 'approved' and not exists (select 1 from statement_lines l where l.commission_id = c.id and l.kind = 'commission')
        union
        select distinct s.merchant_id, s.currency from statement_lines l join statements s on s.id = l.statement_id join commissions c on c.id = l.commission_id
        where l.kind = 'commission' and (c.status in ('reversed', 'rejected') or c.amount < l.amount)`,
  );
  return rows
    .map((r) => ({ merchantId: r.merchant_id, currency: r.currency }))
    .sort((a, b) => a.merchantId.localeCompare(b.merchantId) || a.currency.localeCompare(b.currency));
}
