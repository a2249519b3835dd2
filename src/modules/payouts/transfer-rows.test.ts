import { describe, expect, it } from 'vitest';
import { splitTransfers, transferRows } from './transfer-rows.ts';

const account = { accountHolderName: 'Sita Sharma', bankName: 'Nabil Bank', bankCode: 'NABIL', branch: 'Kathmandu', account: '0123456789012' };

describe('splitTransfers', () => {
  it('keeps an amount within the limit whole', () => {
    expect(splitTransfers(5_000_000n, 5_000_000n)).toEqual([5_000_000n]);
  });
  it('splits an amount above the limit into full transfers and the rest', () => {
    expect(splitTransfers(12_000_050n, 5_000_000n)).toEqual([5_000_000n, 5_000_000n, 2_000_050n]);
  });
});

describe('transferRows', () => {
  it('wallet rails carry the holder and mobile number, one row per transfer', () => {
    const rows = transferRows(
      'ESEWA',
      [
        {
          payoutId: 'po_1',
          method: 'ESEWA',
          netAmount: 7_500_000n,
          currency: 'NPR',
          account: { ...account, bankName: null, bankCode: null, branch: null, account: '9812345678' },
        },
      ],
      5_000_000n,
    );
    expect(rows).toEqual([
      { payoutId: 'po_1', transfer: '1', transfers: '2', accountHolderName: 'Sita Sharma', mobileNumber: '9812345678', amount: '50000.00', currency: 'NPR' },
      { payoutId: 'po_1', transfer: '2', transfers: '2', accountHolderName: 'Sita Sharma', mobileNumber: '9812345678', amount: '25000.00', currency: 'NPR' },
    ]);
  });
  it('bank rails carry holder, bank, branch and account number', () => {
    expect(transferRows('BANK_ACCOUNT', [{ payoutId: 'po_2', method: 'BANK_ACCOUNT', netAmount: 150_000n, currency: 'NPR', account }], 20_000_000n)).toEqual([
      {
        payoutId: 'po_2',
        transfer: '1',
        transfers: '1',
        accountHolderName: 'Sita Sharma',
        bankName: 'Nabil Bank',
        bankCode: 'NABIL',
        branch: 'Kathmandu',
        accountNumber: '0123456789012',
        amount: '1500.00',
        currency: 'NPR',
      },
    ]);
  });
});
