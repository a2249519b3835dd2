import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import type { Wallet } from './affiliate-queries.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const BALANCES = [
  { key: 'pending', label: 'Pending', note: 'Orders not yet delivered, in their return window, or not yet paid for by the store.' },
  { key: 'payable', label: 'Payable', note: 'Settled by the store; yours to withdraw. Negative after a clawback.' },
  { key: 'processing', label: 'Processing', note: 'In a payout that is being reviewed or paid.' },
  { key: 'paid', label: 'Paid out', note: 'Sent to your payout methods, after tax withheld.' },
] as const;

/** The balances of each currency the affiliate has earned in, then the adjustments taken back after settlement. */
export function WalletBalances({ wallet }: { wallet: Wallet }) {
  if (wallet.balances.length === 0)
    return <EmptyState title="Nothing earned yet">Commissions show here as soon as an order you referred is reported.</EmptyState>;
  return (
    <>
      {wallet.balances.map((balance) => (
        <section key={balance.currency} className="section" aria-label={`${balance.currency} balances`}>
          {wallet.balances.length > 1 && <h2>{balance.currency}</h2>}
          <dl className="stats">
            {BALANCES.map((kind) => (
              <div key={kind.key} className="stat">
                <dt>{kind.label}</dt>
                <dd className="stat-value">{formatMoney(balance[kind.key], balance.currency)}</dd>
                <dd className="stat-note">{kind.note}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {wallet.adjustments.length > 0 && (
        <section className="section" aria-labelledby="adjustments">
          <h2 id="adjustments">Adjustments</h2>
          <TableWrap>
            <table>
              <caption className="visually-hidden">Adjustments to your balance</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Order</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {wallet.adjustments.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.createdAt)}</td>
                    <td className="mono">{entry.orderId ?? '—'}</td>
                    <td>{formatMoney(entry.amount, entry.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
    </>
  );
}
