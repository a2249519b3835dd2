import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { campaigns } from './campaigns.tables.ts';

/** The ids of the tenant's campaigns with this exact title. */
export async function findCampaignIdsByTitle(executor: Executor, tenant: Tenant, title: string): Promise<string[]> {
  const rows = await executor
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.merchantId, tenant.merchantId), eq(campaigns.livemode, tenant.livemode), eq(campaigns.title, title)));
  return rows.map((row) => row.id);
}
