import { describe, expect, it } from 'vitest';
import type { CommissionRule } from './commission-rule.ts';
import {
  expectedLineAmounts,
  pickCommissionRule,
  resolveCommission,
  type CommissionLine,
  type CommissionRequest,
  type CommissionSource,
} from './resolve-commission.ts';

const pct = (hundredths: number): CommissionRule => ({ type: 'PERCENTAGE', value: hundredths, currency: 'NPR' });
const fixed = (minor: number, currency = 'NPR'): CommissionRule => ({ type: 'FIXED', value: minor, currency });
const line = (sku: string, unitPriceMinor: bigint, quantity: number, productRule: CommissionRule | null = null): CommissionLine => ({
  sku,
  unitPriceMinor,
  quantity,
  productRule,
});

const PLATFORM = pct(500);

describe('pickCommissionRule', () => {
  it.each<[string, Parameters<typeof pickCommissionRule>[0], CommissionSource, CommissionRule]>([
    ['product wins over everything', { product: pct(1000), campaign: pct(1200), merchant: pct(800), platform: PLATFORM }, 'product', pct(1000)],
    ['campaign when the product sets none', { product: null, campaign: pct(1200), merchant: pct(800), platform: PLATFORM }, 'campaign', pct(1200)],
    ['merchant when the campaign sets none', { product: null, campaign: null, merchant: pct(800), platform: PLATFORM }, 'merchant', pct(800)],
    ['platform as the last fallback', { campaign: null, merchant: null, platform: PLATFORM }, 'platform', PLATFORM],
    ['a 0 % product commission is a setting, not a gap', { product: pct(0), campaign: pct(1200), merchant: null, platform: PLATFORM }, 'product', pct(0)],
    [
      'a FIXED rule in another currency is skipped',
      { product: fixed(100, 'USD'), campaign: null, merchant: fixed(5000), platform: PLATFORM },
      'merchant',
      fixed(5000),
    ],
  ])('%s', (_name, levels, source, rule) => {
    expect(pickCommissionRule(levels, 'NPR')).toEqual({ source, rule });
  });

  it('returns null when no level applies in the currency', () => {
    expect(pickCommissionRule({ campaign: null, merchant: null, platform: fixed(100, 'USD') }, 'NPR')).toBeNull();
  });
});

describe('resolveCommission', () => {
  const base = { currency: 'NPR', campaign: null, merchant: null, platform: PLATFORM } satisfies Partial<CommissionRequest>;

  it.each<[string, CommissionRequest, bigint, CommissionSource]>([
    ['5 % of 49.90 is 2.49 (rounded down)', { ...base, orderAmountMinor: 4990n }, 249n, 'platform'],
    ['12.5 % of 999.99 is 124.99', { ...base, campaign: pct(1250), orderAmountMinor: 99_999n }, 12_499n, 'campaign'],
    ['FIXED campaign default is per order without items', { ...base, campaign: fixed(25_000), orderAmountMinor: 1_000_000n }, 25_000n, 'campaign'],
    ['merchant default when the campaign sets none', { ...base, merchant: pct(800), orderAmountMinor: 10_000n }, 800n, 'merchant'],
    ['0 % yields nothing', { ...base, campaign: pct(0), orderAmountMinor: 10_000n }, 0n, 'campaign'],
    ['100 % yields the whole amount', { ...base, campaign: pct(10_000), orderAmountMinor: 12_345n }, 12_345n, 'campaign'],
    ['an empty items list is an order without items', { ...base, campaign: pct(1000), orderAmountMinor: 5000n, lines: [] }, 500n, 'campaign'],
  ])('without items: %s', (_name, request, amount, source) => {
    const result = resolveCommission(request);
    expect(result.amountMinor).toBe(amount);
    expect(result.source).toBe(source);
    expect(result.lines).toEqual([]);
  });

  it.each<[string, CommissionRequest, bigint[], CommissionSource[]]>([
    ['product PERCENTAGE of the line amount', { ...base, orderAmountMinor: 0n, lines: [line('A', 4990n, 3, pct(500))] }, [748n], ['product']],
    ['product FIXED is per unit', { ...base, orderAmountMinor: 0n, lines: [line('A', 100_000n, 3, fixed(5000))] }, [15_000n], ['product']],
    [
      'unknown SKU skips the product level to the campaign',
      { ...base, campaign: pct(1000), orderAmountMinor: 0n, lines: [line('X', 20_000n, 2)] },
      [4000n],
      ['campaign'],
    ],
    [
      'unknown SKU with no campaign default falls to the merchant',
      { ...base, merchant: pct(300), orderAmountMinor: 0n, lines: [line('X', 10_000n, 1)] },
      [300n],
      ['merchant'],
    ],
    [
      'mixed lines resolve independently',
      { ...base, campaign: pct(1000), orderAmountMinor: 0n, lines: [line('A', 4990n, 1, pct(500)), line('X', 10_000n, 1), line('B', 1000n, 2, fixed(150))] },
      [249n, 1000n, 300n],
      ['product', 'campaign', 'product'],
    ],
    [
      'a FIXED campaign default is charged once per order across lines',
      { ...base, campaign: fixed(20_000), orderAmountMinor: 0n, lines: [line('X', 10_000n, 1), line('Y', 10_000n, 4)] },
      [20_000n, 0n],
      ['campaign', 'campaign'],
    ],
    [
      'rounds each line down before summing',
      { ...base, orderAmountMinor: 0n, lines: [line('A', 1n, 1, pct(9999)), line('B', 1n, 1, pct(9999))] },
      [0n, 0n],
      ['product', 'product'],
    ],
  ])('with items: %s', (_name, request, amounts, sources) => {
    const result = resolveCommission(request);
    expect(result.lines.map((l) => l.amountMinor)).toEqual(amounts);
    expect(result.lines.map((l) => l.source)).toEqual(sources);
    expect(result.amountMinor).toBe(amounts.reduce((a, b) => a + b, 0n));
  });

  it('reports the line earning the most as the commission’s source and rule', () => {
    const result = resolveCommission({ ...base, campaign: pct(1000), orderAmountMinor: 0n, lines: [line('A', 1000n, 1, pct(500)), line('X', 50_000n, 1)] });
    expect(result).toMatchObject({ amountMinor: 5050n, source: 'campaign', rule: pct(1000) });
    expect(result.lines[0]).toMatchObject({ sku: 'A', lineAmountMinor: 1000n, amountMinor: 50n, source: 'product' });
  });

  it('earns nothing when no level applies in the order currency', () => {
    const result = resolveCommission({ currency: 'USD', orderAmountMinor: 10_000n, campaign: fixed(100), merchant: null, platform: fixed(100) });
    expect(result).toMatchObject({ amountMinor: 0n, source: 'platform', rule: null });
  });

  it('refuses negative amounts and non-integer quantities', () => {
    expect(() => resolveCommission({ ...base, orderAmountMinor: -1n })).toThrow(RangeError);
    expect(() => resolveCommission({ ...base, orderAmountMinor: 0n, lines: [line('A', 100n, 0)] })).toThrow(RangeError);
    expect(() => resolveCommission({ ...base, orderAmountMinor: 0n, lines: [line('A', 100n, 1.5)] })).toThrow(RangeError);
    expect(() => resolveCommission({ ...base, orderAmountMinor: 0n, lines: [line('A', -100n, 1)] })).toThrow(RangeError);
  });
});

describe('expectedLineAmounts', () => {
  it('recomputes stored lines by the same rules: percentage per line, product FIXED per unit, a FIXED default once per order', () => {
    const line = (type: 'PERCENTAGE' | 'FIXED', value: number, source: 'product' | 'campaign', baseAmountMinor: bigint, quantity: number) => ({
      type,
      value,
      source,
      baseAmountMinor,
      quantity,
    });
    expect(
      expectedLineAmounts([
        line('PERCENTAGE', 500, 'product', 4990n, 1),
        line('FIXED', 2500, 'product', 30000n, 3),
        line('FIXED', 15000, 'campaign', 1000n, 2),
        line('FIXED', 15000, 'campaign', 2000n, 1),
      ]),
    ).toEqual([249n, 7500n, 15000n, 0n]);
  });

  it('agrees with resolveCommission on a mixed order', () => {
    const campaignFixed = { type: 'FIXED' as const, value: 15000, currency: 'NPR' };
    const result = resolveCommission({
      currency: 'NPR',
      orderAmountMinor: 9000n,
      lines: [
        { sku: 'A', quantity: 2, unitPriceMinor: 2000n, productRule: { type: 'PERCENTAGE', value: 1000, currency: 'NPR' } },
        { sku: 'B', quantity: 1, unitPriceMinor: 3000n, productRule: null },
        { sku: 'C', quantity: 2, unitPriceMinor: 500n, productRule: null },
      ],
      campaign: campaignFixed,
      merchant: null,
      platform: { type: 'PERCENTAGE', value: 500, currency: 'NPR' },
    });
    const stored = result.lines.map((l) => ({
      type: l.rule!.type,
      value: l.rule!.value,
      source: l.source,
      baseAmountMinor: l.lineAmountMinor,
      quantity: l.quantity,
    }));
    expect(expectedLineAmounts(stored)).toEqual(result.lines.map((l) => l.amountMinor));
    expect(result.amountMinor).toBe(400n + 15000n);
  });
});
