import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { links } from './links.tables.ts';

/** The code of one of the tenant's links to any of these campaigns, or undefined. */
export async function findLinkCodeOfCampaigns(executor: Executor, tenant: Tenant, campaignIds: readonly string[]): Promise<string | undefined> {
  if (campaignIds.length === 0) return undefined;
  const [row] = await executor
    .select({ code: links.code })
    .from(links)
    .where(and(eq(links.merchantId, tenant.merchantId), eq(links.livemode, tenant.livemode), inArray(links.campaignId, [...campaignIds])))
    .limit(1);
  return row?.code;
}
