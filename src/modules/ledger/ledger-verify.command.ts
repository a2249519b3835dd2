import type { Command } from '../../platform/command.ts';
import { verifyLedger } from './verify-ledger.ts';

/** `influencemart ledger verify`: exits non-zero when anything in the ledger disagrees with its sources. */
export const ledgerVerifyCommand: Command = {
  path: ['ledger', 'verify'],
  usage: 'ledger verify                                       recompute every balance and commission from first principles',
  async run({ db }) {
    const report = await verifyLedger(db);
    const human = report.ok
      ? `Ledger OK: ${report.checked.commissions} commissions, ${report.checked.entries} entries, ${report.checked.wallets} balances, ${report.checked.orders} orders, ${report.checked.payouts} payouts checked.`
      : [
          `Ledger MISMATCH (${report.mismatches.length}):`,
          ...report.mismatches.map((m) => `  [${m.check}] ${m.commissionId ?? m.payoutId ?? m.affiliateId ?? ''} ${m.detail}`),
        ].join('\n');
    return { json: { ...report }, human, exitCode: report.ok ? 0 : 1 };
  },
};
