import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { products } from '../products/products.tables.ts';
import { links, type LinkRow } from './links.tables.ts';

export interface LinkWithNames {
  link: LinkRow;
  campaignTitle: string;
  productName: string | null;
}

/** Links with their campaign title and product name. */
export function selectLinks(executor: Executor) {
  return executor
    .select({ link: links, campaignTitle: campaigns.title, productName: products.name })
    .from(links)
    .innerJoin(campaigns, eq(campaigns.id, links.campaignId))
    .leftJoin(products, eq(products.id, links.productId));
}

export async function findAffiliateLink(affiliateId: string, linkId: string, executor: Executor): Promise<LinkWithNames | undefined> {
  const [row] = await selectLinks(executor).where(and(eq(links.id, linkId), eq(links.affiliateId, affiliateId)));
  return row;
}
