import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { minorUnitDigits, parseMoney } from '../../platform/money.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { tenantCampaignIds } from '../campaigns/index.ts';
import { readCommissionInput } from '../commissions/index.ts';
import { findApprovedDomains } from '../merchants/index.ts';
import { isUrlOnDomains } from '../merchants/index.ts';
import { toProductView } from './product-view.ts';
import { getProductOrThrow, updateProductRow } from './products.repository.ts';
import type { ProductPatch, ProductView } from './products.schemas.ts';
import type { products } from './products.tables.ts';

/**
 * Partially update a product. Money is read in the product's currency (the new one when it
 * changes); changing the currency needs the price again, and the other stored money fields too
 * when the new currency has another number of decimals.
 */
export async function updateProduct(db: Db, tenant: Tenant, id: string, patch: ProductPatch): Promise<ProductView> {
  return inTransaction(db, async (tx) => {
    const current = await getProductOrThrow(tenant, id, tx, { forUpdate: true });
    const values: Partial<typeof products.$inferInsert> = {};
    const details: ErrorDetail[] = [];

    for (const field of ['name', 'description', 'imageUrl', 'category', 'brand', 'stockStatus', 'status'] as const) {
      if (patch[field] !== undefined) Object.assign(values, { [field]: patch[field] });
    }
    if (patch.productUrl !== undefined) {
      if (!isUrlOnDomains(patch.productUrl, await findApprovedDomains(tenant.merchantId, tx))) {
        throw new AppError('PRODUCT_URL_NOT_ALLOWED', 'productUrl is not on one of your approved domains', [
          { field: 'productUrl', code: 'PRODUCT_URL_NOT_ALLOWED', message: 'must be on one of your approved domains (or a subdomain of one)' },
        ]);
      }
      values.productUrl = patch.productUrl;
    }

    const currency = patch.currency ?? current.currency;
    const currencyChanged = currency !== current.currency;
    const decimalsChanged = minorUnitDigits(currency) !== minorUnitDigits(current.currency);
    if (currencyChanged) values.currency = currency;
    const resend = (field: string) =>
      details.push({ field, code: 'REQUIRED_WITH_CURRENCY', message: `must be given again when the currency changes to ${currency}` });
    const money = (field: string, raw: string) => {
      const parsed = parseMoney(raw, currency);
      if (parsed.ok) return parsed.value;
      details.push({ field, code: 'INVALID_MONEY', message: parsed.message });
      return undefined;
    };

    if (patch.price !== undefined) values.price = money('price', patch.price);
    else if (currencyChanged) resend('price');
    if (patch.discountPrice === null) values.discountPrice = null;
    else if (patch.discountPrice !== undefined) values.discountPrice = money('discountPrice', patch.discountPrice);
    else if (decimalsChanged && current.discountPrice !== null) resend('discountPrice');

    const commission = readCommissionInput(
      { type: patch.commissionType, value: patch.commissionValue },
      { currency, typeField: 'commissionType', valueField: 'commissionValue', current: { type: current.commissionType } },
    );
    if (!commission.ok) details.push(...commission.details);
    else if (commission.change.kind === 'set') Object.assign(values, { commissionType: commission.change.type, commissionValue: commission.change.value });
    else if (commission.change.kind === 'clear') Object.assign(values, { commissionType: null, commissionValue: null });
    else if (decimalsChanged && current.commissionType === 'FIXED') resend('commissionValue');

    const price = values.price ?? current.price;
    const discount = values.discountPrice === undefined ? current.discountPrice : values.discountPrice;
    if (details.length === 0 && discount !== null && discount > price) {
      details.push({
        field: patch.discountPrice !== undefined ? 'discountPrice' : 'price',
        code: 'DISCOUNT_ABOVE_PRICE',
        message: 'discountPrice must not be above price',
      });
    }
    if (details.length > 0) throw validationError(details);

    if (patch.campaignId !== undefined) {
      if (patch.campaignId !== null) {
        const own = await tenantCampaignIds(tx, tenant, [patch.campaignId]);
        if (!own.has(patch.campaignId))
          throw new AppError('UNKNOWN_CAMPAIGN', 'campaignId is not one of your campaigns in this mode', [
            { field: 'campaignId', code: 'UNKNOWN_CAMPAIGN', message: 'is not one of your campaigns in this mode' },
          ]);
      }
      values.campaignId = patch.campaignId;
    }
    return toProductView(await updateProductRow(current.id, values, tx));
  });
}
