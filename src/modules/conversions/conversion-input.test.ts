import { describe, expect, it } from 'vitest';
import { parseConversionInput } from './conversion-input.ts';
import type { ConversionBody } from './conversions.schemas.ts';

const now = new Date('2026-06-14T10:00:00Z');
const body: ConversionBody = {
  orderId: 'ORD-1',
  clickId: 'clk_1',
  amount: '49.90',
  currency: 'NPR',
  occurredAt: '2026-06-14T09:21:00Z',
  items: [{ sku: 'A', qty: 1, price: '49.90' }],
};

describe('parseConversionInput', () => {
  it('turns decimal strings into minor units', () => {
    const result = parseConversionInput(body, 'NPR', now);
    expect(result).toEqual({
      ok: true,
      value: {
        orderId: 'ORD-1',
        clickId: 'clk_1',
        amount: 4990n,
        currency: 'NPR',
        status: 'pending',
        occurredAt: new Date('2026-06-14T09:21:00Z'),
        items: [{ sku: 'A', qty: 1, unitPrice: 4990n }],
      },
    });
  });

  it('defaults the currency, the status and the time', () => {
    const result = parseConversionInput({ orderId: 'X', amount: '10' }, 'USD', now);
    expect(result).toMatchObject({ ok: true, value: { currency: 'USD', status: 'pending', occurredAt: now, clickId: null, items: [], amount: 1000n } });
  });

  const failures: Array<[string, Partial<ConversionBody>, string, string]> = [
    ['more decimals than the currency has', { amount: '49.901' }, 'amount', 'TOO_MANY_DECIMALS'],
    ['a JPY amount with decimals', { amount: '10.5', currency: 'JPY', items: [] }, 'amount', 'TOO_MANY_DECIMALS'],
    ['a zero amount', { amount: '0.00', items: [] }, 'amount', 'MUST_BE_POSITIVE'],
    ['a bad item price', { items: [{ sku: 'A', qty: 1, price: '1.234' }] }, 'items[0].price', 'TOO_MANY_DECIMALS'],
    ['lines adding up to more than the amount', { items: [{ sku: 'A', qty: 2, price: '49.90' }] }, 'items', 'ITEMS_EXCEED_AMOUNT'],
    ['an order time in the future', { occurredAt: '2026-06-14T11:00:00Z' }, 'occurredAt', 'IN_FUTURE'],
  ];
  for (const [name, change, field, code] of failures) {
    it(`rejects ${name} (${field}: ${code})`, () => {
      const result = parseConversionInput({ ...body, ...change }, 'NPR', now);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.details).toContainEqual(expect.objectContaining({ field, code }));
    });
  }

  it('accepts lines that add up to less than the amount (shipping, fees)', () => {
    expect(parseConversionInput({ ...body, amount: '59.90' }, 'NPR', now).ok).toBe(true);
  });

  it('lists every bad field at once', () => {
    const result = parseConversionInput(
      { ...body, amount: '1.001', items: [{ sku: 'A', qty: 1, price: '2.002' }], occurredAt: '2030-01-01T00:00:00Z' },
      'NPR',
      now,
    );
    expect(result.ok ? [] : result.details.map((d) => d.field)).toEqual(['amount', 'items[0].price', 'occurredAt']);
  });
});
