import type { Executor } from '../../platform/db/client.ts';
import { findCampaign } from '../campaigns/index.ts';
import { findMerchantCommissionDefault } from '../merchants/index.ts';
import { getPlatformSettings } from '../platform-settings/index.ts';
import { findProductCommissionsBySku } from '../products/index.ts';
import { toCommissionRule, type CommissionRule } from './commission-rule.ts';

export interface CommissionRules {
  campaign: CommissionRule | null;
  merchant: CommissionRule | null;
  platform: CommissionRule;
  /** Products matched by SKU (externalProductId) in the same merchant and mode; unknown SKUs are absent. */
  products: Map<string, { productId: string; rule: CommissionRule | null }>;
}

/**
 * Everything computeCommission needs for one order, read in parallel: the campaign default
 * (campaignId null for none), the merchant default, the platform default, and the products behind
 * `skus`. Archived products still count: the order happened while the link was out. A level in
 * `known` (read by the caller already, with the row it needed anyway) is not read again.
 */
export async function loadCommissionRules(
  executor: Executor,
  scope: { merchantId: string; livemode: boolean; campaignId: string | null; skus: readonly string[] },
  known: { campaign?: CommissionRule | null; merchant?: CommissionRule | null } = {},
): Promise<CommissionRules> {
  const tenant = { merchantId: scope.merchantId, livemode: scope.livemode };
  const skus = [...new Set(scope.skus)];
  const [campaign, merchant, platform, productRows] = await Promise.all([
    known.campaign !== undefined
      ? known.campaign
      : scope.campaignId
        ? findCampaign(tenant, scope.campaignId, executor).then((row) =>
            row ? toCommissionRule(row.defaultCommissionType, row.defaultCommissionValue, row.currency) : null,
          )
        : null,
    known.merchant !== undefined
      ? known.merchant
      : findMerchantCommissionDefault(executor, scope.merchantId).then((row) => (row ? toCommissionRule(row.type, row.value, row.currency) : null)),
    getPlatformSettings(executor),
    skus.length > 0 ? findProductCommissionsBySku(executor, tenant, skus) : [],
  ]);
  return {
    campaign,
    merchant,
    platform: { type: platform.defaultCommissionType, value: platform.defaultCommissionValue, currency: platform.currency },
    products: new Map(productRows.map((row) => [row.sku, { productId: row.id, rule: toCommissionRule(row.type, row.value, row.currency) }])),
  };
}
