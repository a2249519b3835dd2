import type { ErrorDetail } from '../../platform/errors.ts';
import { parseMoney } from '../../platform/money.ts';
import type { FulfilmentStatus } from '../orders/index.ts';
import type { ConversionBody } from './conversions.schemas.ts';

export interface ConversionInput {
  orderId: string;
  clickId: string | null;
  amount: bigint;
  currency: string;
  status: FulfilmentStatus;
  occurredAt: Date;
  items: Array<{ sku: string; qty: number; unitPrice: bigint }>;
}

/** A merchant clock this far ahead of ours is still accepted. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Turn a schema-valid body into minor units and dates, listing every field that is still wrong:
 * too many decimals for the currency, a zero amount, lines adding up to more than the order, an
 * order time in the future.
 */
export function parseConversionInput(
  body: ConversionBody,
  defaultCurrency: string,
  now: Date,
): { ok: true; value: ConversionInput } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const currency = body.currency ?? defaultCurrency;
  const money = (field: string, value: string): bigint => {
    const parsed = parseMoney(value, currency);
    if (parsed.ok) return parsed.value;
    details.push({ field, code: parsed.error, message: parsed.message });
    return 0n;
  };
  const amount = money('amount', body.amount);
  if (details.length === 0 && amount <= 0n) details.push({ field: 'amount', code: 'MUST_BE_POSITIVE', message: 'must be greater than zero' });
  const items = (body.items ?? []).map((item, index) => ({ sku: item.sku, qty: item.qty, unitPrice: money(`items[${index}].price`, item.price) }));
  const itemsTotal = items.reduce((sum, item) => sum + item.unitPrice * BigInt(item.qty), 0n);
  if (items.length > 0 && itemsTotal > amount && amount > 0n) {
    details.push({
      field: 'items',
      code: 'ITEMS_EXCEED_AMOUNT',
      message: 'the lines (qty × price) add up to more than amount; send line prices net of discounts',
    });
  }
  let occurredAt = now;
  if (body.occurredAt !== undefined) {
    occurredAt = new Date(body.occurredAt);
    if (Number.isNaN(occurredAt.getTime())) details.push({ field: 'occurredAt', code: 'FORMAT', message: 'must be an ISO 8601 date-time' });
    else if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      details.push({ field: 'occurredAt', code: 'IN_FUTURE', message: 'must not be in the future' });
  }
  if (details.length > 0) return { ok: false, details };
  return {
    ok: true,
    value: { orderId: body.orderId, clickId: body.clickId || null, amount, currency, status: body.status ?? 'pending', occurredAt, items },
  };
}
