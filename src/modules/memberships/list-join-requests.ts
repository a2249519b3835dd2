import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { affiliates, type AffiliateChannel, type SocialHandles } from '../affiliates/affiliates.tables.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { campaignMemberships, type MembershipStatus } from './memberships.tables.ts';

export interface JoinRequestView {
  campaignId: string;
  campaignTitle: string;
  status: MembershipStatus;
  affiliate: { id: string; displayName: string; channels: AffiliateChannel[]; website: string | null; socialHandles: SocialHandles };
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
      .select({ membership: campaignMemberships, campaignTitle: campaigns.title, affiliate: affiliates })
      .from(campaignMemberships)
      .innerJoin(campaigns, eq(campaigns.id, campaignMemberships.campaignId))
      .innerJoin(affiliates, eq(affiliates.id, campaignMemberships.affiliateId))
      .where(where)
      .orderBy(desc(campaignMemberships.updatedAt), desc(campaignMemberships.affiliateId))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(campaignMemberships).where(where),
  ]);
  const data = rows.map(({ membership, campaignTitle, affiliate }) => ({
    campaignId: membership.campaignId,
    campaignTitle,
    status: membership.status,
    affiliate: {
      id: affiliate.id,
      displayName: affiliate.displayName,
      channels: affiliate.channels,
      website: affiliate.website,
      socialHandles: affiliate.socialHandles,
    },
    requestedAt: iso(membership.requestedAt),
    invitedAt: iso(membership.invitedAt),
    decidedAt: iso(membership.decidedAt),
  }));
  return toPage(query, data, total?.n ?? 0);
}
