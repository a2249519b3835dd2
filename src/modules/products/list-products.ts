import type { Db } from '../../platform/db/client.ts';
import { toPage, type Page } from '../../platform/http/pagination.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { toProductView } from './product-view.ts';
import { getProductOrThrow, listProducts as listProductRows } from './products.repository.ts';
import type { ProductListQuery, ProductView } from './products.schemas.ts';

export async function listProducts(db: Db, tenant: Tenant, query: ProductListQuery): Promise<Page<ProductView>> {
  const { rows, total } = await listProductRows(tenant, query, db);
  return toPage(query, rows.map(toProductView), total);
}

export async function getProduct(db: Db, tenant: Tenant, id: string): Promise<ProductView> {
  return toProductView(await getProductOrThrow(tenant, id, db));
}
