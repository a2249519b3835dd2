import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Link } from '../../router.tsx';
import { useWallet } from './affiliate-queries.ts';
import { WalletBalances } from './WalletBalances.tsx';
import { WalletCommissions } from './WalletCommissions.tsx';

export function WalletPage() {
  const wallet = useWallet();
  return (
    <div>
      <PageHeader
        title="Wallet"
        actions={
          <Link to="/affiliate/payouts" className="button button--primary">
            Request a payout
          </Link>
        }
      >
        <p>Every amount comes from your ledger: each entry points at the commission or payout that caused it.</p>
      </PageHeader>
      <QueryState query={wallet} what="your wallet" feature="The wallet">
        {(data) => <WalletBalances wallet={data} />}
      </QueryState>
      <WalletCommissions />
    </div>
  );
}
