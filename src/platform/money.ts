/**
 * Money is an integer count of minor units (bigint) inside the platform and a decimal string in
 * major units at the API edge ("2999.00"). Nothing here ever touches a float.
 */

const MINOR_UNIT_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3 };

export const DEFAULT_CURRENCY = 'NPR';

export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_DIGITS[currency] ?? 2;
}

export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

export type MoneyParseError = 'NOT_A_STRING' | 'INVALID_FORMAT' | 'TOO_MANY_DECIMALS' | 'NEGATIVE' | 'TOO_LARGE';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: MoneyParseError; message: string };

/** Largest amount accepted at the edge: fits comfortably in a PostgreSQL bigint after scaling. */
const MAX_MAJOR_DIGITS = 15;

/**
 * Strictly parse a decimal string ("49.9", "49.90", "-3.10" with allowNegative) into minor units.
 * Rejects numbers, exponents, thousands separators, spaces, leading "+", and more decimals than the
 * currency has.
 */
export function parseMoney(input: unknown, currency = DEFAULT_CURRENCY, options: { allowNegative?: boolean } = {}): ParseResult<bigint> {
  if (typeof input !== 'string') {
    return { ok: false, error: 'NOT_A_STRING', message: 'must be a decimal string such as "2999.00", not a number' };
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(input);
  if (!match) return { ok: false, error: 'INVALID_FORMAT', message: 'must be a decimal string such as "2999.00"' };
  const [, sign, whole = '', fraction = ''] = match;
  const digits = minorUnitDigits(currency);
  if (fraction.length > digits) {
    return { ok: false, error: 'TOO_MANY_DECIMALS', message: `must have at most ${digits} decimal places for ${currency}` };
  }
  if (sign && !options.allowNegative) return { ok: false, error: 'NEGATIVE', message: 'must not be negative' };
  if (whole.replace(/^0+/, '').length > MAX_MAJOR_DIGITS) {
    return { ok: false, error: 'TOO_LARGE', message: `must have at most ${MAX_MAJOR_DIGITS} digits before the decimal point` };
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  return { ok: true, value: sign ? -minor : minor };
}

/** Format minor units as a decimal string with exactly the currency's decimals: 4990n → "49.90". */
export function formatMoney(minor: bigint, currency = DEFAULT_CURRENCY): string {
  const digits = minorUnitDigits(currency);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

/**
 * A percentage with at most two decimals, 0–100, as basis points of a percent (hundredths):
 * "12" → 1200, "12.5" → 1250, "0.01" → 1.
 */
export function parsePercentage(input: unknown): ParseResult<number> {
  if (typeof input !== 'string') {
    return { ok: false, error: 'NOT_A_STRING', message: 'must be a decimal string such as "12.5", not a number' };
  }
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(input);
  if (!match) {
    if (/^\d+\.\d{3,}$/.test(input)) return { ok: false, error: 'TOO_MANY_DECIMALS', message: 'must have at most 2 decimal places' };
    if (input.startsWith('-')) return { ok: false, error: 'NEGATIVE', message: 'must be between 0 and 100' };
    return { ok: false, error: 'INVALID_FORMAT', message: 'must be a decimal string between "0" and "100"' };
  }
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (hundredths > 10_000) return { ok: false, error: 'TOO_LARGE', message: 'must be between 0 and 100' };
  return { ok: true, value: hundredths };
}

/** Format hundredths of a percent back to a minimal decimal string: 1250 → "12.5", 1200 → "12". */
export function formatPercentage(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const fraction = (hundredths % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** `rate` percent of `amount`, rounded down to the minor unit (5% of 49.90 is 2.49). */
export function percentageOf(amountMinor: bigint, hundredthsOfPercent: number): bigint {
  if (amountMinor < 0n) throw new RangeError('percentageOf needs a non-negative amount');
  return (amountMinor * BigInt(hundredthsOfPercent)) / 10_000n;
}

/** `part / whole` of `amount`, rounded down: used to shrink a commission after a partial refund. */
export function proportionOf(amountMinor: bigint, part: bigint, whole: bigint): bigint {
  if (whole <= 0n) throw new RangeError('proportionOf needs a positive whole');
  return (amountMinor * part) / whole;
}
