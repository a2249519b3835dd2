import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeDomain } from './domains.ts';
import { merchantDomains } from './merchants.tables.ts';

/** A merchant asks to sell on a domain; it stays PENDING until an admin approves it. */
export async function requestDomain(db: Db, merchantId: string, input: string) {
  const domain = normalizeDomain(input);
  if (!domain) throw invalidField('domain', 'must be a domain name such as shop.example.com', 'INVALID_DOMAIN');
  const [created] = await db
    .insert(merchantDomains)
    .values({ id: newId('dom'), merchantId, domain })
    .onConflictDoNothing()
    .returning({ id: merchantDomains.id, domain: merchantDomains.domain, status: merchantDomains.status });
  if (created) return created;
  const [existing] = await db
    .select({ status: merchantDomains.status })
    .from(merchantDomains)
    .where(and(eq(merchantDomains.merchantId, merchantId), eq(merchantDomains.domain, domain)));
  throw new AppError('ALREADY_EXISTS', `${domain} is already on this account (${existing?.status ?? 'unknown'})`, [
    { field: 'domain', code: 'TAKEN', message: 'is already on this account' },
  ]);
}
