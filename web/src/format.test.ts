import { describe, expect, it } from 'vitest';
import { formatCommission, formatMoney } from './format.ts';

describe('formatMoney', () => {
  it.each([
    ['0', 'NPR 0.00'],
    ['49.9', 'NPR 49.90'],
    ['2999.00', 'NPR 2,999.00'],
    ['1234567.89', 'NPR 1,234,567.89'],
    ['-250.5', '-NPR 250.50'],
    // More digits than a float can hold exactly stay exact: the string is regrouped, never parsed.
    ['90071992547409931.01', 'NPR 90,071,992,547,409,931.01'],
  ])('%s reads as %s', (amount, expected) => {
    expect(formatMoney(amount)).toBe(expected);
  });

  it('shows a dash for no amount and leaves odd input recognisable', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('12,5', 'USD')).toBe('USD 12,5');
  });
});

describe('formatCommission', () => {
  it('reads percentages and fixed amounts', () => {
    expect(formatCommission('PERCENTAGE', '12.5')).toBe('12.5%');
    expect(formatCommission('FIXED', '250', 'NPR')).toBe('NPR 250.00 per sale');
    expect(formatCommission(null, null)).toBe('Set per product');
  });
});
