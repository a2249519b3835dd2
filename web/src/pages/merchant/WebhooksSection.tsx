import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { WebhookEndpointCard } from './WebhookEndpointCard.tsx';
import { WebhookEndpointForm } from './WebhookEndpointForm.tsx';
import { WebhookSecretNotice } from './WebhookSecretNotice.tsx';
import { type WebhookEndpointWithSecret, webhookEndpointsKey } from './webhook-api.ts';

/** The merchant's webhook endpoints of one mode (live unless switched), with their signing secrets and delivery logs. */
export function WebhooksSection() {
  const api = useApi();
  const [mode, setMode] = useState<'live' | 'test'>('live');
  const livemode = mode === 'live';
  const [newSecret, setNewSecret] = useState<WebhookEndpointWithSecret | null>(null);
  const endpoints = useQuery({
    queryKey: webhookEndpointsKey(livemode),
    queryFn: () => call(api.forMode(mode).GET('/api/v1/webhook-endpoints', { params: { query: { pageSize: 50 } } })),
  });
  const missing = endpoints.isError && asApiError(endpoints.error).isMissingEndpoint;

  return (
    <section className="section" aria-labelledby="webhooks">
      <h2 id="webhooks">Webhooks</h2>
      <p className="muted">
        Influencemart POSTs signed JSON to your endpoints when conversions, commissions and payouts change. Verify each delivery with the endpoint’s signing
        secret, using any Standard Webhooks library. Test endpoints receive only test-mode events.
      </p>
      {!missing && (
        <div className="toolbar">
          <SelectField label="Webhook mode" name="webhook-mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)} hideOptional>
            <option value="live">Live</option>
            <option value="test">Test</option>
          </SelectField>
        </div>
      )}
      {newSecret && <WebhookSecretNotice endpoint={newSecret} onDismiss={() => setNewSecret(null)} />}
      <QueryState query={endpoints} what="webhook endpoints" feature="Webhooks">
        {(page) => (
          <div className="webhooks">
            {page.data.length === 0 ? (
              <EmptyState title={`No ${mode} webhook endpoints yet`}>Add one below to start receiving events.</EmptyState>
            ) : (
              <ul className="plain-list webhook-endpoints">
                {page.data.map((endpoint) => (
                  <li key={endpoint.id}>
                    <WebhookEndpointCard endpoint={endpoint} onNewSecret={setNewSecret} />
                  </li>
                ))}
              </ul>
            )}
            <WebhookEndpointForm livemode={livemode} onCreated={setNewSecret} />
          </div>
        )}
      </QueryState>
    </section>
  );
}
