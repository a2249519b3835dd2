import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Db, type Executor } from '../../platform/db/client.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { affiliates } from '../affiliates/affiliates.tables.ts';
import { issueKeyPair, type IssuedKeyPair } from '../api-keys/api-keys.service.ts';
import { normalizeDomain } from '../merchants/domains.ts';
import { merchantDomains, merchants } from '../merchants/merchants.tables.ts';
import { users, type UserRole } from './accounts.tables.ts';
import { hashPassword } from './passwords.ts';

export interface NewUser {
  email: string;
  password: string;
  role: UserRole;
  name?: string | undefined;
}

async function insertUser(tx: Executor, user: NewUser): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, user.email.toLowerCase()));
  if (existing) throw new AppError('ALREADY_EXISTS', 'An account with this email already exists', [{ field: 'email', code: 'TAKEN', message: 'is already registered' }]);
  const id = newId('usr');
  await tx.insert(users).values({ id, email: user.email.toLowerCase(), passwordHash: await hashPassword(user.password), role: user.role, name: user.name ?? null });
  return id;
}

export interface NewMerchant {
  email: string;
  password: string;
  businessName: string;
  website?: string | undefined;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  domains?: string[] | undefined;
}

/** A merchant signs up: a user, a merchant in PENDING_REVIEW, and the domains it asks to sell on. */
export async function signUpMerchant(db: Db, input: NewMerchant): Promise<{ userId: string; merchantId: string }> {
  const domains = (input.domains ?? []).map((domain, index) => {
    const normalized = normalizeDomain(domain);
    if (!normalized) throw invalidField(`domains[${index}]`, 'must be a domain name such as shop.example.com', 'INVALID_DOMAIN');
    return normalized;
  });
  if (domains.length === 0 && input.website) {
    const fromWebsite = normalizeDomain(input.website);
    if (fromWebsite) domains.push(fromWebsite);
  }
  return inTransaction(db, async (tx) => {
    const userId = await insertUser(tx, { email: input.email, password: input.password, role: 'merchant', name: input.contactName });
    const merchantId = newId('mer');
    await tx.insert(merchants).values({
      id: merchantId,
      userId,
      businessName: input.businessName,
      website: input.website ?? null,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
    });
    for (const domain of new Set(domains)) {
      await tx.insert(merchantDomains).values({ id: newId('dom'), merchantId, domain });
    }
    return { userId, merchantId };
  });
}

export async function signUpAffiliate(db: Db, input: { email: string; password: string; displayName?: string | undefined }): Promise<{ userId: string; affiliateId: string }> {
  return inTransaction(db, async (tx) => {
    const userId = await insertUser(tx, { email: input.email, password: input.password, role: 'affiliate', name: input.displayName });
    const affiliateId = newId('aff');
    await tx.insert(affiliates).values({ id: affiliateId, userId, displayName: input.displayName ?? input.email.split('@')[0] ?? 'Affiliate' });
    return { userId, affiliateId };
  });
}

export async function createAdmin(db: Db, input: { email: string; password: string }): Promise<{ userId: string }> {
  return inTransaction(db, async (tx) => ({ userId: await insertUser(tx, { ...input, role: 'admin' }) }));
}

export interface MerchantApproval {
  merchantId: string;
  test: IssuedKeyPair;
  live: IssuedKeyPair;
}

/**
 * Approve a merchant (and the domains it signed up with) and issue its test and live key pairs.
 * The signing secrets are in the result and nowhere else in the clear.
 */
export async function approveMerchant(db: Db, secrets: SecretBox, merchantId: string, reviewerId: string | null): Promise<MerchantApproval> {
  return inTransaction(db, async (tx) => {
    const [merchant] = await tx
      .update(merchants)
      .set({ status: 'APPROVED', reviewedAt: sql`now()`, reviewedBy: reviewerId })
      .where(and(eq(merchants.id, merchantId), eq(merchants.status, 'PENDING_REVIEW')))
      .returning({ id: merchants.id });
    if (!merchant) throw new AppError('INVALID_TRANSITION', 'Only a merchant pending review can be approved');
    await tx
      .update(merchantDomains)
      .set({ status: 'APPROVED', reviewedAt: sql`now()`, reviewedBy: reviewerId })
      .where(and(eq(merchantDomains.merchantId, merchantId), eq(merchantDomains.status, 'PENDING')));
    const test = await issueKeyPair(tx, secrets, merchantId, false);
    const live = await issueKeyPair(tx, secrets, merchantId, true);
    return { merchantId, test, live };
  });
}
