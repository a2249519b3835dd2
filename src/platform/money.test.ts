import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercentage, parseMoney, parsePercentage, percentageOf, proportionOf } from './money.ts';

describe('parseMoney', () => {
  it.each([
    ['0', 0n],
    ['0.00', 0n],
    ['1', 100n],
    ['49.9', 4990n],
    ['49.90', 4990n],
    ['2999.00', 299900n],
    ['0.01', 1n],
    ['007.50', 750n],
    ['999999999999999.99', 99999999999999999n],
  ])('accepts %j as %s minor units', (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [49.9, 'NOT_A_STRING'],
    [4990, 'NOT_A_STRING'],
    [null, 'NOT_A_STRING'],
    [undefined, 'NOT_A_STRING'],
    ['', 'INVALID_FORMAT'],
    [' 1.00', 'INVALID_FORMAT'],
    ['1.00 ', 'INVALID_FORMAT'],
    ['+1.00', 'INVALID_FORMAT'],
    ['1,000.00', 'INVALID_FORMAT'],
    ['1e3', 'INVALID_FORMAT'],
    ['.5', 'INVALID_FORMAT'],
    ['5.', 'INVALID_FORMAT'],
    ['0x10', 'INVALID_FORMAT'],
    ['NaN', 'INVALID_FORMAT'],
    ['Infinity', 'INVALID_FORMAT'],
    ['१००', 'INVALID_FORMAT'],
    ['1.005', 'TOO_MANY_DECIMALS'],
    ['-1.00', 'NEGATIVE'],
    ['1000000000000000.00', 'TOO_LARGE'],
  ])('rejects %j with %s', (input, error) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });

  it('accepts negatives only when asked', () => {
    expect(parseMoney('-3.10', 'NPR', { allowNegative: true })).toEqual({ ok: true, value: -310n });
  });

  it('follows the currency exponent', () => {
    expect(parseMoney('500', 'JPY')).toEqual({ ok: true, value: 500n });
    expect(parseMoney('500.5', 'JPY').ok).toBe(false);
    expect(parseMoney('1.234', 'KWD')).toEqual({ ok: true, value: 1234n });
  });
});

describe('formatMoney', () => {
  it.each([
    [0n, 'NPR', '0.00'],
    [1n, 'NPR', '0.01'],
    [99n, 'NPR', '0.99'],
    [4990n, 'NPR', '49.90'],
    [299900n, 'NPR', '2999.00'],
    [-310n, 'NPR', '-3.10'],
    [-5n, 'NPR', '-0.05'],
    [500n, 'JPY', '500'],
    [1234n, 'KWD', '1.234'],
    [99999999999999999n, 'NPR', '999999999999999.99'],
  ])('formats %s %s as %j', (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it('round-trips every amount from 0 to 10.00', () => {
    for (let minor = 0n; minor <= 1000n; minor++) {
      expect(parseMoney(formatMoney(minor))).toEqual({ ok: true, value: minor });
    }
  });
});

describe('percentages', () => {
  it.each([
    ['0', 0],
    ['5', 500],
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.01', 1],
    ['100', 10000],
    ['100.00', 10000],
  ])('parses %j as %i hundredths', (input, expected) => {
    expect(parsePercentage(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [12, 'NOT_A_STRING'],
    ['100.01', 'TOO_LARGE'],
    ['101', 'TOO_LARGE'],
    ['1000', 'INVALID_FORMAT'],
    ['-1', 'NEGATIVE'],
    ['1.234', 'TOO_MANY_DECIMALS'],
    ['abc', 'INVALID_FORMAT'],
    ['', 'INVALID_FORMAT'],
  ])('rejects %j with %s', (input, error) => {
    const result = parsePercentage(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });

  it.each([
    [1250, '12.5'],
    [1200, '12'],
    [1, '0.01'],
    [10000, '100'],
    [0, '0'],
  ])('formats %i as %j', (hundredths, expected) => {
    expect(formatPercentage(hundredths)).toBe(expected);
  });

  it('takes a percentage rounding down to the paisa (5% of 49.90 is 2.49)', () => {
    expect(percentageOf(4990n, 500)).toBe(249n);
    expect(percentageOf(100n, 3333)).toBe(33n);
    expect(percentageOf(0n, 1500)).toBe(0n);
    expect(percentageOf(299900n, 10000)).toBe(299900n);
    expect(() => percentageOf(-1n, 500)).toThrow(RangeError);
  });

  it('shrinks in proportion, rounding down', () => {
    expect(proportionOf(249n, 2495n, 4990n)).toBe(124n);
    expect(proportionOf(1000n, 1n, 3n)).toBe(333n);
    expect(() => proportionOf(1n, 1n, 0n)).toThrow(RangeError);
  });
});
