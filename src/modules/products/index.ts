// The products module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { MAX_BULK_ITEMS } from './products.schemas.ts';
export { writeProducts } from './write-products.ts';
export { productNames } from './product-names.ts';
export { findProduct } from './products.repository.ts';
export { listProducts } from './list-products.ts';
export type { ProductView } from './products.schemas.ts';
export { archiveProductsMissingFromFeed } from './archive-products.ts';
export { findProductCommissionsBySku } from './product-commissions-by-sku.ts';
export { findCampaignProduct, productColumns } from './product-columns.ts';
