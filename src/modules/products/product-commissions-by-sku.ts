import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { products } from './products.tables.ts';

/**
 * The tenant's products with these SKUs (externalProductId), archived ones included, with their
 * commission setting (type and value null when the product sets none). Unknown SKUs are absent.
 */
export function findProductCommissionsBySku(executor: Executor, tenant: Tenant, skus: readonly string[]) {
  return executor
    .select({ id: products.id, sku: products.externalProductId, type: products.commissionType, value: products.commissionValue, currency: products.currency })
    .from(products)
    .where(and(eq(products.merchantId, tenant.merchantId), eq(products.livemode, tenant.livemode), inArray(products.externalProductId, [...skus])));
}
