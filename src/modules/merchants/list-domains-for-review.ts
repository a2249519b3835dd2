import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { domainView } from './get-merchant.ts';
import { merchantDomains, merchants, type DomainStatus } from './merchants.tables.ts';

/** Domains across merchants by status (the admin's domain queue), oldest request first. */
export async function listDomainsForReview(db: Db, query: PageQuery & { status?: DomainStatus | undefined }) {
  const where = query.status ? eq(merchantDomains.status, query.status) : undefined;
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select({ domain: merchantDomains, businessName: merchants.businessName })
    .from(merchantDomains)
    .innerJoin(merchants, eq(merchants.id, merchantDomains.merchantId))
    .where(where)
    .orderBy(asc(merchantDomains.createdAt), asc(merchantDomains.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(merchantDomains).where(where);
  return toPage(
    query,
    rows.map((row) => ({ ...domainView(row.domain), merchantId: row.domain.merchantId, businessName: row.businessName })),
    total?.n ?? 0,
  );
}
