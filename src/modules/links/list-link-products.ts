import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Page, PageQuery } from '../../platform/http/pagination.ts';
import { findJoinedCampaign } from '../memberships/index.ts';
import { listProducts, type ProductView } from '../products/index.ts';

export interface LinkProduct {
  id: string;
  name: string;
  imageUrl: string | null;
  productUrl: string;
  price: string;
  discountPrice: string | null;
  currency: string;
}

const toLinkProduct = (product: ProductView): LinkProduct => ({
  id: product.id,
  name: product.name,
  imageUrl: product.imageUrl,
  productUrl: product.productUrl,
  price: product.price,
  discountPrice: product.discountPrice,
  currency: product.currency,
});

/**
 * The active products of a campaign the affiliate joined, found by part of their name or SKU, for
 * picking one to link to. Any other campaign is not found, as it is when making a link.
 */
export async function listLinkProducts(
  db: Db,
  affiliateId: string,
  campaignId: string,
  query: PageQuery & { search?: string | undefined },
): Promise<Page<LinkProduct>> {
  const campaign = await findJoinedCampaign(db, affiliateId, campaignId);
  if (!campaign) throw notFound('Campaign');
  const page = await listProducts(
    db,
    { merchantId: campaign.merchantId, livemode: campaign.livemode },
    { page: query.page, pageSize: query.pageSize, search: query.search, campaignId: campaign.id, status: 'ACTIVE' },
  );
  return { ...page, data: page.data.map(toLinkProduct) };
}
