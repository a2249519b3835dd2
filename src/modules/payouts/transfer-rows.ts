import { formatMoney } from '../../platform/money.ts';
import { isWallet } from '../affiliates/index.ts';
import type { PayoutMethodType } from '../affiliates/affiliates.tables.ts';

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

export const exportColumns = (method: PayoutMethodType) => (isWallet(method) ? WALLET_COLUMNS : BANK_COLUMNS);

/**
 * The rail's transfer file: one row per transfer with the full account fields, amount and payout id.
 * A payout above the rail's limit becomes several rows of the same payout (`transfer` of `transfers`).
 */
export function transferRows(method: PayoutMethodType, payouts: ExportPayout[], limit: bigint): string[][] {
  const rows: string[][] = [];
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
      const row: Record<string, string> = isWallet(method)
        ? { ...common, mobileNumber: p.account.account }
        : {
            ...common,
            bankName: p.account.bankName ?? '',
            bankCode: p.account.bankCode ?? '',
            branch: p.account.branch ?? '',
            accountNumber: p.account.account,
          };
      rows.push(exportColumns(method).map((column) => row[column] ?? ''));
    });
  }
  return rows;
}

/** CSV text of a header and rows; cells that a spreadsheet would run as a formula are defused. */
export function toCsv(header: readonly string[], rows: string[][]): string {
  const cell = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
