import { describe, expect, it } from 'vitest';
import { formatCommissionValue, readCommissionInput, type CommissionInput } from './commission-rule.ts';

const fields = { typeField: 'defaultCommissionType', valueField: 'defaultCommissionValue', currency: 'NPR' };

describe('readCommissionInput', () => {
  it.each<[string, CommissionInput, unknown]>([
    ['nothing given', {}, { kind: 'unchanged' }],
    ['a percentage', { type: 'PERCENTAGE', value: '12.5' }, { kind: 'set', type: 'PERCENTAGE', value: 1250 }],
    ['a whole percentage', { type: 'PERCENTAGE', value: '15' }, { kind: 'set', type: 'PERCENTAGE', value: 1500 }],
    ['100 %', { type: 'PERCENTAGE', value: '100' }, { kind: 'set', type: 'PERCENTAGE', value: 10_000 }],
    ['fixed money', { type: 'FIXED', value: '250.00' }, { kind: 'set', type: 'FIXED', value: 25_000 }],
    ['both null clears', { type: null, value: null }, { kind: 'clear' }],
  ])('create: %s', (_name, input, change) => {
    expect(readCommissionInput(input, fields)).toEqual({ ok: true, change });
  });

  it.each<[string, CommissionInput, string, string]>([
    ['type without value', { type: 'PERCENTAGE' }, 'defaultCommissionValue', 'REQUIRED_TOGETHER'],
    ['value without type', { value: '10' }, 'defaultCommissionType', 'REQUIRED_TOGETHER'],
    ['one of them null', { type: 'FIXED', value: null }, 'defaultCommissionValue', 'REQUIRED_TOGETHER'],
    ['a percentage above 100', { type: 'PERCENTAGE', value: '100.01' }, 'defaultCommissionValue', 'INVALID_PERCENTAGE'],
    ['a percentage with 3 decimals', { type: 'PERCENTAGE', value: '12.505' }, 'defaultCommissionValue', 'INVALID_PERCENTAGE'],
    ['money with 3 decimals', { type: 'FIXED', value: '1.005' }, 'defaultCommissionValue', 'INVALID_MONEY'],
    ['fixed beyond the stored range', { type: 'FIXED', value: '99999999999.00' }, 'defaultCommissionValue', 'TOO_LARGE'],
    ['a number instead of a string', { type: 'FIXED', value: 10 as unknown as string }, 'defaultCommissionValue', 'MUST_BE_DECIMAL_STRING'],
  ])('rejects %s', (_name, input, field, code) => {
    const result = readCommissionInput(input, fields);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.details[0]).toMatchObject({ field, code });
  });

  it('reads a value alone with the stored type on a partial update', () => {
    expect(readCommissionInput({ value: '15' }, { ...fields, current: { type: 'PERCENTAGE' } })).toEqual({
      ok: true,
      change: { kind: 'set', type: 'PERCENTAGE', value: 1500 },
    });
    expect(readCommissionInput({ value: '15' }, { ...fields, current: { type: 'FIXED' } })).toEqual({
      ok: true,
      change: { kind: 'set', type: 'FIXED', value: 1500 },
    });
    expect(readCommissionInput({ value: '15' }, { ...fields, current: { type: null } }).ok).toBe(false);
    // Switching type without a value would reinterpret the stored number: refused.
    expect(readCommissionInput({ type: 'FIXED' }, { ...fields, current: { type: 'PERCENTAGE' } }).ok).toBe(false);
    expect(readCommissionInput({ type: 'PERCENTAGE' }, { ...fields, current: { type: 'PERCENTAGE' } })).toEqual({ ok: true, change: { kind: 'unchanged' } });
  });
});

describe('formatCommissionValue', () => {
  it.each<[Parameters<typeof formatCommissionValue>, string]>([
    [['PERCENTAGE', 1250, 'NPR'], '12.5'],
    [['PERCENTAGE', 1200, 'NPR'], '12'],
    [['FIXED', 25_000, 'NPR'], '250.00'],
    [['FIXED', 250, 'JPY'], '250'],
  ])('%j → %s', (args, expected) => expect(formatCommissionValue(...args)).toBe(expected));
});
