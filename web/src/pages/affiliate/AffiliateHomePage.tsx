import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.ts';
import { useWallet } from './affiliate-queries.ts';
import { WalletBalances } from './WalletBalances.tsx';
import { AffiliatePerformance } from './reports/AffiliatePerformance.tsx';

const NEXT_STEPS = [
  { to: '/affiliate/payout-methods', title: 'Add a payout method', text: 'Bank account, eSewa, Khalti, IME Pay or ConnectIPS.' },
  { to: '/affiliate/marketplace', title: 'Join a campaign', text: 'Browse stores and pick what suits your audience.' },
  { to: '/affiliate/links', title: 'Make a link', text: 'Short links and QR codes that track your clicks and sales.' },
];

export function AffiliateHomePage() {
  const session = useSession();
  const wallet = useWallet();
  return (
    <div>
      <PageHeader title="Overview">
        <p>Signed in as {session.data?.user.email}.</p>
      </PageHeader>
      <section className="section" aria-labelledby="earnings">
        <h2 id="earnings">Earnings</h2>
        <QueryState query={wallet} what="your wallet" feature="The wallet">
          {(data) => <WalletBalances wallet={data} />}
        </QueryState>
      </section>
      <AffiliatePerformance />
      <section className="section" aria-labelledby="next-steps">
        <h2 id="next-steps">Get started</h2>
        <ol className="steps">
          {NEXT_STEPS.map((step) => (
            <li key={step.to} className="card">
              <Link to={step.to}>{step.title}</Link>
              <p className="muted">{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
