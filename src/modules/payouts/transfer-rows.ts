import { formatMoney } from '../../platform/money.ts';
import { isWallet, type PayoutMethodType } from '../affiliates/index.ts';

/** Split an amount into transfers of at most `limit` each (the rail's per-transfer limit). */
export function splitTransfers(amount: bigint, limit: bigint): bigint[] {
  if (limit <= 0n) throw new RangeError('a transfer limit must be positive');
  if (amount <= limit) return [amount];
  const out: bigint[] = [];
  let left = amount;
  while (left > 0n) {
    const part = left > limit ? limit : left;
    out.push(part);
    left -= part;
  }
  return out;
}

export interface ExportPayout {
  payoutId: string;
  method: PayoutMethodType;
  netAmount: bigint;
  currency: string;
  account: { accountHolderName: string; bankName: string | null; bankCode: string | null; branch: string | null; account: string };
}

const WALLET_COLUMNS = ['payoutId', 'transfer', 'transfers', 'accountHolderName', 'mobileNumber', 'amount', 'currency'] as const;
const BANK_COLUMNS = [
  'payoutId',
  'transfer',
  'transfers',
  'accountHolderName',
  'bankName',
  'bankCode',
  'branch',
  'accountNumber',
  'amount',
  'currency',
] as const;

export type TransferColumn = (typeof WALLET_COLUMNS)[number] | (typeof BANK_COLUMNS)[number];
export type TransferRow = Partial<Record<TransferColumn, string>>;

export const exportColumns = (method: PayoutMethodType): readonly TransferColumn[] => (isWallet(method) ? WALLET_COLUMNS : BANK_COLUMNS);

/**
 * The rail's transfer file: one row per transfer with the full account fields, amount and payout id.
 * A payout above the rail's limit becomes several rows of the same payout (`transfer` of `transfers`).
 */
export function transferRows(method: PayoutMethodType, payouts: ExportPayout[], limit: bigint): TransferRow[] {
  const rows: TransferRow[] = [];
  for (const p of payouts) {
    const parts = splitTransfers(p.netAmount, limit);
    parts.forEach((amount, index) => {
      const common = {
        payoutId: p.payoutId,
        transfer: String(index + 1),
        transfers: String(parts.length),
        accountHolderName: p.account.accountHolderName,
        amount: formatMoney(amount, p.currency),
        currency: p.currency,
      };
      rows.push(
        isWallet(method)
          ? { ...common, mobileNumber: p.account.account }
          : {
              ...common,
              bankName: p.account.bankName ?? '',
              bankCode: p.account.bankCode ?? '',
              branch: p.account.branch ?? '',
              accountNumber: p.account.account,
            },
      );
    });
  }
  return rows;
}
