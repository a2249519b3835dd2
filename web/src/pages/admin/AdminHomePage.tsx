import { useQuery } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount } from '../../format.ts';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.ts';
import './admin.css';
import { PlatformTotals } from './reports/PlatformTotals.tsx';

interface Queue {
  id: string;
  title: string;
  waiting: number;
  what: string;
  to: string;
  action: string;
}

/** How much waits in each queue: the first thing an operator checks. */
function useQueues() {
  const api = useApi();
  return useQuery({
    queryKey: ['admin', 'queues'],
    queryFn: async (): Promise<Queue[]> => {
      const one = { pageSize: 1 };
      const [merchants, domains, campaigns, risk, payouts] = await Promise.all([
        call(api.GET('/api/admin/merchants', { params: { query: { ...one, status: 'PENDING_REVIEW' } } })),
        call(api.GET('/api/admin/domains', { params: { query: { ...one, status: 'PENDING' } } })),
        call(api.GET('/api/admin/campaigns/pending', { params: { query: one } })),
        call(api.GET('/api/admin/risk-reviews', { params: { query: one } })),
        call(api.GET('/api/admin/payouts/counts')),
      ]);
      return [
        {
          id: 'merchants',
          title: 'Stores to review',
          waiting: merchants.total,
          what: 'New stores wait until you approve them; approval issues their API keys.',
          to: '/admin/merchants',
          action: 'Review stores',
        },
        {
          id: 'domains',
          title: 'Domains to review',
          waiting: domains.total,
          what: 'Product links may only point at approved domains.',
          to: '/admin/domains',
          action: 'Review domains',
        },
        {
          id: 'campaigns',
          title: 'Campaigns to approve',
          waiting: campaigns.total,
          what: 'Campaigns that require approval cannot be activated before it.',
          to: '/admin/campaigns',
          action: 'Review campaigns',
        },
        {
          id: 'risk',
          title: 'Risk reviews',
          waiting: risk.total,
          what: 'Commissions flagged by risk scoring wait for your decision before they are approved.',
          to: '/admin/risk-reviews',
          action: 'Review commissions',
        },
        {
          id: 'payouts',
          title: 'Payouts to review',
          waiting: payouts.requested,
          what: `Requested withdrawals; ${formatCount(payouts.approved)} approved wait for a batch.`,
          to: '/admin/payouts',
          action: 'Review payouts',
        },
      ];
    },
  });
}

export function AdminHomePage() {
  const session = useSession();
  const queues = useQueues();
  return (
    <div>
      <PageHeader title="Platform administration">
        <p>Signed in as {session.data?.user.email}.</p>
      </PageHeader>
      <QueryState query={queues} what="the queues" feature="Review queues">
        {(list) => (
          <div className="grid grid--cards">
            {list.map((queue) => (
              <section key={queue.id} className="card queue-card" aria-labelledby={`queue-${queue.id}`}>
                <h2 id={`queue-${queue.id}`}>{queue.title}</h2>
                <p className="queue-count">
                  <strong>{formatCount(queue.waiting)}</strong> waiting
                </p>
                <p className="muted">{queue.what}</p>
                <Link to={queue.to} className={`button${queue.waiting > 0 ? ' button--primary' : ''}`}>
                  {queue.action}
                </Link>
              </section>
            ))}
          </div>
        )}
      </QueryState>
      <PlatformTotals />
      <p>
        Also: <Link to="/admin/settings">platform settings</Link>, the <Link to="/admin/audit-log">audit log</Link>,{' '}
        <Link to="/admin/statements">statements</Link> and the <Link to="/admin/emails">email outbox</Link>.
      </p>
    </div>
  );
}
