import { formatMoney } from '../../format.ts';
import type { Wallet } from '../../resources.ts';

const BALANCES = [
  { key: 'pending', label: 'Pending', note: 'Orders not yet delivered or still in their return window.' },
  { key: 'payable', label: 'Payable', note: 'Settled by the store; yours to withdraw.' },
  { key: 'paid', label: 'Paid out', note: 'Sent to your payout methods.' },
] as const;

export function WalletBalances({ wallet }: { wallet: Wallet }) {
  return (
    <dl className="stats">
      {BALANCES.map((balance) => (
        <div key={balance.key} className="stat">
          <dt>{balance.label}</dt>
          <dd className="stat-value">{formatMoney(wallet[balance.key], wallet.currency)}</dd>
          <dd className="stat-note">{balance.note}</dd>
        </div>
      ))}
    </dl>
  );
}
