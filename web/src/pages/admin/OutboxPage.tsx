import { useQuery } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';

/** Recent emails: without SMTP_URL this is where they go (the dev outbox); with it, what was sent. */
export function OutboxPage() {
  const api = useApi();
  const emails = useQuery({ queryKey: ['admin', 'emails'], queryFn: () => call(api.GET('/api/admin/emails', { params: { query: { pageSize: 50 } } })) });
  return (
    <div>
      <PageHeader title="Email outbox">
        <p>The latest emails, newest first. Without an SMTP server configured (SMTP_URL), emails are not sent: read them here.</p>
      </PageHeader>
      <QueryState query={emails} what="emails" feature="Email outbox">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No emails yet">Sign-ups, password resets and notifications will appear here.</EmptyState>
          ) : (
            <ul className="plain-list outbox">
              {page.data.map((email) => (
                <li key={email.id} className="card">
                  <article aria-label={email.subject}>
                    <h2>{email.subject}</h2>
                    <p className="muted">
                      To <span className="mono">{email.to}</span> · {formatDateTime(email.createdAt)} · <StatusBadge status={email.status} />
                      {email.error && <> · {email.error}</>}
                    </p>
                    <pre className="email-text">{email.text}</pre>
                  </article>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
