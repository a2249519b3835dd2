import { and, eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/ids.ts';
import { products, type ProductStatus } from './products.tables.ts';

/**
 * The product columns other modules' queries may join (a link's product name, where the redirect
 * goes), so they stay one query. PostgreSQL inlines the subquery: the plan is that of a join on products.
 */
export const productColumns = new QueryBuilder()
  .select({ id: products.id, name: products.name, status: products.status, productUrl: products.productUrl })
  .from(products)
  .as('product_columns');

/** A product of this campaign and merchant (its status), or undefined when it is not one. */
export async function findCampaignProduct(
  executor: Executor,
  product: { productId: string; campaignId: string; merchantId: string },
): Promise<{ status: ProductStatus } | undefined> {
  if (!isUuid(product.productId)) return undefined;
  const [row] = await executor
    .select({ status: products.status })
    .from(products)
    .where(and(eq(products.id, product.productId), eq(products.campaignId, product.campaignId), eq(products.merchantId, product.merchantId)));
  return row;
}
