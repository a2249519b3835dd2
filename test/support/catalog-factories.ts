import { randomUUID } from 'node:crypto';
import { campaigns, type CampaignRow } from '../../src/modules/campaigns/campaigns.tables.ts';
import { products, type ProductRow } from '../../src/modules/products/products.tables.ts';
import { randomCode } from '../../src/platform/ids.ts';
import type { TestApp } from './test-app.ts';

type CampaignInsert = typeof campaigns.$inferInsert;
type ProductInsert = typeof products.$inferInsert;

/**
 * A campaign written straight to the database (the campaigns API is not what these tests exercise).
 * Defaults: live mode, ACTIVE, private, 10 % commission, landing page on the merchant's domain.
 */
export async function makeCampaign(
  t: TestApp,
  merchant: { merchantId: string; domain?: string },
  overrides: Partial<CampaignInsert> = {},
): Promise<CampaignRow> {
  const [row] = await t.platform.db
    .insert(campaigns)
    .values({
      id: randomUUID(),
      merchantId: merchant.merchantId,
      livemode: true,
      campaignCode: `CMP-${randomCode(6)}`,
      title: 'Dashain Sale',
      category: 'fashion',
      landingUrl: merchant.domain ? `https://${merchant.domain}/sale` : null,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
      cookieDurationDays: 30,
      status: 'ACTIVE',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A product of the merchant, attached to `campaign` when given. */
export async function makeProduct(t: TestApp, merchant: { merchantId: string; domain?: string }, overrides: Partial<ProductInsert> = {}): Promise<ProductRow> {
  const [row] = await t.platform.db
    .insert(products)
    .values({
      id: randomUUID(),
      merchantId: merchant.merchantId,
      livemode: true,
      externalProductId: `SKU-${randomCode(8)}`,
      name: 'Pashmina shawl',
      productUrl: `https://${merchant.domain ?? 'shop.example.com'}/p/pashmina`,
      price: 299_900n,
      ...overrides,
    })
    .returning();
  return row!;
}
