import { and, asc, count, desc, eq, gt, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { campaigns, type CampaignRow } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
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

export function toOffer(campaign: CampaignRow, merchant: { id: string; name: string; website: string | null }, membershipStatus: MembershipStatus | null): CampaignOffer {
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

/** The SQL form of isPubliclyListed (membership-rules.ts), plus an approved merchant. */
export function publiclyListed(now: Date): SQL {
  return and(
    eq(campaigns.livemode, true),
    eq(campaigns.publicListing, true),
    eq(campaigns.status, 'ACTIVE'),
    or(eq(campaigns.approvalRequired, false), isNotNull(campaigns.approvedAt)),
    or(isNull(campaigns.endDate), gt(campaigns.endDate, now)),
    eq(merchants.status, 'APPROVED'),
  )!;
}

export interface MarketplaceQuery extends PageQuery {
  category?: string | undefined;
  q?: string | undefined;
}

/** Public campaigns an affiliate can browse and join, newest first, with their own membership. */
export async function listMarketplace(db: Db, affiliateId: string, query: MarketplaceQuery, now = new Date()): Promise<Page<CampaignOffer>> {
  const where = and(
    publiclyListed(now),
    query.category ? eq(sql`lower(${campaigns.category})`, query.category.trim().toLowerCase()) : undefined,
    query.q ? ilike(campaigns.title, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select({ campaign: campaigns, merchantName: merchants.businessName, merchantWebsite: merchants.website, membershipStatus: campaignMemberships.status })
      .from(campaigns)
      .innerJoin(merchants, eq(merchants.id, campaigns.merchantId))
      .leftJoin(campaignMemberships, and(eq(campaignMemberships.campaignId, campaigns.id), eq(campaignMemberships.affiliateId, affiliateId)))
      .where(where)
      .orderBy(desc(campaigns.createdAt), asc(campaigns.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(campaigns).innerJoin(merchants, eq(merchants.id, campaigns.merchantId)).where(where),
  ]);
  const data = rows.map((row) =>
    toOffer(row.campaign, { id: row.campaign.merchantId, name: row.merchantName, website: row.merchantWebsite }, row.membershipStatus ?? null),
  );
  return toPage(query, data, total?.n ?? 0);
}

/** Categories that have at least one listed campaign, for the marketplace filter. */
export async function listMarketplaceCategories(db: Db, now = new Date()): Promise<string[]> {
  const rows = await db
    .selectDistinct({ category: campaigns.category })
    .from(campaigns)
    .innerJoin(merchants, eq(merchants.id, campaigns.merchantId))
    .where(and(publiclyListed(now), isNotNull(campaigns.category)))
    .orderBy(asc(campaigns.category));
  return rows.map((row) => row.category!);
}

/** The campaigns an affiliate belongs to (any status), whether or not they are still listed. */
export async function listAffiliateCampaigns(db: Db, affiliateId: string, query: PageQuery & { status?: MembershipStatus | undefined }): Promise<Page<CampaignOffer>> {
  const where = and(eq(campaignMemberships.affiliateId, affiliateId), query.status ? eq(campaignMemberships.status, query.status) : undefined);
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select({ campaign: campaigns, merchantName: merchants.businessName, merchantWebsite: merchants.website, membershipStatus: campaignMemberships.status })
      .from(campaignMemberships)
      .innerJoin(campaigns, eq(campaigns.id, campaignMemberships.campaignId))
      .innerJoin(merchants, eq(merchants.id, campaigns.merchantId))
      .where(where)
      .orderBy(desc(campaignMemberships.updatedAt), asc(campaigns.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(campaignMemberships).where(where),
  ]);
  const data = rows.map((row) => toOffer(row.campaign, { id: row.campaign.merchantId, name: row.merchantName, website: row.merchantWebsite }, row.membershipStatus));
  return toPage(query, data, total?.n ?? 0);
}
