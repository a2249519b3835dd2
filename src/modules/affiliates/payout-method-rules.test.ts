import { describe, expect, it } from 'vitest';
import { accountIdentity, normalizeHolderName, normalizeNepaliMobile, validatePayoutMethod, type PayoutMethodInput } from './payout-method-rules.ts';

describe('normalizeNepaliMobile', () => {
  it.each([
    ['9841234567', '9841234567'],
    ['9801234567', '9801234567'],
    ['9761234567', '9761234567'],
    ['+977 9841234567', '9841234567'],
    ['977-984-123-4567', '9841234567'],
    [' 984 123 4567 ', '9841234567'],
    ['9641234567', null], // not 98/97
    ['984123456', null], // 9 digits
    ['98412345678', null], // 11 digits
    ['+1 9841234567', null],
    ['98412a4567', null],
    ['01-4412345', null], // a landline
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeNepaliMobile(raw)).toBe(expected);
  });
});

describe('normalizeHolderName', () => {
  it.each([
    ['Sita Sharma', 'Sita Sharma'],
    ['  Ram   Bahadur  Thapa ', 'Ram Bahadur Thapa'],
    ["D'Souza-Gurung", "D'Souza-Gurung"],
    ['सीता शर्मा', 'सीता शर्मा'],
    ['Himal Traders (P.) Ltd.', 'Himal Traders (P.) Ltd.'],
    ['A', null],
    ['12345', null],
    ['Sita <script>', null],
    ['x'.repeat(101), null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHolderName(raw)).toBe(expected);
  });
});

const wallet = (type: 'ESEWA' | 'KHALTI' | 'IME_PAY', extra: Partial<PayoutMethodInput> = {}): PayoutMethodInput => ({
  type,
  accountHolderName: 'Sita Sharma',
  mobileNumber: '9841234567',
  ...extra,
});
const bank = (type: 'BANK_ACCOUNT' | 'CONNECT_IPS', extra: Partial<PayoutMethodInput> = {}): PayoutMethodInput => ({
  type,
  accountHolderName: 'Sita Sharma',
  bankName: 'Nabil Bank',
  branch: 'Kathmandu',
  accountNumber: '0123 4567 8901 2345',
  ...extra,
});

describe('validatePayoutMethod', () => {
  it.each(['ESEWA', 'KHALTI', 'IME_PAY'] as const)('accepts a %s wallet and keeps only the mobile digits', (type) => {
    const result = validatePayoutMethod(wallet(type, { mobileNumber: '+977 980-123-4567' }));
    expect(result).toEqual({
      ok: true,
      value: { type, accountHolderName: 'Sita Sharma', bankName: null, bankCode: null, branch: null, account: '9801234567' },
    });
  });

  it.each(['BANK_ACCOUNT', 'CONNECT_IPS'] as const)('accepts a %s with a bank name or a bank code', (type) => {
    const byName = validatePayoutMethod(bank(type));
    expect(byName).toMatchObject({ ok: true, value: { type, bankName: 'Nabil Bank', bankCode: null, branch: 'Kathmandu', account: '0123456789012345' } });
    const byCode = validatePayoutMethod(bank(type, { bankName: undefined, bankCode: 'narbnpka' }));
    expect(byCode).toMatchObject({ ok: true, value: { bankName: null, bankCode: 'NARBNPKA' } });
  });

  // [what, input, the field and code every failure must name]
  const failures: Array<[string, PayoutMethodInput, Array<[string, string]>]> = [
    ['a wallet without a mobile number', wallet('ESEWA', { mobileNumber: undefined }), [['mobileNumber', 'REQUIRED']]],
    ['a wallet with a landline', wallet('KHALTI', { mobileNumber: '014412345' }), [['mobileNumber', 'INVALID_MOBILE_NUMBER']]],
    ['a wallet with an Indian number', wallet('IME_PAY', { mobileNumber: '+91 9812345678' }), [['mobileNumber', 'INVALID_MOBILE_NUMBER']]],
    [
      'a wallet with bank fields',
      wallet('ESEWA', { accountNumber: '12345678', branch: 'Patan' }),
      [
        ['branch', 'NOT_APPLICABLE'],
        ['accountNumber', 'NOT_APPLICABLE'],
      ],
    ],
    ['a missing holder name', wallet('ESEWA', { accountHolderName: undefined }), [['accountHolderName', 'REQUIRED']]],
    ['a blank holder name', wallet('ESEWA', { accountHolderName: '   ' }), [['accountHolderName', 'REQUIRED']]],
    ['a numeric holder name', bank('BANK_ACCOUNT', { accountHolderName: '42' }), [['accountHolderName', 'INVALID_NAME']]],
    ['a bank without name or code', bank('BANK_ACCOUNT', { bankName: undefined }), [['bankName', 'REQUIRED']]],
    ['a bank code with symbols', bank('CONNECT_IPS', { bankCode: 'NAB-IL!' }), [['bankCode', 'INVALID_BANK_CODE']]],
    ['a bank without branch', bank('BANK_ACCOUNT', { branch: undefined }), [['branch', 'REQUIRED']]],
    ['an account number with letters', bank('BANK_ACCOUNT', { accountNumber: '0123ABC45678' }), [['accountNumber', 'INVALID_ACCOUNT_NUMBER']]],
    ['an account number too short', bank('CONNECT_IPS', { accountNumber: '1234567' }), [['accountNumber', 'INVALID_ACCOUNT_NUMBER']]],
    ['an account number too long', bank('BANK_ACCOUNT', { accountNumber: '1'.repeat(21) }), [['accountNumber', 'INVALID_ACCOUNT_NUMBER']]],
    ['a bank with a mobile number', bank('BANK_ACCOUNT', { mobileNumber: '9841234567' }), [['mobileNumber', 'NOT_APPLICABLE']]],
    [
      'several problems at once',
      { type: 'BANK_ACCOUNT' },
      [
        ['accountHolderName', 'REQUIRED'],
        ['bankName', 'REQUIRED'],
        ['branch', 'REQUIRED'],
        ['accountNumber', 'REQUIRED'],
      ],
    ],
  ];
  it.each(failures)('refuses %s', (_what, input, expected) => {
    const result = validatePayoutMethod(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.map((d) => [d.field, d.code])).toEqual(expected);
  });
});

describe('accountIdentity', () => {
  it('is the same for the same account however it was typed, and differs across banks and types', () => {
    const a = validatePayoutMethod(bank('BANK_ACCOUNT', { accountNumber: '0123-4567-8901' }));
    const b = validatePayoutMethod(bank('BANK_ACCOUNT', { accountNumber: '012345678901' }));
    const otherBank = validatePayoutMethod(bank('BANK_ACCOUNT', { accountNumber: '012345678901', bankName: 'Himalayan Bank' }));
    const asIps = validatePayoutMethod(bank('CONNECT_IPS', { accountNumber: '012345678901' }));
    if (!a.ok || !b.ok || !otherBank.ok || !asIps.ok) throw new Error('fixtures must be valid');
    expect(accountIdentity(a.value)).toBe(accountIdentity(b.value));
    expect(accountIdentity(otherBank.value)).not.toBe(accountIdentity(a.value));
    expect(accountIdentity(asIps.value)).not.toBe(accountIdentity(a.value));
  });
});
