import { percentageOf } from '../../platform/money.ts';
import type { CommissionRule } from './commission-rule.ts';

/**
 * Commission resolution (SPEC §2), a pure function: no I/O, integer minor units, never floats.
 *
 * Levels, most specific first: product → campaign default → merchant default → platform default.
 * The first level that sets a commission wins. A FIXED rule is money in its own currency; when
 * that is not the order's currency the level cannot apply and resolution moves on.
 *
 * - With lines (`items` of a conversion): each line resolves on its own. A line whose SKU matched
 *   no product (or whose product sets no commission) skips the product level.
 *   PERCENTAGE → the percentage of the line amount (unit price × quantity), rounded down.
 *   FIXED at the product level → the value per unit (× quantity).
 *   FIXED at the campaign, merchant or platform level → the value once per order: it is charged on
 *   the first line that falls back to it, later lines falling back to it add nothing.
 * - Without lines: the order amount and the campaign → merchant → platform chain.
 *   PERCENTAGE → the percentage of the order amount, rounded down; FIXED → the value, per order.
 *
 * Rounding is down to the minor unit per line (5% of 49.90 is 2.49), then lines are summed.
 */

export type CommissionSource = 'product' | 'campaign' | 'merchant' | 'platform';

export interface CommissionLevels {
  /** The product's own commission; null when the SKU is unknown or the product sets none. */
  product?: CommissionRule | null;
  /** The default of the campaign the conversion is attributed to. */
  campaign: CommissionRule | null;
  /** The merchant's default. */
  merchant: CommissionRule | null;
  /** The platform default (admin setting); always set. */
  platform: CommissionRule;
}

export interface PickedRule {
  rule: CommissionRule;
  source: CommissionSource;
}

const ORDER: CommissionSource[] = ['product', 'campaign', 'merchant', 'platform'];

/** The most specific rule that applies to an amount in `currency`, or null when none does. */
export function pickCommissionRule(levels: CommissionLevels, currency: string): PickedRule | null {
  for (const source of ORDER) {
    const rule = levels[source];
    if (!rule) continue;
    if (rule.type === 'FIXED' && rule.currency !== currency) continue;
    return { rule, source };
  }
  return null;
}

export interface CommissionLine {
  sku: string;
  /** Units sold, a positive integer. */
  quantity: number;
  /** Price of one unit in minor units of the order currency. */
  unitPriceMinor: bigint;
  /** The matched product's commission; null when the SKU is unknown or the product sets none. */
  productRule: CommissionRule | null;
}

export interface CommissionRequest {
  /** The order's currency; every amount here and in the result is in its minor units. */
  currency: string;
  /** The order amount; the base when there are no lines. */
  orderAmountMinor: bigint;
  /** The order's items; omit (or pass []) for an order reported without items. */
  lines?: CommissionLine[] | undefined;
  campaign: CommissionRule | null;
  merchant: CommissionRule | null;
  platform: CommissionRule;
}

export interface LineCommission {
  sku: string;
  quantity: number;
  lineAmountMinor: bigint;
  amountMinor: bigint;
  source: CommissionSource;
  /** Null only when no level applies in the order currency (the line then earns nothing). */
  rule: CommissionRule | null;
}

export interface CommissionResult {
  amountMinor: bigint;
  currency: string;
  /**
   * The level that decided the commission. With lines: that of the line earning the most
   * (the first one on a tie), so a single stored rate/source describes the commission; `lines`
   * has the full breakdown.
   */
  source: CommissionSource;
  rule: CommissionRule | null;
  /** One entry per input line, in input order; empty for an order without lines. */
  lines: LineCommission[];
}

export function amountFor(rule: Pick<CommissionRule, 'type' | 'value'>, baseMinor: bigint, units: number): bigint {
  return rule.type === 'PERCENTAGE' ? percentageOf(baseMinor, rule.value) : BigInt(rule.value) * BigInt(units);
}

/** Compute the commission of one order. Throws RangeError for negative amounts or bad quantities. */
export function resolveCommission(request: CommissionRequest): CommissionResult {
  const { currency, campaign, merchant, platform } = request;
  if (request.orderAmountMinor < 0n) throw new RangeError('orderAmountMinor must not be negative');
  const lines = request.lines ?? [];

  if (lines.length === 0) {
    const picked = pickCommissionRule({ campaign, merchant, platform }, currency);
    if (!picked) return { amountMinor: 0n, currency, source: 'platform', rule: null, lines: [] };
    return { amountMinor: amountFor(picked.rule, request.orderAmountMinor, 1), currency, source: picked.source, rule: picked.rule, lines: [] };
  }

  let orderLevelFixedCharged = false;
  const results: LineCommission[] = lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) throw new RangeError(`quantity of ${line.sku} must be a positive integer`);
    if (line.unitPriceMinor < 0n) throw new RangeError(`unit price of ${line.sku} must not be negative`);
    const lineAmountMinor = line.unitPriceMinor * BigInt(line.quantity);
    const picked = pickCommissionRule({ product: line.productRule, campaign, merchant, platform }, currency);
    const base = { sku: line.sku, quantity: line.quantity, lineAmountMinor };
    if (!picked) return { ...base, amountMinor: 0n, source: 'platform' as const, rule: null };
    let amountMinor: bigint;
    if (picked.rule.type === 'FIXED' && picked.source !== 'product') {
      // A FIXED default is per order: charged once however many lines fall back to it.
      amountMinor = orderLevelFixedCharged ? 0n : BigInt(picked.rule.value);
      orderLevelFixedCharged = true;
    } else {
      amountMinor = amountFor(picked.rule, lineAmountMinor, line.quantity);
    }
    return { ...base, amountMinor, source: picked.source, rule: picked.rule };
  });

  let dominant = results[0]!;
  for (const line of results) if (line.amountMinor > dominant.amountMinor) dominant = line;
  const amountMinor = results.reduce((sum, line) => sum + line.amountMinor, 0n);
  return { amountMinor, currency, source: dominant.source, rule: dominant.rule, lines: results };
}

export interface StoredLine {
  type: CommissionRule['type'];
  value: number;
  source: CommissionSource;
  baseAmountMinor: bigint;
  quantity: number;
}

/**
 * What each stored line must amount to, from its base and the rate it recorded — the same rules as
 * `resolveCommission`, including a FIXED default charged once per order. Used to verify the ledger.
 */
export function expectedLineAmounts(lines: readonly StoredLine[]): bigint[] {
  let orderLevelFixedCharged = false;
  return lines.map((line) => {
    if (line.type !== 'FIXED' || line.source === 'product') return amountFor(line, line.baseAmountMinor, line.quantity);
    if (orderLevelFixedCharged) return 0n;
    orderLevelFixedCharged = true;
    return BigInt(line.value);
  });
}
