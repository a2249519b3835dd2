import { and, eq, max } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { apiKeys } from './api-keys.tables.ts';

/**
 * When any of the merchant's keys of this mode last signed a request (revoked and rotated-out pairs
 * included: they were used all the same), or null when none ever has. Use is recorded at most once a
 * minute per key, so this may trail the latest request by that much.
 */
export async function lastKeyUseAt(executor: Executor, tenant: Tenant): Promise<Date | null> {
  const [row] = await executor
    .select({ at: max(apiKeys.lastUsedAt) })
    .from(apiKeys)
    .where(and(eq(apiKeys.merchantId, tenant.merchantId), eq(apiKeys.livemode, tenant.livemode)));
  return row?.at ?? null;
}
