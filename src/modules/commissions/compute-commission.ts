import { percentageOf } from '../../platform/money.ts';
import type { RateSource } from './commissions.tables.ts';

/**
 * A commission rate as stored: PERCENTAGE in hundredths of a percent (500 = 5 %), FIXED in minor
 * units of `currency`.
 */
export interface Rate {
  type: 'PERCENTAGE' | 'FIXED';
  value: number;
  currency: string;
}

export interface CommissionLineInput {
  sku: string;
  qty: number;
  /** Unit price in minor units of the order currency. */
  unitPrice: bigint;
  /** The matched product's own rate; null when the SKU is unknown or the product sets none. */
  productRate: Rate | null;
}

export interface CommissionInput {
  /** The order's currency; every amount here is in its minor units. */
  currency: string;
  orderAmount: bigint;
  /** Empty when the order was reported without items. */
  lines: CommissionLineInput[];
  campaignRate: Rate | null;
  merchantRate: Rate | null;
  platformRate: Rate;
}

export interface AppliedRate {
  type: Rate['type'];
  value: number;
  source: RateSource;
}

export interface ComputedLine {
  /** Null for an order without items (the order is one line). */
  sku: string | null;
  qty: number;
  baseAmount: bigint;
  rate: AppliedRate;
  amount: bigint;
}

export interface ComputedCommission {
  lines: ComputedLine[];
  total: bigint;
  /** The rate every line used; with mixed rates, the rate of the line that earned the most. */
  rate: AppliedRate;
}

/**
 * The most specific usable rate. A FIXED rate in another currency than the order's cannot be
 * applied without an exchange rate, so that level is skipped (a percentage never is).
 */
export function resolveRate(levels: Array<[RateSource, Rate | null]>, currency: string): AppliedRate {
  for (const [source, rate] of levels) {
    if (!rate) continue;
    if (rate.type === 'FIXED' && rate.currency !== currency) continue;
    return { type: rate.type, value: rate.value, source };
  }
  throw new Error('No usable commission rate: the platform default must always apply');
}

/** One line's commission: PERCENTAGE of the base rounded down to the minor unit, FIXED per unit. */
export function lineCommission(rate: Pick<AppliedRate, 'type' | 'value'>, baseAmount: bigint, qty: number): bigint {
  return rate.type === 'PERCENTAGE' ? percentageOf(baseAmount, rate.value) : BigInt(rate.value) * BigInt(qty);
}

/**
 * Commission for one order (SPEC §2). With items, each line resolves product → campaign → merchant
 * → platform (an unknown SKU starts at the campaign); without items the order amount is one line
 * resolving campaign → merchant → platform, and a FIXED rate is paid once per order.
 * Integer arithmetic on minor units only, each line rounded down.
 */
export function computeCommission(input: CommissionInput): ComputedCommission {
  const defaults: Array<[RateSource, Rate | null]> = [
    ['campaign', input.campaignRate],
    ['merchant', input.merchantRate],
    ['platform', input.platformRate],
  ];
  const lines: ComputedLine[] =
    input.lines.length === 0
      ? [orderLine(input.orderAmount, resolveRate(defaults, input.currency))]
      : input.lines.map((line) => {
          const rate = resolveRate([['product', line.productRate], ...defaults], input.currency);
          const baseAmount = line.unitPrice * BigInt(line.qty);
          return { sku: line.sku, qty: line.qty, baseAmount, rate, amount: lineCommission(rate, baseAmount, line.qty) };
        });
  const total = lines.reduce((sum, line) => sum + line.amount, 0n);
  return { lines, total, rate: dominantRate(lines) };
}

function orderLine(orderAmount: bigint, rate: AppliedRate): ComputedLine {
  // qty 1: a FIXED campaign default is per order when there are no items.
  return { sku: null, qty: 1, baseAmount: orderAmount, rate, amount: lineCommission(rate, orderAmount, 1) };
}

function dominantRate(lines: ComputedLine[]): AppliedRate {
  let best = lines[0];
  if (!best) throw new Error('A commission has at least one line');
  for (const line of lines) if (line.amount > best.amount) best = line;
  return best.rate;
}
