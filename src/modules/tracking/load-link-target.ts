import type { Db } from '../../platform/db/client.ts';
import { findLinkWithTarget } from '../links/index.ts';
import { blockedReasonOf, type Attributability } from './click-checks.ts';
import { redirectTemplate, type RedirectTemplate } from './redirect-target.ts';
import { normalizeAllowedSources } from './traffic-source.ts';

/** Everything the redirect needs about a link, read once and then cached. */
export interface LinkTarget extends Attributability {
  linkId: string;
  affiliateId: string;
  merchantId: string;
  livemode: boolean;
  campaignId: string;
  productId: string | null;
  /** Null when neither the product, the campaign nor the merchant gives a usable http(s) address. */
  redirect: RedirectTemplate | null;
  allowedTrafficSources: string[];
}

/** Codes are letters and digits; anything else is not worth a database read. */
export const LINK_CODE_SHAPE = /^[A-Za-z0-9]{4,32}$/;

export async function loadLinkTarget(db: Db, code: string): Promise<LinkTarget | null> {
  const row = await findLinkWithTarget(db, code);
  if (!row) return null;
  const { link, campaign, merchant, product } = row;
  const redirect =
    (product?.productUrl ? redirectTemplate(product.productUrl) : null) ??
    (campaign.landingUrl ? redirectTemplate(campaign.landingUrl) : null) ??
    (merchant.website ? redirectTemplate(merchant.website) : null);
  return {
    linkId: link.id,
    affiliateId: link.affiliateId,
    merchantId: link.merchantId,
    livemode: link.livemode,
    campaignId: campaign.id,
    productId: link.productId,
    redirect,
    allowedTrafficSources: normalizeAllowedSources(campaign.allowedTrafficSources),
    blockedReason: blockedReasonOf({
      linkStatus: link.status,
      productStatus: link.productId ? (product?.status ?? 'ARCHIVED') : null,
      campaignStatus: campaign.status,
      merchantApproved: merchant.status === 'APPROVED',
    }),
    startsAt: campaign.startDate?.getTime() ?? null,
    endsAt: campaign.endDate?.getTime() ?? null,
  };
}
