import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { products } from '../products/products.tables.ts';
import { clicks } from '../tracking/clicks.tables.ts';
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

/** Recorded clicks per link (all of them, and the attributable ones). */
export async function countClicks(linkIds: string[], executor: Executor): Promise<Map<string, { clicks: number; attributableClicks: number }>> {
  if (linkIds.length === 0) return new Map();
  const rows = await executor
    .select({ linkId: clicks.linkId, clicks: count(), attributableClicks: sql<number>`count(*) filter (where ${clicks.attributable})`.mapWith(Number) })
    .from(clicks)
    .where(inArray(clicks.linkId, linkIds))
    .groupBy(clicks.linkId);
  return new Map(rows.map((row) => [row.linkId, { clicks: Number(row.clicks), attributableClicks: Number(row.attributableClicks) }]));
}
