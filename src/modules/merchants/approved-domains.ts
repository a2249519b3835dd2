import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchantDomains } from './merchants.tables.ts';

/** The domains a merchant's product URLs may use (check a URL with `isUrlOnDomains`). */
export async function listApprovedDomains(executor: Executor, merchantId: string): Promise<string[]> {
  const rows = await executor
    .select({ domain: merchantDomains.domain })
    .from(merchantDomains)
    .where(and(eq(merchantDomains.merchantId, merchantId), eq(merchantDomains.status, 'APPROVED')));
  return rows.map((row) => row.domain);
}
