import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { call, type ResponseOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { formatDateTime } from '../../../format.ts';

type Step = ResponseOf<'/api/merchant/go-live', 'get'>['steps'][number]['step'];

export const GO_LIVE_KEY = ['merchant', 'go-live'] as const;

/** What each step means and what to do while it is unticked; a step the server adds is a type error here until it is described. */
const STEPS: Record<Step, { title: string; next: ReactNode }> = {
  testKeyUsed: {
    title: 'Test key used',
    next: (
      <>
        Send any signed request with your <code>pk_test_…</code> key (reveal its signing secret under <a href="#api-keys">API keys</a>).
      </>
    ),
  },
  testClickRecorded: {
    title: 'Test click recorded',
    next: (
      <>
        Run the <a href="#sandbox">sandbox replay</a>, or mint a click with <code>POST /api/v1/sandbox/clicks</code>.
      </>
    ),
  },
  testConversionRecorded: {
    title: 'Test conversion recorded',
    next: (
      <>
        Report an order with a test click’s id to <code>POST /api/v1/conversions</code>, or run the <a href="#sandbox">sandbox replay</a>.
      </>
    ),
  },
  testWebhookDelivered: {
    title: 'Test webhook delivered',
    next: (
      <>
        Add a test endpoint under <a href="#webhooks">Webhooks</a> and send it a test event; it counts once your endpoint answers 2xx.
      </>
    ),
  },
  liveKeyUsed: {
    title: 'Live key used',
    next: <>Deploy with your live key pair and send a first signed request with it.</>,
  },
};

/** The go-live checklist: ticked by the server from what really happened, never by hand. */
export function GoLiveChecklist() {
  const api = useApi();
  const checklist = useQuery({ queryKey: GO_LIVE_KEY, queryFn: () => call(api.GET('/api/merchant/go-live')) });
  return (
    <section className="section" aria-labelledby="go-live">
      <h2 id="go-live">Go-live checklist</h2>
      <QueryState query={checklist} what="the go-live checklist" feature="Go-live checklist">
        {({ steps, complete }) => (
          <>
            <p className="muted">
              {complete
                ? 'Every step is done: your integration has worked end to end in test mode and is live.'
                : `${steps.filter((s) => s.done).length} of ${steps.length} done. Each step ticks itself when it really happens.`}
            </p>
            <ol className="plain-list go-live">
              {steps.map(({ step, done, at }) => (
                <li key={step} className="go-live-step" data-step={step}>
                  <span className={`badge badge--${done ? 'good' : 'neutral'}`}>{done ? 'Done' : 'To do'}</span> <strong>{STEPS[step].title}</strong>
                  <span className="muted"> — {done ? `last on ${formatDateTime(at)}` : STEPS[step].next}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </section>
  );
}
