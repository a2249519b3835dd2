import { describe, expect, it } from 'vitest';
import { splitTransfers, toCsv, transferRows } from './transfer-rows.ts';

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
      ['po_1', '1', '2', 'Sita Sharma', '9812345678', '50000.00', 'NPR'],
      ['po_1', '2', '2', 'Sita Sharma', '9812345678', '25000.00', 'NPR'],
    ]);
  });
  it('bank rails carry holder, bank, branch and account number', () => {
    expect(transferRows('BANK_ACCOUNT', [{ payoutId: 'po_2', method: 'BANK_ACCOUNT', netAmount: 150_000n, currency: 'NPR', account }], 20_000_000n)).toEqual([
      ['po_2', '1', '1', 'Sita Sharma', 'Nabil Bank', 'NABIL', 'Kathmandu', '0123456789012', '1500.00', 'NPR'],
    ]);
  });
  it('CSV quotes separators and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', '=cmd()'],
          ['-12.50', 'ok'],
        ],
      ),
    ).toBe('a,b\n"x,y",\'=cmd()\n-12.50,ok\n');
  });
});
