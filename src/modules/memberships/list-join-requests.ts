import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { affiliateCards, type AffiliateCard } from '../affiliates/index.ts';
import { campaignTitles } from '../campaigns/index.ts';
import { campaignMemberships, type MembershipStatus } from './memberships.tables.ts';

export interface JoinRequestView {
  campaignId: string;
  campaignTitle: string;
  status: MembershipStatus;
  affiliate: AffiliateCard;
  requestedAt: string | null;
  invitedAt: string | null;
  decidedAt: string | null;
}

export interface JoinRequestQuery extends PageQuery {
  status?: MembershipStatus | undefined;
  campaignId?: string | undefined;
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The merchant's affiliates by membership status (PENDING: the join-request queue), newest first. */
export async function listJoinRequests(db: Db, merchantId: string, query: JoinRequestQuery): Promise<Page<JoinRequestView>> {
  const where = and(
    eq(campaignMemberships.merchantId, merchantId),
    query.status ? eq(campaignMemberships.status, query.status) : undefined,
    query.campaignId ? eq(campaignMemberships.campaignId, query.campaignId) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(campaignMemberships)
      .where(where)
      .orderBy(desc(campaignMemberships.updatedAt), desc(campaignMemberships.affiliateId))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(campaignMemberships).where(where),
  ]);
  // A page of memberships, then the titles and affiliates it names (a merchant's list, not a hot path).
  const [titles, cards] = await Promise.all([
    campaignTitles(
      db,
      rows.map((row) => row.campaignId),
    ),
    affiliateCards(
      db,
      rows.map((row) => row.affiliateId),
    ),
  ]);
  const data = rows.map((membership) => ({
    campaignId: membership.campaignId,
    campaignTitle: titles.get(membership.campaignId) ?? '',
    status: membership.status,
    affiliate: cards.get(membership.affiliateId)!,
    requestedAt: iso(membership.requestedAt),
    invitedAt: iso(membership.invitedAt),
    decidedAt: iso(membership.decidedAt),
  }));
  return toPage(query, data, total?.n ?? 0);
}
