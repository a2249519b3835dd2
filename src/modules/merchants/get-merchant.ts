import { and, asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like-pattern.ts';
import { notFound } from '../../platform/errors.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { userColumns } from '../accounts/index.ts';
import { merchantDomains, merchants, type MerchantDomainRow, type MerchantStatus } from './merchants.tables.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const domainView = (d: MerchantDomainRow) => ({
  id: d.id,
  domain: d.domain,
  status: d.status,
  rejectionReason: d.rejectionReason,
  createdAt: d.createdAt.toISOString(),
  reviewedAt: iso(d.reviewedAt),
});

const summaryColumns = {
  id: merchants.id,
  businessName: merchants.businessName,
  website: merchants.website,
  email: userColumns.email,
  contactName: merchants.contactName,
  contactPhone: merchants.contactPhone,
  status: merchants.status,
  rejectionReason: merchants.rejectionReason,
  suspensionReason: merchants.suspensionReason,
  createdAt: merchants.createdAt,
  reviewedAt: merchants.reviewedAt,
};

interface SummaryRow {
  id: string;
  businessName: string;
  website: string | null;
  email: string;
  contactName: string | null;
  contactPhone: string | null;
  status: MerchantStatus;
  rejectionReason: string | null;
  suspensionReason: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}
const summaryView = (row: SummaryRow) => ({ ...row, createdAt: row.createdAt.toISOString(), reviewedAt: iso(row.reviewedAt) });

/** A merchant with its domains; the id is the whole scope (admins, or the merchant's own session). */
export async function getMerchantOrThrow(db: Db, merchantId: string) {
  const [merchant] = await db
    .select(summaryColumns)
    .from(merchants)
    .innerJoin(userColumns, eq(userColumns.id, merchants.userId))
    .where(eq(merchants.id, merchantId));
  if (!merchant) throw notFound('Merchant');
  const domains = await db
    .select()
    .from(merchantDomains)
    .where(eq(merchantDomains.merchantId, merchantId))
    .orderBy(asc(merchantDomains.createdAt), asc(merchantDomains.domain));
  return { ...summaryView(merchant), domains: domains.map(domainView) };
}

/** Merchants by status (the review queue) or name/email search, oldest application first, each with its domains. */
export async function listMerchants(db: Db, query: PageQuery & { status?: MerchantStatus | undefined; q?: string | undefined }) {
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const where = and(
    query.status ? eq(merchants.status, query.status) : undefined,
    pattern ? or(ilike(merchants.businessName, pattern), ilike(userColumns.email, pattern)) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const rows = await db
    .select(summaryColumns)
    .from(merchants)
    .innerJoin(userColumns, eq(userColumns.id, merchants.userId))
    .where(where)
    .orderBy(asc(merchants.createdAt), asc(merchants.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(merchants).innerJoin(userColumns, eq(userColumns.id, merchants.userId)).where(where);
  const ids = rows.map((row) => row.id);
  const domains =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(merchantDomains)
          .where(inArray(merchantDomains.merchantId, ids))
          .orderBy(asc(merchantDomains.createdAt), asc(merchantDomains.domain));
  const domainsOf = (merchantId: string) => domains.filter((d) => d.merchantId === merchantId).map(domainView);
  return toPage(
    query,
    rows.map((row) => ({ ...summaryView(row), domains: domainsOf(row.id) })),
    total?.n ?? 0,
  );
}
