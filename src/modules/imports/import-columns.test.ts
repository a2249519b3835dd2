import { describe, expect, it } from 'vitest';
import { checkHeader, templateCsv } from './import-columns.ts';

describe('checkHeader', () => {
  it('ignores case, spaces and a byte-order mark', () => {
    expect(checkHeader('order-status', ['\uFEFF OrderID ', 'STATUS'])).toEqual({ ok: true, fields: ['orderId', 'status'] });
  });
  it('lists each unknown, repeated and missing column', () => {
    const check = checkHeader('orders', ['orderid', 'amout', 'orderId']);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.details.map((d) => [d.field, d.code])).toEqual([
      ['amout', 'UNKNOWN_COLUMN'],
      ['orderId', 'DUPLICATE_COLUMN'],
      ['amount', 'MISSING_COLUMN'],
    ]);
  });
  it('accepts its own template', () => {
    for (const type of ['products', 'orders', 'order-status'] as const) {
      const header = templateCsv(type).split('\n')[0]!.split(',');
      expect(checkHeader(type, header).ok).toBe(true);
    }
  });
});
