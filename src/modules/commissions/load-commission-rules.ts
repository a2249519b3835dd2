import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { campaigns } from '../campaigns/campaigns.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { products } from '../products/products.tables.ts';
import { toCommissionRule, type CommissionRule } from './commission-rule.ts';

export interface CommissionRules {
  campaign: CommissionRule | null;
  merchant: CommissionRule | null;
  platform: CommissionRule;
  /** Products matched by SKU (externalProductId) in the same merchant and mode; unknown SKUs are absent. */
  products: Map<string, { productId: string; rule: CommissionRule | null }>;
}

/**
 * Everything resolveCommission needs for one order, read in a few queries: the campaign default
 * (campaignId null for none), the merchant default, the platform default, and the products behind
 * `skus`. Archived products still count: the order happened while the link was out.
 */
export async function loadCommissionRules(
  executor: Executor,
  scope: { merchantId: string; livemode: boolean; campaignId: string | null; skus: readonly string[] },
): Promise<CommissionRules> {
  const skus = [...new Set(scope.skus)];
  const [campaignRows, merchantRows, platform, productRows] = await Promise.all([
    scope.campaignId
      ? executor
          .select({ type: campaigns.defaultCommissionType, value: campaigns.defaultCommissionValue, currency: campaigns.currency })
          .from(campaigns)
          .where(and(eq(campaigns.id, scope.campaignId), eq(campaigns.merchantId, scope.merchantId), eq(campaigns.livemode, scope.livemode)))
      : Promise.resolve([]),
    executor
      .select({ type: merchants.defaultCommissionType, value: merchants.defaultCommissionValue, currency: merchants.currency })
      .from(merchants)
      .where(eq(merchants.id, scope.merchantId)),
    getPlatformSettings(executor),
    skus.length > 0
      ? executor
          .select({
            id: products.id,
            sku: products.externalProductId,
            type: products.commissionType,
            value: products.commissionValue,
            currency: products.currency,
          })
          .from(products)
          .where(and(eq(products.merchantId, scope.merchantId), eq(products.livemode, scope.livemode), inArray(products.externalProductId, skus)))
      : Promise.resolve([]),
  ]);
  const campaign = campaignRows[0];
  const merchant = merchantRows[0];
  return {
    campaign: campaign ? toCommissionRule(campaign.type, campaign.value, campaign.currency) : null,
    merchant: merchant ? toCommissionRule(merchant.type, merchant.value, merchant.currency) : null,
    platform: { type: platform.defaultCommissionType, value: platform.defaultCommissionValue, currency: platform.currency },
    products: new Map(productRows.map((row) => [row.sku, { productId: row.id, rule: toCommissionRule(row.type, row.value, row.currency) }])),
  };
}
