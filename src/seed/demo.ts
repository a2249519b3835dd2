import type { Db } from '../platform/db/client.ts';
import type { SecretBox } from '../platform/crypto/secret-box.ts';
import { readDemoTestKeyPair } from '../modules/api-keys/index.ts';
import { approveMerchant, createAdmin, findUserIdByEmail, signUpAffiliate, signUpMerchant } from '../modules/accounts/index.ts';
import { findMerchantIdOfUser } from '../modules/merchants/index.ts';
import { activateCampaign, findCampaignIdsByTitle } from '../modules/campaigns/index.ts';
import { createCampaign } from '../modules/campaigns/index.ts';
import { setCampaignListing } from '../modules/campaigns/index.ts';
import { findProductCommissionsBySku, writeProducts } from '../modules/products/index.ts';
import { inviteAffiliate } from '../modules/memberships/index.ts';
import { joinCampaign } from '../modules/memberships/index.ts';
import { createLink, findLinkCodeOfCampaigns } from '../modules/links/index.ts';

export const DEMO_PASSWORD = 'demo-password-123';
export const DEMO_ACCOUNTS = {
  admin: 'admin@example.com',
  merchant: 'merchant@example.com',
  affiliate: 'affiliate@example.com',
} as const;
export const DEMO_DOMAIN = 'demo-store.example.com';
/**
 * The example store (examples/demo-store) runs on this machine; `*.localhost` names reach it in
 * any browser without touching DNS. Its product is the demo's test-mode campaign.
 */
export const EXAMPLE_STORE_DOMAIN = 'example-store.localhost';
export const EXAMPLE_STORE_URL = `http://${EXAMPLE_STORE_DOMAIN}:4100`;
const TEST_CAMPAIGN = {
  campaign: {
    title: 'Example store (test mode)',
    description: 'Try the whole flow on this machine: the example store sells these shoes in test mode.',
    category: 'Sports',
    defaultCommissionType: 'PERCENTAGE' as const,
    defaultCommissionValue: '10',
    cookieDurationDays: 30,
  },
  product: { externalProductId: 'TRAIL-SHOES', name: 'Trail running shoes', productUrl: '/products/trail-shoes', price: '4500.00', category: 'Shoes' },
};

const DEMO_CAMPAIGNS = [
  {
    campaign: {
      title: 'Dashain Sale',
      description: 'Festival offers on phones and audio.',
      category: 'Electronics',
      defaultCommissionType: 'PERCENTAGE' as const,
      defaultCommissionValue: '8',
      cookieDurationDays: 30,
      termsAndConditions: 'No paid search on the store brand. Coupon sites excluded.',
    },
    products: [
      {
        externalProductId: 'PH-A54-128',
        name: 'Galaxy A54 128 GB',
        productUrl: '/p/ph-a54-128',
        price: '54999.00',
        category: 'Phones',
        brand: 'Samsung',
        commissionType: 'PERCENTAGE',
        commissionValue: '5',
      },
      {
        externalProductId: 'EB-100',
        name: 'Wireless Earbuds',
        productUrl: '/p/eb-100',
        price: '2999.00',
        discountPrice: '2499.00',
        category: 'Audio',
        commissionType: 'PERCENTAGE',
        commissionValue: '10',
      },
      { externalProductId: 'PB-20K', name: 'Power Bank 20 000 mAh', productUrl: '/p/pb-20k', price: '3499.00', category: 'Accessories' },
    ],
  },
  {
    campaign: {
      title: 'Winter Wear',
      description: 'Jackets and warm layers, free delivery in the valley.',
      category: 'Fashion',
      defaultCommissionType: 'FIXED' as const,
      defaultCommissionValue: '150.00',
      cookieDurationDays: 14,
    },
    products: [
      {
        externalProductId: 'JK-DOWN-M',
        name: 'Down Jacket (M)',
        productUrl: '/p/jk-down-m',
        price: '8999.00',
        category: 'Jackets',
        commissionType: 'FIXED',
        commissionValue: '400.00',
      },
      { externalProductId: 'SC-WOOL', name: 'Wool Scarf', productUrl: '/p/sc-wool', price: '1299.00', category: 'Accessories' },
    ],
  },
];

export type DemoSummary = {
  created: boolean;
  logins: typeof DEMO_ACCOUNTS & { password: string };
  merchantId: string;
  /** The demo affiliate's link to the example store's product, in test mode. */
  testLinkCode?: string;
  /** The demo merchant's test pair, ready to sign requests with (printed by `serve --demo`). */
  testKeys: { publishableKey: string; signingSecret: string } | null;
  affiliateId?: string;
  catalog?: Array<{ campaignId: string; campaignCode: string; products: number }>;
};

/**
 * Demo data for a first look at the platform. Safe to run again: when the demo merchant exists the
 * seed leaves everything as it is and reports the demo merchant's current test keys.
 */
export async function seedDemo(db: Db, secrets: SecretBox, options: { exampleStoreUrl?: string } = {}): Promise<DemoSummary> {
  const logins = { password: DEMO_PASSWORD, ...DEMO_ACCOUNTS };
  const demoUserId = await findUserIdByEmail(db, DEMO_ACCOUNTS.merchant);
  const existingMerchantId = demoUserId && (await findMerchantIdOfUser(db, demoUserId));
  const existing = existingMerchantId ? { merchantId: existingMerchantId } : undefined;
  if (existing) {
    const pair = await readDemoTestKeyPair(db, secrets, existing.merchantId);
    return {
      created: false,
      logins,
      merchantId: existing.merchantId,
      testLinkCode: await findTestLinkCode(db, existing.merchantId),
      testKeys: pair && { publishableKey: pair.publishableKey, signingSecret: pair.signingSecret },
    };
  }

  await createAdmin(db, { email: DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD });
  const { merchantId, userId } = await signUpMerchant(db, {
    email: DEMO_ACCOUNTS.merchant,
    password: DEMO_PASSWORD,
    businessName: 'Demo Store',
    website: `https://${DEMO_DOMAIN}`,
    contactName: 'Demo Merchant',
    domains: [DEMO_DOMAIN, EXAMPLE_STORE_DOMAIN],
  });
  const keys = await approveMerchant(db, secrets, merchantId, null);
  const live = { merchantId, livemode: true };
  const catalog = [];
  for (const demo of DEMO_CAMPAIGNS) {
    const campaign = await createCampaign(db, live, demo.campaign);
    await activateCampaign(db, live, campaign.id);
    await setCampaignListing(db, { merchantId }, campaign.id, true);
    const products = demo.products.map((product) => ({ ...product, productUrl: `https://${DEMO_DOMAIN}${product.productUrl}`, campaignId: campaign.id }));
    const written = await writeProducts(db, live, products, { mode: 'upsert' });
    catalog.push({ campaignId: campaign.id, campaignCode: campaign.campaignCode, products: written.created });
  }
  const { affiliateId } = await signUpAffiliate(db, { email: DEMO_ACCOUNTS.affiliate, password: DEMO_PASSWORD, displayName: 'Demo Creator' });
  const testLinkCode = await seedTestCampaign(db, { merchantId, merchantUserId: userId, affiliateId }, options.exampleStoreUrl ?? EXAMPLE_STORE_URL);
  return {
    testLinkCode,
    created: true,
    logins,
    merchantId,
    affiliateId,
    catalog,
    testKeys: { publishableKey: keys.test.publishableKey, signingSecret: keys.test.signingSecret },
  };
}

/** The test-mode campaign: the demo affiliate is invited, has joined, and has a link to the example store's product. */
async function seedTestCampaign(db: Db, who: { merchantId: string; merchantUserId: string; affiliateId: string }, storeUrl: string): Promise<string> {
  const test = { merchantId: who.merchantId, livemode: false };
  const campaign = await createCampaign(db, test, TEST_CAMPAIGN.campaign);
  await activateCampaign(db, test, campaign.id);
  const productUrl = `${storeUrl.replace(/\/+$/, '')}${TEST_CAMPAIGN.product.productUrl}`;
  await writeProducts(db, test, [{ ...TEST_CAMPAIGN.product, productUrl, campaignId: campaign.id }], { mode: 'upsert' });
  const [product] = await findProductCommissionsBySku(db, test, [TEST_CAMPAIGN.product.externalProductId]);
  await inviteAffiliate(db, { merchantId: who.merchantId, userId: who.merchantUserId }, campaign.id, DEMO_ACCOUNTS.affiliate);
  await joinCampaign(db, who.affiliateId, campaign.id);
  const link = await createLink(db, who.affiliateId, { campaignId: campaign.id, productId: product!.id }, '');
  return link.code;
}

async function findTestLinkCode(db: Db, merchantId: string): Promise<string | undefined> {
  const test = { merchantId, livemode: false };
  return findLinkCodeOfCampaigns(db, test, await findCampaignIdsByTitle(db, test, TEST_CAMPAIGN.campaign.title));
}
