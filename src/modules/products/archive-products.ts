import { inTransaction, type Db } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { archiveProductRows } from './products.repository.ts';

/** Archive products by platform id; archived products stop generating new links. */
export async function archiveProducts(db: Db, tenant: Tenant, productIds: string[]): Promise<{ archived: number }> {
  return inTransaction(db, async (tx) => ({ archived: await archiveProductRows(tenant, productIds, tx) }));
}
