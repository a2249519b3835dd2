import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../../platform/errors.ts';
import { compileValidator, validationCode } from '../../platform/http/validation.ts';
import { parseMoney } from '../../platform/money.ts';
import { readCommissionInput, type CommissionType } from '../commissions/index.ts';
import { isUrlOnDomains } from '../merchants/index.ts';
import { ProductInput, type ItemError } from './products.schemas.ts';
import type { StockStatus } from './products.tables.ts';

/**
 * One product to write, normalised: money in minor units, commission in stored units.
 * `undefined` means "not given" (an upsert keeps the stored value), `null` means "clear it".
 */
export interface ProductWrite {
  externalProductId: string;
  name: string;
  productUrl: string;
  price: bigint;
  currency: string;
  description: string | null | undefined;
  imageUrl: string | null | undefined;
  category: string | null | undefined;
  brand: string | null | undefined;
  discountPrice: bigint | null | undefined;
  stockStatus: StockStatus | null | undefined;
  /** Both set, both null (clear) or both undefined (keep). */
  commissionType: CommissionType | null | undefined;
  commissionValue: number | null | undefined;
  campaignId: string | null | undefined;
}

export interface ProductInputContext {
  /** The account currency, used when an item names none. */
  currency: string;
  approvedDomains: readonly string[];
}

const validateShape = compileValidator<ProductInput>(ProductInput);

export function itemError(index: number, externalProductId: string | null, code: ErrorCode, message: string, details?: ErrorDetail[]): ItemError {
  return { index, externalProductId, status: ERROR_STATUS[code], code, message, ...(details ? { details } : {}) };
}

const prefixed = (prefix: string, details: ErrorDetail[]) =>
  details.map((d) => ({ ...d, field: d.field && d.field !== '(root)' ? `${prefix}.${d.field}` : prefix }));

/**
 * Check one raw item of a bulk call (or a single create) on its own: its shape, that productUrl
 * is on an approved domain, the money fields in the item's currency, and the commission pair.
 * Campaign ownership and duplicates need the database and the whole batch; the caller checks them.
 */
export function readProductItem(
  raw: unknown,
  index: number,
  context: ProductInputContext,
): { ok: true; value: ProductWrite } | { ok: false; error: ItemError } {
  const prefix = `products[${index}]`;
  const rawId =
    typeof raw === 'object' && raw !== null && typeof (raw as { externalProductId?: unknown }).externalProductId === 'string'
      ? (raw as { externalProductId: string }).externalProductId
      : null;
  const shape = validateShape(raw);
  if (!shape.ok) {
    const details = prefixed(prefix, shape.details);
    return { ok: false, error: itemError(index, rawId, validationCode(details), details.map((d) => `${d.field} ${d.message}`).join('; '), details) };
  }
  const item = shape.value;
  if (!isUrlOnDomains(item.productUrl, context.approvedDomains)) {
    return {
      ok: false,
      error: itemError(index, item.externalProductId, 'PRODUCT_URL_NOT_ALLOWED', `${prefix}.productUrl is not on one of your approved domains`, [
        { field: `${prefix}.productUrl`, code: 'PRODUCT_URL_NOT_ALLOWED', message: 'must be on one of your approved domains (or a subdomain of one)' },
      ]),
    };
  }

  const details: ErrorDetail[] = [];
  const currency = item.currency ?? context.currency;
  const money = (field: 'price' | 'discountPrice', value: string) => {
    const parsed = parseMoney(value, currency);
    if (parsed.ok) return parsed.value;
    details.push({ field: `${prefix}.${field}`, code: 'INVALID_MONEY', message: parsed.message });
    return 0n;
  };
  const price = money('price', item.price);
  const discountPrice = item.discountPrice === undefined || item.discountPrice === null ? item.discountPrice : money('discountPrice', item.discountPrice);
  if (typeof discountPrice === 'bigint' && discountPrice > price && details.length === 0) {
    details.push({ field: `${prefix}.discountPrice`, code: 'DISCOUNT_ABOVE_PRICE', message: 'must not be above price' });
  }
  const commission = readCommissionInput(
    { type: item.commissionType, value: item.commissionValue },
    { currency, typeField: `${prefix}.commissionType`, valueField: `${prefix}.commissionValue` },
  );
  if (!commission.ok) details.push(...commission.details);
  if (details.length > 0) {
    return {
      ok: false,
      error: itemError(index, item.externalProductId, 'VALIDATION_FAILED', details.map((d) => `${d.field} ${d.message}`).join('; '), details),
    };
  }

  const change = commission.ok ? commission.change : { kind: 'unchanged' as const };
  return {
    ok: true,
    value: {
      externalProductId: item.externalProductId,
      name: item.name,
      productUrl: item.productUrl,
      price,
      currency,
      description: item.description,
      imageUrl: item.imageUrl,
      category: item.category,
      brand: item.brand,
      discountPrice,
      stockStatus: item.stockStatus,
      commissionType: change.kind === 'set' ? change.type : change.kind === 'clear' ? null : undefined,
      commissionValue: change.kind === 'set' ? change.value : change.kind === 'clear' ? null : undefined,
      campaignId: item.campaignId,
    },
  };
}
