import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like-pattern.ts';
import { notFound } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Tenant } from '../../platform/tenant.ts';
import type { ProductListFilter, ProductListQuery } from './products.schemas.ts';
import { products, type ProductRow } from './products.tables.ts';

const ownedBy = (tenant: Tenant) => and(eq(products.merchantId, tenant.merchantId), eq(products.livemode, tenant.livemode));

/** One of the tenant's products, or undefined: another merchant's or mode's product is not theirs. */
export async function findProduct(tenant: Tenant, id: string, executor: Executor, options: { forUpdate?: boolean } = {}): Promise<ProductRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = executor
    .select()
    .from(products)
    .where(and(ownedBy(tenant), eq(products.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** One of the tenant's products; another merchant's or mode's product is simply not found. */
export async function getProductOrThrow(tenant: Tenant, id: string, executor: Executor, options: { forUpdate?: boolean } = {}): Promise<ProductRow> {
  const row = await findProduct(tenant, id, executor, options);
  if (!row) throw notFound('Product');
  return row;
}

const listFilter = (tenant: Tenant, query: ProductListFilter) => {
  const search = query.search ? containsPattern(query.search) : undefined;
  return and(
    ownedBy(tenant),
    query.status ? eq(products.status, query.status) : undefined,
    query.category ? eq(sql`lower(${products.category})`, query.category.toLowerCase()) : undefined,
    query.campaignId ? eq(products.campaignId, query.campaignId) : undefined,
    search ? or(ilike(products.name, search), ilike(products.externalProductId, search)) : undefined,
  );
};

/** One window of the tenant's products matching the filter, newest first. */
export function productRows(tenant: Tenant, query: ProductListFilter, window: { limit: number; offset: number }, executor: Executor): Promise<ProductRow[]> {
  return executor
    .select()
    .from(products)
    .where(listFilter(tenant, query))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(window.limit)
    .offset(window.offset);
}

export async function listProducts(tenant: Tenant, query: ProductListQuery, executor: Executor): Promise<{ rows: ProductRow[]; total: number }> {
  const [rows, [totals]] = await Promise.all([
    productRows(tenant, query, pageWindow(query), executor),
    executor.select({ total: count() }).from(products).where(listFilter(tenant, query)),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export async function updateProductRow(id: string, values: Partial<typeof products.$inferInsert>, executor: Executor): Promise<ProductRow> {
  const [row] = await executor
    .update(products)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(products.id, id))
    .returning();
  if (!row) throw notFound('Product');
  return row;
}

/** Archive the tenant's ACTIVE products among `ids`; returns how many changed. Unknown ids are ignored. */
export async function archiveProductRows(tenant: Tenant, ids: string[], executor: Executor): Promise<number> {
  const rows = await executor
    .update(products)
    .set({ status: 'ARCHIVED', updatedAt: sql`now()` })
    .where(and(ownedBy(tenant), inArray(products.id, ids), eq(products.status, 'ACTIVE')))
    .returning({ id: products.id });
  return rows.length;
}
