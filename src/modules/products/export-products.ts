import type { Db } from '../../platform/db/client.ts';
import { everyRow, type CsvRecord } from '../../platform/http/csv-export.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { toProductView } from './product-view.ts';
import { productRows } from './products.repository.ts';
import { ProductInput, type ProductListFilter } from './products.schemas.ts';

/** The export's columns are ProductInput's fields, so an exported file can be edited and imported again. */
export const PRODUCT_CSV_COLUMNS = Object.keys(ProductInput.properties);

/** Every product matching the filter, as the API shows it, read a page at a time. */
export async function* productCsvRecords(db: Db, tenant: Tenant, filter: ProductListFilter): AsyncGenerator<CsvRecord> {
  for await (const row of everyRow((window) => productRows(tenant, filter, window, db))) yield toProductView(row);
}
