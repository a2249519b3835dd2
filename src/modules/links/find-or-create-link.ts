import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { links } from './links.tables.ts';

export interface LinkTarget {
  affiliateId: string;
  merchantId: string;
  livemode: boolean;
  campaignId: string;
  productId: string | null;
}

/**
 * The affiliate's link to this campaign (or product of it), created with `code` when there is none,
 * in the caller's transaction; returns the link's id. The caller checks the affiliate may link there.
 */
export async function findOrCreateLink(executor: Executor, target: LinkTarget, code: () => string): Promise<string> {
  const [existing] = await executor
    .select({ id: links.id })
    .from(links)
    .where(
      and(
        eq(links.affiliateId, target.affiliateId),
        eq(links.campaignId, target.campaignId),
        target.productId ? eq(links.productId, target.productId) : isNull(links.productId),
      ),
    )
    .limit(1);
  if (existing) return existing.id;
  const id = newId('lnk');
  await executor.insert(links).values({ id, code: code(), ...target });
  return id;
}
