import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { findAnyCampaign } from '../campaigns/index.ts';
import { findMembershipStatus } from '../memberships/index.ts';
import { findCampaignProduct } from '../products/index.ts';
import { newLinkCode } from './link-code.ts';
import { toLinkView, type LinkView } from './link-view.ts';
import { findAffiliateLink } from './links.repository.ts';
import { links } from './links.tables.ts';

const CODE_ATTEMPTS = 5;

/**
 * Make a short link for a campaign the affiliate was approved for, or for one of its products.
 * A campaign that is archived or past its end date takes no new links.
 */
export async function createLink(
  db: Db,
  affiliateId: string,
  input: { campaignId: string; productId?: string | undefined },
  baseUrl: string,
  now = new Date(),
): Promise<LinkView> {
  if (!isUuid(input.campaignId)) throw notFound('Campaign');
  const linkId = await inTransaction(db, async (tx) => {
    const campaign = await findAnyCampaign(tx, input.campaignId);
    const membership = campaign ? await findMembershipStatus(tx, campaign.id, affiliateId) : undefined;
    // Without a membership the campaign is not the affiliate's business at all.
    if (!campaign || !membership) throw notFound('Campaign');
    if (membership !== 'APPROVED') {
      throw new AppError(
        'CAMPAIGN_NOT_JOINED',
        membership === 'PENDING' ? 'Your request to join this campaign is waiting for the merchant' : 'Join this campaign before making links for it',
      );
    }
    if (campaign.status === 'ARCHIVED' || (campaign.endDate && campaign.endDate <= now)) {
      throw new AppError('CAMPAIGN_INACTIVE', 'This campaign has ended and takes no new links');
    }
    if (input.productId !== undefined) {
      const product = await findCampaignProduct(tx, { productId: input.productId, campaignId: campaign.id, merchantId: campaign.merchantId });
      if (!product)
        throw new AppError('NOT_FOUND', 'Product not found in this campaign', [
          { field: 'productId', code: 'NOT_IN_CAMPAIGN', message: 'is not a product of this campaign' },
        ]);
      if (product.status !== 'ACTIVE')
        throw new AppError('UNPROCESSABLE', 'This product is archived', [{ field: 'productId', code: 'PRODUCT_ARCHIVED', message: 'is archived' }]);
    }
    for (let attempt = 1; ; attempt++) {
      const id = newId('lnk');
      const inserted = await tx
        .insert(links)
        .values({
          id,
          code: newLinkCode(),
          affiliateId,
          merchantId: campaign.merchantId,
          livemode: campaign.livemode,
          campaignId: campaign.id,
          productId: input.productId ?? null,
        })
        .onConflictDoNothing({ target: links.code })
        .returning({ id: links.id });
      if (inserted.length > 0) return id;
      if (attempt >= CODE_ATTEMPTS) throw new AppError('CONFLICT', 'Could not find a free link code; try again');
    }
  });
  const row = await findAffiliateLink(affiliateId, linkId, db);
  return toLinkView(row!, baseUrl);
}
