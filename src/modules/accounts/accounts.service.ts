import { sql } from 'drizzle-orm';
import { inTransaction, type Db, type Executor } from '../../platform/db/client.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { insertAffiliate } from '../affiliates/index.ts';
import { recordAudit } from '../audit/index.ts';
import { normalizeDomain } from '../merchants/index.ts';
import { merchantDomains, merchants } from '../merchants/merchants.tables.ts';
import { users, type UserRole } from './accounts.tables.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

export interface NewUser {
  email: string;
  password: string;
  role: UserRole;
  name?: string | undefined;
}

/**
 * How a new account's address is confirmed. Accounts that sign themselves up pass `sendVerification`
 * (it runs in the sign-up transaction and queues the link) and start unverified; accounts made by
 * an operator (command line, demo data) omit it and start verified.
 */
export interface SignUpOptions {
  sendVerification?: (tx: Executor, userId: string) => Promise<void>;
}

async function insertUser(tx: Executor, user: NewUser, options: SignUpOptions = {}): Promise<string> {
  // The HTTP schemas check these too; the command line reaches this directly.
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(user.email)) throw invalidField('email', 'must be an email address', 'INVALID_EMAIL');
  if (user.password.length < MIN_PASSWORD_LENGTH) throw invalidField('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`, 'TOO_SHORT');
  const id = newId('usr');
  // The unique index on lower(email) decides, so two sign-ups racing for one address cannot both win.
  const inserted = await tx
    .insert(users)
    .values({
      id,
      email: user.email.toLowerCase(),
      passwordHash: await hashPassword(user.password),
      role: user.role,
      name: user.name ?? null,
      emailVerifiedAt: options.sendVerification ? null : sql`now()`,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (inserted.length === 0)
    throw new AppError('ALREADY_EXISTS', 'An account with this email already exists', [{ field: 'email', code: 'TAKEN', message: 'is already registered' }]);
  await options.sendVerification?.(tx, id);
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
export async function signUpMerchant(db: Db, input: NewMerchant, options: SignUpOptions = {}): Promise<{ userId: string; merchantId: string }> {
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
    const userId = await insertUser(tx, { email: input.email, password: input.password, role: 'merchant', name: input.contactName }, options);
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

export async function signUpAffiliate(
  db: Db,
  input: { email: string; password: string; displayName?: string | undefined },
  options: SignUpOptions = {},
): Promise<{ userId: string; affiliateId: string }> {
  return inTransaction(db, async (tx) => {
    const userId = await insertUser(tx, { email: input.email, password: input.password, role: 'affiliate', name: input.displayName }, options);
    const affiliateId = await insertAffiliate(tx, { userId, displayName: input.displayName ?? input.email.split('@')[0] ?? 'Affiliate' });
    return { userId, affiliateId };
  });
}

/** Admins are created from the command line only; each creation is audited. */
export async function createAdmin(db: Db, input: { email: string; password: string }): Promise<{ userId: string }> {
  return inTransaction(db, async (tx) => {
    const userId = await insertUser(tx, { ...input, role: 'admin' });
    await recordAudit(tx, {
      actorUserId: null,
      action: 'admin.created',
      subjectType: 'user',
      subjectId: userId,
      details: { email: input.email.toLowerCase() },
    });
    return { userId };
  });
}

// Approval lives with the merchant review; re-exported here for callers that sign merchants up.
export { approveMerchant, type MerchantApproval } from '../merchants/index.ts';
