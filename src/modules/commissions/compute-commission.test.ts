import { describe, expect, it } from 'vitest';
import { computeCommission, type CommissionInput, type Rate } from './compute-commission.ts';

const pct = (value: number): Rate => ({ type: 'PERCENTAGE', value, currency: 'NPR' });
const fixed = (value: number, currency = 'NPR'): Rate => ({ type: 'FIXED', value, currency });
const platform = pct(500);

const base: CommissionInput = { currency: 'NPR', orderAmount: 4990n, lines: [], campaignRate: null, merchantRate: null, platformRate: platform };

describe('computeCommission', () => {
  const cases: Array<{ name: string; input: Partial<CommissionInput>; total: bigint; lines: bigint[]; source: string; rate: [string, number] }> = [
    {
      name: 'the seed example: 5 % of 49.90 is 2.49 (rounded down)',
      input: { lines: [{ sku: 'PH-A54-128', qty: 1, unitPrice: 4990n, productRate: pct(500) }] },
      total: 249n,
      lines: [249n],
      source: 'product',
      rate: ['PERCENTAGE', 500],
    },
    {
      name: 'rounds each line down to the minor unit: 12.5 % of 0.99 is 0.12',
      input: {
        orderAmount: 198n,
        lines: [
          { sku: 'A', qty: 1, unitPrice: 99n, productRate: pct(1250) },
          { sku: 'B', qty: 1, unitPrice: 99n, productRate: pct(1250) },
        ],
      },
      total: 24n,
      lines: [12n, 12n],
      source: 'product',
      rate: ['PERCENTAGE', 1250],
    },
    {
      name: 'a product FIXED rate is paid per unit',
      input: { orderAmount: 300000n, lines: [{ sku: 'A', qty: 3, unitPrice: 100000n, productRate: fixed(25000) }] },
      total: 75000n,
      lines: [75000n],
      source: 'product',
      rate: ['FIXED', 25000],
    },
    {
      name: 'an unknown SKU skips the product level and uses the campaign default',
      input: { orderAmount: 10000n, lines: [{ sku: 'UNKNOWN', qty: 2, unitPrice: 5000n, productRate: null }], campaignRate: pct(1200), merchantRate: pct(300) },
      total: 1200n,
      lines: [1200n],
      source: 'campaign',
      rate: ['PERCENTAGE', 1200],
    },
    {
      name: 'without a campaign default a line falls to the merchant default',
      input: { orderAmount: 10000n, lines: [{ sku: 'X', qty: 1, unitPrice: 10000n, productRate: null }], merchantRate: pct(300) },
      total: 300n,
      lines: [300n],
      source: 'merchant',
      rate: ['PERCENTAGE', 300],
    },
    {
      name: 'with nothing set anywhere the platform default applies',
      input: { orderAmount: 10000n, lines: [{ sku: 'X', qty: 1, unitPrice: 10000n, productRate: null }] },
      total: 500n,
      lines: [500n],
      source: 'platform',
      rate: ['PERCENTAGE', 500],
    },
    {
      name: 'no items: the campaign FIXED default is paid once per order',
      input: { orderAmount: 999999n, campaignRate: fixed(15000) },
      total: 15000n,
      lines: [15000n],
      source: 'campaign',
      rate: ['FIXED', 15000],
    },
    {
      name: 'no items: a campaign percentage applies to the order amount',
      input: { orderAmount: 4990n, campaignRate: pct(1000) },
      total: 499n,
      lines: [499n],
      source: 'campaign',
      rate: ['PERCENTAGE', 1000],
    },
    {
      name: 'no items and no campaign default: merchant default',
      input: { orderAmount: 4990n, merchantRate: fixed(100) },
      total: 100n,
      lines: [100n],
      source: 'merchant',
      rate: ['FIXED', 100],
    },
    {
      name: 'a FIXED default in another currency is skipped (no exchange rates)',
      input: { orderAmount: 10000n, campaignRate: fixed(500, 'USD'), merchantRate: pct(200) },
      total: 200n,
      lines: [200n],
      source: 'merchant',
      rate: ['PERCENTAGE', 200],
    },
    {
      name: 'a product FIXED rate in another currency falls to the campaign',
      input: { orderAmount: 10000n, lines: [{ sku: 'A', qty: 1, unitPrice: 10000n, productRate: fixed(500, 'USD') }], campaignRate: pct(1000) },
      total: 1000n,
      lines: [1000n],
      source: 'campaign',
      rate: ['PERCENTAGE', 1000],
    },
    {
      name: 'mixed lines: each resolves on its own; the stored rate is the biggest earner',
      input: {
        orderAmount: 30000n,
        lines: [
          { sku: 'A', qty: 1, unitPrice: 10000n, productRate: pct(200) },
          { sku: 'B', qty: 2, unitPrice: 10000n, productRate: null },
        ],
        campaignRate: pct(1000),
      },
      total: 2200n,
      lines: [200n, 2000n],
      source: 'campaign',
      rate: ['PERCENTAGE', 1000],
    },
    {
      name: 'a zero rate earns nothing but is still the applied rate',
      input: { orderAmount: 5000n, lines: [{ sku: 'A', qty: 1, unitPrice: 5000n, productRate: pct(0) }], campaignRate: pct(1000) },
      total: 0n,
      lines: [0n],
      source: 'product',
      rate: ['PERCENTAGE', 0],
    },
    {
      name: '100 % of a large amount stays exact (no floats)',
      input: { orderAmount: 999_999_999_999_999_99n, lines: [{ sku: 'A', qty: 1, unitPrice: 999_999_999_999_999_99n, productRate: pct(10000) }] },
      total: 999_999_999_999_999_99n,
      lines: [999_999_999_999_999_99n],
      source: 'product',
      rate: ['PERCENTAGE', 10000],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = computeCommission({ ...base, ...c.input });
      expect(result.total).toBe(c.total);
      expect(result.lines.map((line) => line.amount)).toEqual(c.lines);
      expect(result.rate.source).toBe(c.source);
      expect([result.rate.type, result.rate.value]).toEqual(c.rate);
    });
  }

  it('keeps each line base as qty × unit price', () => {
    const result = computeCommission({ ...base, orderAmount: 700n, lines: [{ sku: 'A', qty: 7, unitPrice: 100n, productRate: pct(1000) }] });
    expect(result.lines[0]).toMatchObject({ sku: 'A', qty: 7, baseAmount: 700n, amount: 70n });
  });

  it('earns nothing, at 0 %, when no level applies in the order currency', () => {
    const result = computeCommission({ ...base, platformRate: fixed(100, 'USD') });
    expect(result.total).toBe(0n);
    expect(result.rate).toEqual({ type: 'PERCENTAGE', value: 0, source: 'platform' });
  });
});
