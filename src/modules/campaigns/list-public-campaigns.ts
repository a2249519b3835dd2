import type { Static } from '@sinclair/typebox';
import { and, count, desc, eq, gt, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like-pattern.ts';
import { pageWindow, toPage, type Page } from '../../platform/http/pagination.ts';
import { formatCommissionValue, toCommissionRule } from '../commissions/commission-rule.ts';
import { pickCommissionRule } from '../commissions/resolve-commission.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { getPlatformSettings } from '../platform-settings/platform-settings.repository.ts';
import type { PublicCampaign, PublicCampaignQuery } from './campaigns.schemas.ts';
import { campaigns } from './campaigns.tables.ts';

/**
 * The public listing: campaigns opted in, active (not expired), approved (or not needing approval)
 * of merchants in good standing. The commission shown is the campaign's default, or the fallback
 * that applies to it (merchant, then platform); products may pay their own rates.
 */
export async function listPublicCampaigns(db: Db, query: PublicCampaignQuery): Promise<Page<Static<typeof PublicCampaign>>> {
  const now = new Date();
  const where = and(
    eq(campaigns.publicListing, true),
    eq(campaigns.status, 'ACTIVE'),
    or(isNull(campaigns.endDate), gt(campaigns.endDate, now)),
    or(eq(campaigns.approvalRequired, false), isNotNull(campaigns.approvedAt)),
    eq(merchants.status, 'APPROVED'),
    query.category ? eq(sql`lower(${campaigns.category})`, query.category.trim().toLowerCase()) : undefined,
    query.search ? ilike(campaigns.title, containsPattern(query.search)) : undefined,
    query.livemode === undefined ? undefined : eq(campaigns.livemode, query.livemode),
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [totals], platform] = await Promise.all([
    db
      .select({ campaign: campaigns, merchantName: merchants.businessName, website: merchants.website, merchantType: merchants.defaultCommissionType, merchantValue: merchants.defaultCommissionValue, merchantCurrency: merchants.currency })
      .from(campaigns)
      .innerJoin(merchants, eq(merchants.id, campaigns.merchantId))
      .where(where)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(campaigns).innerJoin(merchants, eq(merchants.id, campaigns.merchantId)).where(where),
    getPlatformSettings(db),
  ]);
  const platformRule = { type: platform.defaultCommissionType, value: platform.defaultCommissionValue, currency: platform.currency };
  const data = rows.map(({ campaign: c, merchantName, website, merchantType, merchantValue, merchantCurrency }) => {
    const levels = { campaign: toCommissionRule(c.defaultCommissionType, c.defaultCommissionValue, c.currency), merchant: toCommissionRule(merchantType, merchantValue, merchantCurrency), platform: platformRule };
    const picked = pickCommissionRule(levels, c.currency) ?? { rule: platformRule, source: 'platform' as const };
    return {
      id: c.id,
      campaignCode: c.campaignCode,
      title: c.title,
      description: c.description,
      category: c.category,
      merchant: { name: merchantName, website },
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
