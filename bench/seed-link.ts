import { randomBytes, randomUUID } from 'node:crypto';
import { approveMerchant, signUpAffiliate, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { campaigns } from '../src/modules/campaigns/campaigns.tables.ts';
import { createLink } from '../src/modules/links/create-link.ts';
import { campaignMemberships } from '../src/modules/memberships/memberships.tables.ts';
import { products } from '../src/modules/products/products.tables.ts';
import type { Platform } from '../src/platform/platform.ts';

/** A merchant, an active campaign with one product, and an approved affiliate's link to it. */
export async function seedBenchLink(platform: Platform): Promise<{ code: string; linkId: string }> {
  const id = randomBytes(4).toString('hex');
  const domain = `bench-${id}.example.com`;
  const { merchantId } = await signUpMerchant(platform.db, {
    email: `bench-merchant-${id}@example.com`,
    password: 'bench-password-123',
    businessName: 'Bench Store',
    website: `https://${domain}`,
    domains: [domain],
  });
  await approveMerchant(platform.db, platform.secrets, merchantId, null);
  const campaignId = randomUUID();
  await platform.db
    .insert(campaigns)
    .values({ id: campaignId, merchantId, livemode: true, campaignCode: `CMP-${id.slice(0, 6).toUpperCase()}`, title: 'Bench', status: 'ACTIVE' });
  const productId = randomUUID();
  await platform.db.insert(products).values({
    id: productId,
    merchantId,
    livemode: true,
    externalProductId: 'BENCH-1',
    name: 'Bench product',
    productUrl: `https://${domain}/p/bench?color=red#details`,
    price: 100_000n,
    campaignId,
  });
  const { affiliateId } = await signUpAffiliate(platform.db, { email: `bench-affiliate-${id}@example.com`, password: 'bench-password-123' });
  await platform.db.insert(campaignMemberships).values({ campaignId, affiliateId, merchantId, status: 'APPROVED' });
  const link = await createLink(platform.db, affiliateId, { campaignId, productId }, 'http://127.0.0.1');
  return { code: link.code, linkId: link.id };
}
