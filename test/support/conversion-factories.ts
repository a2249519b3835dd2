import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.ts';
import { newId, randomCode } from '../../src/platform/ids.ts';
import { campaigns, type CampaignRow } from '../../src/modules/campaigns/campaigns.tables.ts';
import { links } from '../../src/modules/links/links.tables.ts';
import { merchants } from '../../src/modules/merchants/merchants.tables.ts';
import { products } from '../../src/modules/products/products.tables.ts';
import { clicks, type SubIds } from '../../src/modules/tracking/clicks.tables.ts';

/** Direct inserts of the catalog and tracking rows conversions read, with sensible defaults. */

export async function insertCampaign(db: Db, input: { merchantId: string; livemode: boolean } & Partial<typeof campaigns.$inferInsert>): Promise<CampaignRow> {
  const [row] = await db
    .insert(campaigns)
    .values({
      id: randomUUID(),
      campaignCode: `CMP-${randomCode(6)}`,
      title: 'Test campaign',
      status: 'ACTIVE',
      cookieDurationDays: 30,
      ...input,
    })
    .returning();
  return row!;
}

export async function insertProduct(
  db: Db,
  input: { merchantId: string; livemode: boolean; externalProductId: string } & Partial<typeof products.$inferInsert>,
): Promise<typeof products.$inferSelect> {
  const [row] = await db
    .insert(products)
    .values({ id: randomUUID(), name: `Product ${input.externalProductId}`, productUrl: 'https://shop.example.com/p', price: 100000n, ...input })
    .returning();
  return row!;
}

export async function insertLink(db: Db, input: { affiliateId: string; merchantId: string; livemode: boolean; campaignId: string; productId?: string | null }) {
  const [row] = await db
    .insert(links)
    .values({ id: newId('lnk'), code: randomBytes(6).toString('base64url'), productId: null, ...input })
    .returning();
  return row!;
}

export interface ClickOptions {
  clickedAt?: Date;
  attributable?: boolean;
  ipHash?: string;
  productId?: string | null;
  subIds?: SubIds;
  /** Reuse this link instead of making a fresh one. */
  linkId?: string;
}

/** A recorded click through a fresh link of this affiliate on this campaign. */
export async function insertClick(db: Db, campaign: CampaignRow, affiliateId: string, options: ClickOptions = {}): Promise<string> {
  const link = options.linkId
    ? { id: options.linkId }
    : await insertLink(db, {
        affiliateId,
        merchantId: campaign.merchantId,
        livemode: campaign.livemode,
        campaignId: campaign.id,
        productId: options.productId ?? null,
      });
  const id = newId('clk');
  await db.insert(clicks).values({
    id,
    linkId: link.id,
    affiliateId,
    merchantId: campaign.merchantId,
    livemode: campaign.livemode,
    campaignId: campaign.id,
    productId: options.productId ?? null,
    clickedAt: options.clickedAt ?? new Date(Date.now() - 10 * 60_000),
    ipHash: options.ipHash ?? randomBytes(8).toString('hex'),
    attributable: options.attributable ?? true,
    subIds: options.subIds ?? {},
  });
  return id;
}

export async function setMerchantDefaults(db: Db, merchantId: string, values: Partial<typeof merchants.$inferInsert>): Promise<void> {
  await db.update(merchants).set(values).where(eq(merchants.id, merchantId));
}

let orderSeq = 0;
/** A unique merchant order id. */
export const orderId = (prefix = 'ORD') => `${prefix}-${Date.now().toString(36)}-${++orderSeq}-${randomBytes(3).toString('hex')}`;
