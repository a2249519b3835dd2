import { and, eq, max } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { conversions } from './conversions.tables.ts';

/** When the merchant last reported a conversion in this mode (attributed or not), or null when it never has. */
export async function lastConversionAt(executor: Executor, tenant: Tenant): Promise<Date | null> {
  const [row] = await executor
    .select({ at: max(conversions.createdAt) })
    .from(conversions)
    .where(and(eq(conversions.merchantId, tenant.merchantId), eq(conversions.livemode, tenant.livemode)));
  return row?.at ?? null;
}
