import type { Db } from '../../platform/db/client.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { getProduct } from './list-products.ts';
import type { ProductInput, ProductView } from './products.schemas.ts';
import { writeProducts } from './write-products.ts';

/** Create one product through the same engine as import; its item error becomes the response. */
export async function createProduct(db: Db, tenant: Tenant, input: ProductInput): Promise<ProductView> {
  const result = await writeProducts(db, tenant, [input], { mode: 'import' });
  const error = result.errors[0];
  if (error) {
    const details = (error.details ?? []).map((d) => ({ ...d, field: d.field?.replace(/^products\[0\]\.?/, '') || undefined, message: d.message }));
    throw new AppError(error.code as ErrorCode, error.message.replace(/products\[0\]\./g, ''), details);
  }
  return getProduct(db, tenant, result.results[0]!.id!);
}
