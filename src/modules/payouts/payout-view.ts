import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { formatMoney, formatPercentage } from '../../platform/money.ts';
import { affiliateColumns } from '../affiliates/index.ts';
import { payouts, type PayoutRow, type PayoutStatus } from './payouts.tables.ts';

const commissionCount = sql<number>`(select count(*)::int from payout_items i where i.payout_id = ${payouts.id} and i.kind = 'commission')`;

export function payoutView(p: PayoutRow & { commissionCount: number }) {
  const money = (v: bigint) => formatMoney(v, p.currency);
  return {
    id: p.id,
    status: p.status,
    amount: money(p.amount),
    currency: p.currency,
    withholdingPercent: formatPercentage(p.withholdingPercent),
    withheldAmount: money(p.withheldAmount),
    netAmount: money(p.netAmount),
    payoutMethodId: p.payoutMethodId,
    method: p.method,
    commissionCount: p.commissionCount,
    reason: p.reason,
    reference: p.reference,
    batchId: p.batchId,
    requestedAt: p.requestedAt.toISOString(),
    reviewedAt: p.reviewedAt?.toISOString() ?? null,
    settledAt: p.settledAt?.toISOString() ?? null,
  };
}
export type PayoutView = ReturnType<typeof payoutView>;

export async function findPayoutView(db: Db, id: string): Promise<PayoutView> {
  const [row] = await db.select({ payout: payouts, commissionCount }).from(payouts).where(eq(payouts.id, id));
  return payoutView({ ...row!.payout, commissionCount: row!.commissionCount });
}

/** The affiliate's own payouts, newest first, with each one's state and reason. */
export async function listAffiliatePayouts(db: Db, affiliateId: string, query: PageQuery) {
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select({ payout: payouts, commissionCount })
    .from(payouts)
    .where(eq(payouts.affiliateId, affiliateId))
    .orderBy(desc(payouts.requestedAt), desc(payouts.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payouts)
    .where(eq(payouts.affiliateId, affiliateId));
  return toPage(
    query,
    rows.map((r) => payoutView({ ...r.payout, commissionCount: r.commissionCount })),
    count?.n ?? 0,
  );
}

/** The facts an admin weighs before approving a withdrawal (SPEC §6 "Review"). */
const reviewFacts = {
  affiliateCreatedAt: affiliateColumns.createdAt,
  affiliateName: affiliateColumns.displayName,
  // A payout method added, or one removed, in the last 7 days: a classic account-takeover sign.
  methodChangedRecently: sql<boolean>`exists (select 1 from payout_methods m where m.affiliate_id = ${payouts.affiliateId}
    and (m.created_at > now() - interval '7 days' or m.removed_at > now() - interval '7 days'))`,
  openRiskReviews: sql<number>`(select count(*)::int from commissions c where c.affiliate_id = ${payouts.affiliateId} and c.review_status = 'required' and c.status in ('pending', 'hold'))`,
  reversedCommissions: sql<number>`(select count(*)::int from commissions c where c.affiliate_id = ${payouts.affiliateId} and c.livemode and c.status in ('reversed', 'rejected'))`,
  allCommissions: sql<number>`(select count(*)::int from commissions c where c.affiliate_id = ${payouts.affiliateId} and c.livemode)`,
};

export async function listPayoutsForAdmin(db: Db, query: PageQuery & { status?: PayoutStatus | undefined }) {
  const where: SQL | undefined = query.status ? eq(payouts.status, query.status) : undefined;
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select({ payout: payouts, commissionCount, ...reviewFacts })
    .from(payouts)
    .innerJoin(affiliateColumns, eq(affiliateColumns.id, payouts.affiliateId))
    .where(where)
    // The queue is worked oldest first.
    .orderBy(payouts.requestedAt, payouts.id)
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payouts)
    .where(where);
  const now = Date.now();
  return toPage(
    query,
    rows.map((r) => ({
      ...payoutView({ ...r.payout, commissionCount: r.commissionCount }),
      affiliateId: r.payout.affiliateId,
      affiliateName: r.affiliateName,
      review: {
        accountAgeDays: Math.floor((now - r.affiliateCreatedAt.getTime()) / 86_400_000),
        payoutMethodChangedRecently: r.methodChangedRecently,
        openRiskReviews: r.openRiskReviews,
        // Hundredths of a percent, shown like every other percentage.
        reversedShare: formatPercentage(r.allCommissions === 0 ? 0 : Math.floor((r.reversedCommissions * 10_000) / r.allCommissions)),
      },
    })),
    count?.n ?? 0,
  );
}

/** Counts the admin overview shows: what waits for review, for a batch, and for the rail. */
export async function payoutQueueCounts(db: Db) {
  const rows = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from payouts where status in ('requested', 'approved', 'processing') group by status`,
  );
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { requested: of('requested'), approved: of('approved'), processing: of('processing') };
}
