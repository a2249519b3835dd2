import { and, eq, max } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { webhookDeliveries } from './webhooks.tables.ts';

/** When a delivery of this mode last reached one of the merchant's endpoints (answered 2xx), or null when none has yet. */
export async function lastSucceededDeliveryAt(executor: Executor, tenant: Tenant): Promise<Date | null> {
  const [row] = await executor
    .select({ at: max(webhookDeliveries.completedAt) })
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.merchantId, tenant.merchantId), eq(webhookDeliveries.livemode, tenant.livemode), eq(webhookDeliveries.status, 'succeeded')),
    );
  return row?.at ?? null;
}
