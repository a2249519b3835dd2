import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { campaignColumns } from '../campaigns/index.ts';
import { productColumns } from '../products/index.ts';
import { links, type LinkRow } from './links.tables.ts';

export interface LinkWithNames {
  link: LinkRow;
  campaignTitle: string;
  productName: string | null;
}

/** Links with their campaign title and product name. */
export function selectLinks(executor: Executor) {
  return executor
    .select({ link: links, campaignTitle: campaignColumns.title, productName: productColumns.name })
    .from(links)
    .innerJoin(campaignColumns, eq(campaignColumns.id, links.campaignId))
    .leftJoin(productColumns, eq(productColumns.id, links.productId));
}

export async function findAffiliateLink(affiliateId: string, linkId: string, executor: Executor): Promise<LinkWithNames | undefined> {
  const [row] = await selectLinks(executor).where(and(eq(links.id, linkId), eq(links.affiliateId, affiliateId)));
  return row;
}
