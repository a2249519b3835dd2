import { campaignMemberships } from '../../src/modules/memberships/memberships.tables.ts';
import type { CampaignRow } from '../../src/modules/campaigns/campaigns.tables.ts';
import type { ProductRow } from '../../src/modules/products/products.tables.ts';
import { createLink } from '../../src/modules/links/create-link.ts';
import type { LinkView } from '../../src/modules/links/link-view.ts';
import { makeCampaign, makeProduct } from './catalog-factories.ts';
import { makeAffiliate, type TestMerchant } from './factories.ts';
import type { TestApp } from './test-app.ts';

/** Make `affiliateId` an approved member of the campaign (as if it joined or was approved). */
export async function approveMembership(t: TestApp, campaign: CampaignRow, affiliateId: string): Promise<void> {
  await t.platform.db
    .insert(campaignMemberships)
    .values({ campaignId: campaign.id, affiliateId, merchantId: campaign.merchantId, status: 'APPROVED', decidedAt: new Date() })
    .onConflictDoUpdate({ target: [campaignMemberships.campaignId, campaignMemberships.affiliateId], set: { status: 'APPROVED' } });
}

export interface TestLink {
  link: LinkView;
  campaign: CampaignRow;
  product: ProductRow | null;
  affiliate: Awaited<ReturnType<typeof makeAffiliate>>;
}

/**
 * A live link of a new approved affiliate: to a new product when `product` is given (its URL and
 * other fields), to the campaign's landing page otherwise.
 */
export async function makeLink(
  t: TestApp,
  merchant: TestMerchant,
  options: {
    campaign?: Parameters<typeof makeCampaign>[2];
    product?: Parameters<typeof makeProduct>[2];
    affiliate?: TestLink['affiliate'];
    reuseCampaign?: CampaignRow;
  } = {},
): Promise<TestLink> {
  const campaign = options.reuseCampaign ?? (await makeCampaign(t, merchant, options.campaign));
  const product = options.product ? await makeProduct(t, merchant, { campaignId: campaign.id, livemode: campaign.livemode, ...options.product }) : null;
  const affiliate = options.affiliate ?? (await makeAffiliate(t));
  await approveMembership(t, campaign, affiliate.affiliateId);
  const link = await createLink(t.platform.db, affiliate.affiliateId, { campaignId: campaign.id, productId: product?.id }, 'https://im.example');
  return { link, campaign, product, affiliate };
}
