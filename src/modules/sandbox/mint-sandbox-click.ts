import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tenant } from '../../platform/tenant.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { newId } from '../../platform/ids.ts';
import { insertLoginlessUser } from '../accounts/index.ts';
import { insertAffiliate } from '../affiliates/index.ts';
import { findCampaign } from '../campaigns/index.ts';
import { findOrCreateLink } from '../links/index.ts';
import { lockMerchant } from '../merchants/index.ts';
import { findProduct } from '../products/index.ts';
import { blockedReasonOf, insertClicks, unattributableReason } from '../tracking/index.ts';
import { sandboxAffiliates } from './sandbox.tables.ts';

export interface SandboxClickInput {
  campaignId: string;
  productId?: string | undefined;
  /** Replay an older click, e.g. to see EXPIRED_WINDOW; now when omitted. */
  clickedAt?: string | undefined;
}

export interface SandboxClick {
  clickId: string;
  linkId: string;
  affiliateRef: string;
  campaignId: string;
  productId: string | null;
  clickedAt: string;
  attributable: boolean;
  livemode: false;
}

/**
 * Mint a recorded test-mode click for one of the merchant's test campaigns (or a product in it),
 * as if a buyer had clicked the sandbox affiliate's link, so an integration can replay
 * click → conversion → status updates end to end. Live keys are refused: nothing here may reach
 * live data.
 */
export async function mintSandboxClick(db: Db, principal: Tenant, input: SandboxClickInput, now = new Date()): Promise<SandboxClick> {
  if (principal.livemode) throw new AppError('TEST_MODE_ONLY', 'The sandbox only works in test mode (pk_test_… keys, or X-Mode: test from the dashboard)');
  const clickedAt = input.clickedAt ? new Date(input.clickedAt) : now;
  if (clickedAt.getTime() > now.getTime() + 60_000) throw validationError([{ field: 'clickedAt', code: 'IN_FUTURE', message: 'must not be in the future' }]);
  const merchantId = principal.merchantId;
  return inTransaction(db, async (tx) => {
    const test = { merchantId, livemode: false };
    const campaign = await findCampaign(test, input.campaignId, tx);
    if (!campaign) throw notFound('Test-mode campaign');
    const product = input.productId ? await findProduct(test, input.productId, tx) : undefined;
    if (input.productId && !product) throw notFound('Test-mode product');
    const affiliateId = await sandboxAffiliateOf(tx, merchantId);
    const productId = product?.id ?? null;
    const linkId = await findOrCreateLink(
      tx,
      { affiliateId, merchantId, livemode: false, campaignId: campaign.id, productId },
      () => `sbx${randomBytes(8).toString('base64url')}`,
    );
    // The redirect's attributability rule: inactive campaigns and archived products mint no earning
    // click. The sandbox serves merchants still awaiting approval too, so the merchant counts as active.
    const blockedReason = blockedReasonOf({
      linkStatus: 'ACTIVE',
      productStatus: product?.status ?? null,
      campaignStatus: campaign.status,
      merchantApproved: true,
    });
    const attributable =
      unattributableReason(
        { blockedReason, startsAt: campaign.startDate?.getTime() ?? null, endsAt: campaign.endDate?.getTime() ?? null },
        clickedAt.getTime(),
      ) === null;
    const clickId = newId('clk');
    await insertClicks(tx, [
      {
        id: clickId,
        linkId,
        affiliateId,
        merchantId,
        livemode: false,
        campaignId: campaign.id,
        productId,
        clickedAt,
        ipHash: `sandbox:${randomBytes(12).toString('base64url')}`,
        userAgent: 'Influencemart sandbox',
        referrer: null,
        trafficSource: 'sandbox',
        subIds: {},
        attributable,
        unattributableReason: null,
        riskFlags: [],
      },
    ]);
    return {
      clickId,
      linkId,
      affiliateRef: affiliateId,
      campaignId: campaign.id,
      productId,
      clickedAt: clickedAt.toISOString(),
      attributable,
      livemode: false as const,
    };
  });
}

/** The merchant's sandbox affiliate, created on first use (the merchant row lock serialises that). */
async function sandboxAffiliateOf(tx: Tx, merchantId: string): Promise<string> {
  const [known] = await tx.select({ affiliateId: sandboxAffiliates.affiliateId }).from(sandboxAffiliates).where(eq(sandboxAffiliates.merchantId, merchantId));
  if (known) return known.affiliateId;
  await lockMerchant(tx, merchantId);
  const [again] = await tx.select({ affiliateId: sandboxAffiliates.affiliateId }).from(sandboxAffiliates).where(eq(sandboxAffiliates.merchantId, merchantId));
  if (again) return again.affiliateId;
  const userId = await insertLoginlessUser(tx, { email: `sandbox+${merchantId.toLowerCase()}@sandbox.invalid`, role: 'affiliate', name: 'Sandbox affiliate' });
  const affiliateId = await insertAffiliate(tx, { userId, displayName: 'Sandbox affiliate' });
  await tx.insert(sandboxAffiliates).values({ merchantId, affiliateId });
  return affiliateId;
}
