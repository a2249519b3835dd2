import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { campaignColumns } from '../campaigns/index.ts';
import { merchantColumns } from '../merchants/index.ts';
import { productColumns } from '../products/index.ts';
import { links } from './links.tables.ts';

/**
 * A link with what it points to (its campaign, merchant and product), in one query: the redirect
 * reads this on every link-cache miss.
 */
export async function findLinkWithTarget(executor: Executor, code: string) {
  const [row] = await executor
    .select({
      link: {
        id: links.id,
        status: links.status,
        affiliateId: links.affiliateId,
        merchantId: links.merchantId,
        livemode: links.livemode,
        productId: links.productId,
      },
      campaign: {
        id: campaignColumns.id,
        status: campaignColumns.status,
        startDate: campaignColumns.startDate,
        endDate: campaignColumns.endDate,
        landingUrl: campaignColumns.landingUrl,
        allowedTrafficSources: campaignColumns.allowedTrafficSources,
      },
      merchant: { status: merchantColumns.status, website: merchantColumns.website },
      product: { status: productColumns.status, productUrl: productColumns.productUrl },
    })
    .from(links)
    .innerJoin(campaignColumns, eq(campaignColumns.id, links.campaignId))
    .innerJoin(merchantColumns, eq(merchantColumns.id, links.merchantId))
    .leftJoin(productColumns, eq(productColumns.id, links.productId))
    .where(eq(links.code, code));
  return row;
}
