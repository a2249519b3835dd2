import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Db, type Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { archiveProductRows } from './products.repository.ts';
import { products } from './products.tables.ts';

/** Archive products by platform id; archived products stop generating new links. */
export async function archiveProducts(db: Db, tenant: Tenant, productIds: string[]): Promise<{ archived: number }> {
  return inTransaction(db, async (tx) => ({ archived: await archiveProductRows(tenant, productIds, tx) }));
}

/** Archive the ACTIVE products feed `feedId` wrote whose external ids are not in `seen`; returns how many. */
export async function archiveProductsMissingFromFeed(executor: Executor, tenant: Tenant, feedId: string, seen: string[]): Promise<number> {
  const rows = await executor
    .update(products)
    .set({ status: 'ARCHIVED', updatedAt: sql`now()` })
    .where(
      and(
        eq(products.merchantId, tenant.merchantId),
        eq(products.livemode, tenant.livemode),
        eq(products.sourceFeedId, feedId),
        eq(products.status, 'ACTIVE'),
        // One array parameter, however long the feed.
        sql`${products.externalProductId} <> all(${sql.param(seen)}::text[])`,
      ),
    )
    .returning({ id: products.id });
  return rows.length;
}
