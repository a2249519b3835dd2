import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import {
  campaignsByIds,
  listListedCampaigns,
  listListedCategories,
  type CampaignRow,
  type ListedCampaign,
  type ListedCampaignQuery,
} from '../campaigns/index.ts';
import { merchantCards } from '../merchants/index.ts';
import { campaignMemberships, type MembershipStatus } from './memberships.tables.ts';
import { describeCommission } from './membership-rules.ts';

export interface CampaignOffer {
  id: string;
  campaignCode: string;
  title: string;
  description: string | null;
  category: string | null;
  merchant: { id: string; name: string; website: string | null };
  commission: { type: 'PERCENTAGE' | 'FIXED'; value: string; currency: string } | null;
  cookieDurationDays: number;
  allowedTrafficSources: string[];
  termsAndConditions: string | null;
  approvalRequired: boolean;
  startDate: string | null;
  endDate: string | null;
  /** The signed-in affiliate's membership, null when they have none. */
  membershipStatus: MembershipStatus | null;
}

export function toOffer(
  campaign: CampaignRow,
  merchant: { id: string; name: string; website: string | null },
  membershipStatus: MembershipStatus | null,
): CampaignOffer {
  return {
    id: campaign.id,
    campaignCode: campaign.campaignCode,
    title: campaign.title,
    description: campaign.description,
    category: campaign.category,
    merchant,
    commission: describeCommission(campaign.defaultCommissionType, campaign.defaultCommissionValue, campaign.currency),
    cookieDurationDays: campaign.cookieDurationDays,
    allowedTrafficSources: campaign.allowedTrafficSources,
    termsAndConditions: campaign.termsAndConditions,
    approvalRequired: campaign.approvalRequired,
    startDate: campaign.startDate?.toISOString() ?? null,
    endDate: campaign.endDate?.toISOString() ?? null,
    membershipStatus,
  };
}

export type MarketplaceQuery = ListedCampaignQuery;

/**
 * Listed campaigns an affiliate can browse and join (the one listing rule of the campaigns module),
 * newest first, with their own membership.
 */
export async function listMarketplace(
  db: Db,
  affiliateId: string,
  query: MarketplaceQuery,
  now = new Date(),
): Promise<Page<ListedCampaign & { membershipStatus: MembershipStatus | null }>> {
  const page = await listListedCampaigns(db, query, now);
  const ids = page.data.map((campaign) => campaign.id);
  const memberships =
    ids.length === 0
      ? []
      : await db
          .select({ campaignId: campaignMemberships.campaignId, status: campaignMemberships.status })
          .from(campaignMemberships)
          .where(and(eq(campaignMemberships.affiliateId, affiliateId), inArray(campaignMemberships.campaignId, ids)));
  const statuses = new Map(memberships.map((row) => [row.campaignId, row.status]));
  return { ...page, data: page.data.map((campaign) => ({ ...campaign, membershipStatus: statuses.get(campaign.id) ?? null })) };
}

/** Categories that have at least one listed campaign, for the marketplace filter. */
export const listMarketplaceCategories = (db: Db, now = new Date()) => listListedCategories(db, now);

/** The campaigns an affiliate belongs to (any status), whether or not they are still listed. */
export async function listAffiliateCampaigns(
  db: Db,
  affiliateId: string,
  query: PageQuery & { status?: MembershipStatus | undefined },
): Promise<Page<CampaignOffer>> {
  const where = and(eq(campaignMemberships.affiliateId, affiliateId), query.status ? eq(campaignMemberships.status, query.status) : undefined);
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select({ campaignId: campaignMemberships.campaignId, merchantId: campaignMemberships.merchantId, membershipStatus: campaignMemberships.status })
      .from(campaignMemberships)
      .where(where)
      .orderBy(desc(campaignMemberships.updatedAt), asc(campaignMemberships.campaignId))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(campaignMemberships).where(where),
  ]);
  // A page of memberships, then the campaigns and stores it names (an affiliate's list, not a hot path).
  const [campaigns, stores] = await Promise.all([
    campaignsByIds(
      db,
      rows.map((row) => row.campaignId),
    ),
    merchantCards(
      db,
      rows.map((row) => row.merchantId),
    ),
  ]);
  const data = rows.map((row) => {
    const campaign = campaigns.get(row.campaignId)!;
    return toOffer(campaign, { id: campaign.merchantId, ...stores.get(campaign.merchantId)! }, row.membershipStatus);
  });
  return toPage(query, data, total?.n ?? 0);
}
