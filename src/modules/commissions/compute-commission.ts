import type { CommissionRule } from './commission-rule.ts';
import type { RateSource } from './commissions.tables.ts';
import { resolveCommission, type CommissionSource } from './resolve-commission.ts';

/** A commission rate as stored: PERCENTAGE in hundredths of a percent, FIXED in minor units of `currency`. */
export type Rate = CommissionRule;

export interface CommissionLineInput {
  sku: string;
  qty: number;
  /** Unit price in minor units of the order currency. */
  unitPrice: bigint;
  /** The matched product's own rate; null when the SKU is unknown or the product sets none. */
  productRate: Rate | null;
}

export interface CommissionInput {
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
  /** The rate of the line that earned the most. */
  rate: AppliedRate;
}

// A line no level applies to (a FIXED platform default in another currency) earns nothing at 0 %.
const applied = (rule: CommissionRule | null, source: CommissionSource): AppliedRate => ({ type: rule?.type ?? 'PERCENTAGE', value: rule?.value ?? 0, source });

/**
 * The commission of one order as the ledger stores it: one line per item (or one for the whole
 * order), each with the rate that applied and where it came from. The rules themselves live in
 * `resolveCommission`; this only shapes its result.
 */
export function computeCommission(input: CommissionInput): ComputedCommission {
  const result = resolveCommission({
    currency: input.currency,
    orderAmountMinor: input.orderAmount,
    lines: input.lines.map((line) => ({ sku: line.sku, quantity: line.qty, unitPriceMinor: line.unitPrice, productRule: line.productRate })),
    campaign: input.campaignRate,
    merchant: input.merchantRate,
    platform: input.platformRate,
  });
  const lines: ComputedLine[] =
    result.lines.length === 0
      ? [{ sku: null, qty: 1, baseAmount: input.orderAmount, rate: applied(result.rule, result.source), amount: result.amountMinor }]
      : result.lines.map((line) => ({
          sku: line.sku,
          qty: line.quantity,
          baseAmount: line.lineAmountMinor,
          rate: applied(line.rule, line.source),
          amount: line.amountMinor,
        }));
  return { lines, total: result.amountMinor, rate: applied(result.rule, result.source) };
}
