import type { ErrorDetail } from '../../platform/errors.ts';
import { formatMoney, formatPercentage, parseMoney, parsePercentage } from '../../platform/money.ts';
import { COMMISSION_TYPES, type CommissionType } from '../campaigns/campaigns.tables.ts';

export { COMMISSION_TYPES, type CommissionType };

/**
 * A commission setting at one level of the hierarchy, as stored.
 * PERCENTAGE: `value` is hundredths of a percent (1250 = 12.5 %).
 * FIXED: `value` is minor units of `currency` (25000 = 250.00 NPR).
 */
export interface CommissionRule {
  type: CommissionType;
  value: number;
  currency: string;
}

/** Stored values live in 32-bit integer columns. */
const MAX_STORED_VALUE = 2_147_483_647;

/** Parse the API's decimal string for a commission of `type`; `field` names it in errors. */
export function parseCommissionValue(
  type: CommissionType,
  raw: string,
  currency: string,
  field: string,
): { ok: true; value: number } | { ok: false; detail: ErrorDetail } {
  if (type === 'PERCENTAGE') {
    const parsed = parsePercentage(raw);
    if (!parsed.ok)
      return {
        ok: false,
        detail: {
          field,
          code: parsed.error === 'NOT_A_STRING' ? 'MUST_BE_DECIMAL_STRING' : 'INVALID_PERCENTAGE',
          message: `${parsed.message} (a PERCENTAGE is 0–100 with at most 2 decimals)`,
        },
      };
    return { ok: true, value: parsed.value };
  }
  const parsed = parseMoney(raw, currency);
  if (!parsed.ok)
    return { ok: false, detail: { field, code: parsed.error === 'NOT_A_STRING' ? 'MUST_BE_DECIMAL_STRING' : 'INVALID_MONEY', message: parsed.message } };
  if (parsed.value > BigInt(MAX_STORED_VALUE))
    return { ok: false, detail: { field, code: 'TOO_LARGE', message: `must be at most ${formatMoney(BigInt(MAX_STORED_VALUE), currency)}` } };
  return { ok: true, value: Number(parsed.value) };
}

/** The API's decimal string for a stored commission value: "12.5" for a percentage, "250.00" for money. */
export function formatCommissionValue(type: CommissionType, value: number, currency: string): string {
  return type === 'PERCENTAGE' ? formatPercentage(value) : formatMoney(BigInt(value), currency);
}

export interface CommissionInput {
  type?: CommissionType | null | undefined;
  value?: string | null | undefined;
}

export type CommissionChange = { kind: 'unchanged' } | { kind: 'clear' } | { kind: 'set'; type: CommissionType; value: number };

/**
 * Read a commission type/value pair from a request. They are given together (both set, or both
 * null to clear). When `current` is passed (a partial update), a value alone is read with the
 * stored type, as in `PATCH { "defaultCommissionValue": "15" }`.
 */
export function readCommissionInput(
  input: CommissionInput,
  options: { currency: string; typeField: string; valueField: string; current?: { type: CommissionType | null } },
): { ok: true; change: CommissionChange } | { ok: false; details: ErrorDetail[] } {
  const { type, value } = input;
  const { typeField, valueField } = options;
  const together = (missing: string, other: string): { ok: false; details: ErrorDetail[] } => ({
    ok: false,
    details: [{ field: missing, code: 'REQUIRED_TOGETHER', message: `must be given together with ${other}` }],
  });
  if (type === undefined && value === undefined) return { ok: true, change: { kind: 'unchanged' } };
  if (type === null && value === null) return { ok: true, change: { kind: 'clear' } };
  if (type === null || value === null) return together(type === null ? typeField : valueField, type === null ? valueField : typeField);
  let effectiveType = type;
  if (effectiveType === undefined) {
    // A value alone updates the value of the stored type.
    if (!options.current?.type) return together(typeField, valueField);
    effectiveType = options.current.type;
  }
  if (value === undefined) {
    if (options.current && options.current.type === effectiveType) return { ok: true, change: { kind: 'unchanged' } };
    return together(valueField, typeField);
  }
  const parsed = parseCommissionValue(effectiveType, value, options.currency, valueField);
  if (!parsed.ok) return { ok: false, details: [parsed.detail] };
  return { ok: true, change: { kind: 'set', type: effectiveType, value: parsed.value } };
}

/** A stored type/value pair as a rule, or null when the level sets no commission. */
export function toCommissionRule(type: CommissionType | null, value: number | null, currency: string): CommissionRule | null {
  return type !== null && value !== null ? { type, value, currency } : null;
}
