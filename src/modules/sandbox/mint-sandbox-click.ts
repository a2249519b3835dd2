import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tenant } from '../../platform/tenant.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { newId } from '../../platform/ids.ts';
import { users } from '../accounts/accounts.tables.ts';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { links } from '../links/links.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { products } from '../products/products.tables.ts';
import { clicks } from '../tracking/clicks.tables.ts';
import { blockedReasonOf, unattributableReason } from '../tracking/index.ts';
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
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.merchantId, merchantId), eq(campaigns.livemode, false)));
    if (!campaign) throw notFound('Test-mode campaign');
    const [product] = input.productId
      ? await tx
          .select()
          .from(products)
          .where(and(eq(products.id, input.productId), eq(products.merchantId, merchantId), eq(products.livemode, false)))
      : [];
    if (input.productId && !product) throw notFound('Test-mode product');
    const affiliateId = await sandboxAffiliateOf(tx, merchantId);
    const productId = product?.id ?? null;
    const [existing] = await tx
      .select({ id: links.id })
      .from(links)
      .where(and(eq(links.affiliateId, affiliateId), eq(links.campaignId, campaign.id), productId ? eq(links.productId, productId) : isNull(links.productId)))
      .limit(1);
    const linkId = existing?.id ?? newId('lnk');
    if (!existing) {
      await tx.insert(links).values({
        id: linkId,
        code: `sbx${randomBytes(8).toString('base64url')}`,
        affiliateId,
        merchantId,
        livemode: false,
        campaignId: campaign.id,
        productId,
      });
    }
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
    await tx.insert(clicks).values({
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
      trafficSource: 'sandbox',
      attributable,
    });
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
  await tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).for('no key update');
  const [again] = await tx.select({ affiliateId: sandboxAffiliates.affiliateId }).from(sandboxAffiliates).where(eq(sandboxAffiliates.merchantId, merchantId));
  if (again) return again.affiliateId;
  const userId = newId('usr');
  // Not a password hash: no password ever verifies against it, so nobody can sign in as it.
  await tx.insert(users).values({
    id: userId,
    email: `sandbox+${merchantId.toLowerCase()}@sandbox.invalid`,
    passwordHash: '!sandbox-no-login',
    role: 'affiliate',
    name: 'Sandbox affiliate',
  });
  const affiliateId = newId('aff');
  await tx.insert(affiliates).values({ id: affiliateId, userId, displayName: 'Sandbox affiliate' });
  await tx.insert(sandboxAffiliates).values({ merchantId, affiliateId });
  return affiliateId;
}
