import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { clicks } from './clicks.tables.ts';

/** When the merchant's latest recorded click of this mode happened (sandbox clicks included), or null. Served by clicks_merchant_idx. */
export async function lastClickAt(executor: Executor, tenant: Tenant): Promise<Date | null> {
  const [row] = await executor
    .select({ at: clicks.clickedAt })
    .from(clicks)
    .where(and(eq(clicks.merchantId, tenant.merchantId), eq(clicks.livemode, tenant.livemode)))
    .orderBy(desc(clicks.clickedAt))
    .limit(1);
  return row?.at ?? null;
}
