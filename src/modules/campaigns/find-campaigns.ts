import { and, eq, inArray } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { campaigns, type CampaignRow } from './campaigns.tables.ts';

/** Any merchant's campaign, in either mode; undefined when there is none (or the id is not a uuid). */
export async function findAnyCampaign(executor: Executor, campaignId: string): Promise<CampaignRow | undefined> {
  if (!isUuid(campaignId)) return undefined;
  const [row] = await executor.select().from(campaigns).where(eq(campaigns.id, campaignId));
  return row;
}

/** The merchant's own campaign in either mode, or not found (another merchant's campaign is simply not there). */
export async function findMerchantCampaignOrThrow(executor: Executor, merchantId: string, campaignId: string): Promise<CampaignRow> {
  const campaign = await findAnyCampaign(executor, campaignId);
  if (!campaign || campaign.merchantId !== merchantId) throw notFound('Campaign');
  return campaign;
}

/** These campaigns, by id. */
export async function campaignsByIds(executor: Executor, ids: readonly string[]): Promise<Map<string, CampaignRow>> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await executor.select().from(campaigns).where(inArray(campaigns.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Which of these ids are the tenant's campaigns (in its mode). */
export async function tenantCampaignIds(executor: Executor, tenant: Tenant, ids: readonly string[]): Promise<Set<string>> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return new Set();
  const rows = await executor
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.merchantId, tenant.merchantId), eq(campaigns.livemode, tenant.livemode), inArray(campaigns.id, wanted)));
  return new Set(rows.map((row) => row.id));
}

/**
 * The campaign columns other modules' queries may join (a link's title, what the redirect needs),
 * so they stay one query. PostgreSQL inlines the subquery: the plan is that of a join on campaigns.
 */
export const campaignColumns = new QueryBuilder()
  .select({
    id: campaigns.id,
    title: campaigns.title,
    status: campaigns.status,
    startDate: campaigns.startDate,
    endDate: campaigns.endDate,
    landingUrl: campaigns.landingUrl,
    allowedTrafficSources: campaigns.allowedTrafficSources,
  })
  .from(campaigns)
  .as('campaign_columns');
