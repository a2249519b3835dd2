import { formatMoney } from '../../format.ts';
import type { Wallet } from '../../resources.ts';

const BALANCES = [
  { key: 'pending', label: 'Pending', note: 'Orders not yet delivered, in their return window, or not yet paid for by the store.' },
  { key: 'payable', label: 'Payable', note: 'Settled by the store; yours to withdraw. Negative after a clawback.' },
  { key: 'processing', label: 'Processing', note: 'In a payout that is being reviewed or paid.' },
  { key: 'paid', label: 'Paid out', note: 'Sent to your payout methods, after tax withheld.' },
] as const;

/** The four ledger balances of each currency the affiliate has earned in. */
export function WalletBalances({ wallet }: { wallet: Wallet }) {
  if (wallet.balances.length === 0) return <p className="muted">No earnings yet: your commissions show here as soon as a store reports an order.</p>;
  return (
    <>
      {wallet.balances.map((balance) => (
        <dl key={balance.currency} className="stats" aria-label={`${balance.currency} balances`}>
          {BALANCES.map((b) => (
            <div key={b.key} className="stat">
              <dt>{b.label}</dt>
              <dd className="stat-value">{formatMoney(balance[b.key], balance.currency)}</dd>
              <dd className="stat-note">{b.note}</dd>
            </div>
          ))}
        </dl>
      ))}
    </>
  );
}
