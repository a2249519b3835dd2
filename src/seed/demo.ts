import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import type { SecretBox } from '../platform/crypto/secret-box.ts';
import { users } from '../modules/accounts/accounts.tables.ts';
import { approveMerchant, createAdmin, signUpAffiliate, signUpMerchant } from '../modules/accounts/accounts.service.ts';

export const DEMO_PASSWORD = 'demo-password-123';
export const DEMO_ACCOUNTS = {
  admin: 'admin@example.com',
  merchant: 'merchant@example.com',
  affiliate: 'affiliate@example.com',
} as const;
export const DEMO_DOMAIN = 'demo-store.example.com';

/**
 * Demo data for a first look at the platform. Safe to run again: when the demo merchant exists the
 * seed leaves everything as it is (key pairs are shown only when they are created).
 */
export async function seedDemo(db: Db, secrets: SecretBox): Promise<Record<string, unknown>> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS.merchant));
  const logins = { password: DEMO_PASSWORD, ...DEMO_ACCOUNTS };
  if (existing) return { created: false, logins };

  await createAdmin(db, { email: DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD });
  const { merchantId } = await signUpMerchant(db, {
    email: DEMO_ACCOUNTS.merchant,
    password: DEMO_PASSWORD,
    businessName: 'Demo Store',
    website: `https://${DEMO_DOMAIN}`,
    contactName: 'Demo Merchant',
    domains: [DEMO_DOMAIN],
  });
  const keys = await approveMerchant(db, secrets, merchantId, null);
  const { affiliateId } = await signUpAffiliate(db, { email: DEMO_ACCOUNTS.affiliate, password: DEMO_PASSWORD, displayName: 'Demo Creator' });
  return {
    created: true,
    logins,
    merchantId,
    affiliateId,
    testKeys: { publishableKey: keys.test.publishableKey, signingSecret: keys.test.signingSecret },
  };
}
