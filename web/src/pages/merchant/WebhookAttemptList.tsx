import { formatDateTime } from '../../format.ts';
import type { WebhookAttempt } from './webhook-api.ts';

/** Each attempt: when, what came back (HTTP status or the failure), how long it took, and the start of the answer. */
export function WebhookAttemptList({ attempts }: { attempts: WebhookAttempt[] }) {
  if (attempts.length === 0) return <span className="muted">Not attempted yet</span>;
  return (
    <ol className="plain-list attempt-list">
      {attempts.map((attempt) => (
        <li key={attempt.attempt}>
          <span>
            #{attempt.attempt} · {formatDateTime(attempt.startedAt)} ·{' '}
            {attempt.statusCode !== null ? (
              <span className={`http-status http-status--${Math.floor(attempt.statusCode / 100)}xx`}>{attempt.statusCode}</span>
            ) : (
              <span className="http-status http-status--5xx">{attempt.error?.code ?? 'No answer'}</span>
            )}{' '}
            · {attempt.latencyMs} ms · {attempt.outcome}
          </span>
          {attempt.error && <span className="cell-note">{attempt.error.message}</span>}
          {attempt.responseExcerpt && <code className="cell-note excerpt">{attempt.responseExcerpt}</code>}
        </li>
      ))}
    </ol>
  );
}
