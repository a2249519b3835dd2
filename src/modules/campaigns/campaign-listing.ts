import { and, asc, count, desc, eq, gt, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like-pattern.ts';
import { pageWindow, toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { formatCommissionValue, pickCommissionRule, toCommissionRule, type CommissionType } from '../commissions/index.ts';
import { merchantColumns } from '../merchants/index.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { campaigns } from './campaigns.tables.ts';

/** A listed campaign as the public page and the marketplace show it. */
export interface ListedCampaign {
  id: string;
  campaignCode: string;
  title: string;
  description: string | null;
  category: string | null;
  merchant: { id: string; name: string; website: string | null };
  /** What an affiliate earns: the campaign's default, else the merchant's, else the platform's. */
  commission: { type: CommissionType; value: string; currency: string; source: 'campaign' | 'merchant' | 'platform' };
  cookieDurationDays: number;
  termsAndConditions: string | null;
  allowedTrafficSources: string[];
  approvalRequired: boolean;
  startDate: string | null;
  endDate: string | null;
  livemode: boolean;
}

export interface ListedCampaignQuery extends PageQuery {
  category?: string | undefined;
  /** Part of the title, case-insensitive. */
  search?: string | undefined;
}

/** The SQL form of isCampaignListed (campaign-status.ts), plus an approved merchant; needs the merchants join. */
function listedCampaignsWhere(now: Date): SQL {
  return and(
    eq(campaigns.livemode, true),
    eq(campaigns.publicListing, true),
    eq(campaigns.status, 'ACTIVE'),
    or(isNull(campaigns.endDate), gt(campaigns.endDate, now)),
    or(eq(campaigns.approvalRequired, false), isNotNull(campaigns.approvedAt)),
    eq(merchantColumns.status, 'APPROVED'),
  )!;
}

/** Listed campaigns, newest first: the one query behind the public page and the marketplace. */
export async function listListedCampaigns(db: Db, query: ListedCampaignQuery, now = new Date()): Promise<Page<ListedCampaign>> {
  const where = and(
    listedCampaignsWhere(now),
    query.category ? eq(sql`lower(${campaigns.category})`, query.category.trim().toLowerCase()) : undefined,
    query.search ? ilike(campaigns.title, containsPattern(query.search)) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [totals], platform] = await Promise.all([
    db
      .select({
        campaign: campaigns,
        merchantName: merchantColumns.businessName,
        website: merchantColumns.website,
        merchantType: merchantColumns.defaultCommissionType,
        merchantValue: merchantColumns.defaultCommissionValue,
        merchantCurrency: merchantColumns.currency,
      })
      .from(campaigns)
      .innerJoin(merchantColumns, eq(merchantColumns.id, campaigns.merchantId))
      .where(where)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(campaigns).innerJoin(merchantColumns, eq(merchantColumns.id, campaigns.merchantId)).where(where),
    getPlatformSettings(db),
  ]);
  const platformRule = { type: platform.defaultCommissionType, value: platform.defaultCommissionValue, currency: platform.currency };
  const data = rows.map(({ campaign: c, merchantName, website, merchantType, merchantValue, merchantCurrency }): ListedCampaign => {
    const levels = {
      campaign: toCommissionRule(c.defaultCommissionType, c.defaultCommissionValue, c.currency),
      merchant: toCommissionRule(merchantType, merchantValue, merchantCurrency),
      platform: platformRule,
    };
    const picked = pickCommissionRule(levels, c.currency) ?? { rule: platformRule, source: 'platform' as const };
    return {
      id: c.id,
      campaignCode: c.campaignCode,
      title: c.title,
      description: c.description,
      category: c.category,
      merchant: { id: c.merchantId, name: merchantName, website },
      commission: {
        type: picked.rule.type,
        value: formatCommissionValue(picked.rule.type, picked.rule.value, picked.rule.currency),
        currency: picked.rule.currency,
        source: picked.source as 'campaign' | 'merchant' | 'platform',
      },
      cookieDurationDays: c.cookieDurationDays,
      termsAndConditions: c.termsAndConditions,
      allowedTrafficSources: c.allowedTrafficSources,
      approvalRequired: c.approvalRequired,
      startDate: c.startDate?.toISOString() ?? null,
      endDate: c.endDate?.toISOString() ?? null,
      livemode: c.livemode,
    };
  });
  return toPage(query, data, totals?.total ?? 0);
}

/** Categories that have at least one listed campaign. */
export async function listListedCategories(db: Db, now = new Date()): Promise<string[]> {
  const rows = await db
    .selectDistinct({ category: campaigns.category })
    .from(campaigns)
    .innerJoin(merchantColumns, eq(merchantColumns.id, campaigns.merchantId))
    .where(and(listedCampaignsWhere(now), isNotNull(campaigns.category)))
    .orderBy(asc(campaigns.category));
  return rows.map((row) => row.category!);
}
