import { formatMoney } from '../../platform/money.ts';
import { formatCommissionValue } from '../commissions/index.ts';
import type { ProductView } from './products.schemas.ts';
import type { ProductRow } from './products.tables.ts';

/** A stored product as the API shows it: money as decimal strings with the currency's decimals. */
export function toProductView(row: ProductRow): ProductView {
  return {
    id: row.id,
    externalProductId: row.externalProductId,
    name: row.name,
    description: row.description,
    productUrl: row.productUrl,
    imageUrl: row.imageUrl,
    category: row.category,
    brand: row.brand,
    price: formatMoney(row.price, row.currency),
    discountPrice: row.discountPrice === null ? null : formatMoney(row.discountPrice, row.currency),
    currency: row.currency,
    stockStatus: row.stockStatus as ProductView['stockStatus'],
    commissionType: row.commissionType,
    commissionValue: row.commissionType && row.commissionValue !== null ? formatCommissionValue(row.commissionType, row.commissionValue, row.currency) : null,
    campaignId: row.campaignId,
    status: row.status,
    sourceFeedId: row.sourceFeedId,
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
