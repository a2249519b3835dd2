import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { merchantDomains, merchants } from './merchants.tables.ts';

/** The domains a merchant may link to: its APPROVED ones (subdomains count, see isUrlOnDomains). */
export async function findApprovedDomains(merchantId: string, executor: Executor): Promise<string[]> {
  const rows = await executor
    .select({ domain: merchantDomains.domain })
    .from(merchantDomains)
    .where(and(eq(merchantDomains.merchantId, merchantId), eq(merchantDomains.status, 'APPROVED')));
  return rows.map((row) => row.domain);
}

/** What catalog writes need to know about the merchant: its currency and approved domains. */
export async function findCatalogContext(merchantId: string, executor: Executor): Promise<{ currency: string; approvedDomains: string[] }> {
  const [merchant] = await executor.select({ currency: merchants.currency }).from(merchants).where(eq(merchants.id, merchantId));
  if (!merchant) throw new Error(`merchant ${merchantId} vanished`);
  return { currency: merchant.currency, approvedDomains: await findApprovedDomains(merchantId, executor) };
}
