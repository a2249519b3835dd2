import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { WebhookDeliveryLog } from './WebhookDeliveryLog.tsx';
import { type WebhookEndpoint, type WebhookEndpointWithSecret, endpointParams, webhookDeliveriesKey, webhookEndpointsKey } from './webhook-api.ts';

const DISABLED_BECAUSE: Record<string, string> = {
  manual: 'Disabled by you.',
  gone: 'Disabled because the endpoint answered 410 Gone.',
};

/** One endpoint: what it receives, its state, and what can be done with it, with its delivery log on demand. */
export function WebhookEndpointCard({ endpoint, onNewSecret }: { endpoint: WebhookEndpoint; onNewSecret(endpoint: WebhookEndpointWithSecret): void }) {
  const api = useApi().forMode(endpoint.livemode ? 'live' : 'test');
  const queryClient = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const params = endpointParams(endpoint);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookEndpointsKey(endpoint.livemode) });

  const setDisabled = useMutation({
    mutationFn: (disabled: boolean) => call(api.PATCH('/api/v1/webhook-endpoints/{id}', { params, body: { disabled } })),
    onSuccess: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => call(api.POST('/api/v1/webhook-endpoints/{id}/rotate-secret', { params })),
    onSuccess: (rotated) => {
      onNewSecret(rotated);
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => call(api.DELETE('/api/v1/webhook-endpoints/{id}', { params })), onSuccess: refresh });
  const sendTest = useMutation({
    mutationFn: () => call(api.POST('/api/v1/webhook-endpoints/{id}/test', { params })),
    onSuccess: () => {
      setShowLog(true);
      return queryClient.invalidateQueries({ queryKey: webhookDeliveriesKey(endpoint.id) });
    },
  });

  const confirmDelete = () => {
    if (window.confirm(`Delete the endpoint ${endpoint.url}? Its delivery log is deleted with it.`)) remove.mutate();
  };
  const actionError = setDisabled.error ?? rotate.error ?? remove.error ?? sendTest.error;
  const busy = setDisabled.isPending || rotate.isPending || remove.isPending;
  const headingId = `webhook-endpoint-${endpoint.id}`;

  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="mono">
        {endpoint.url}
      </h3>
      <p>
        <StatusBadge status={endpoint.disabled ? 'DISABLED' : 'ENABLED'} />{' '}
        {endpoint.disabled && <span className="muted">{DISABLED_BECAUSE[endpoint.disabledReason ?? 'manual'] ?? 'Disabled.'}</span>}
        {endpoint.circuit.openUntil && (
          <span className="muted">Deliveries paused after repeated failures until {formatDateTime(endpoint.circuit.openUntil)}.</span>
        )}
      </p>
      {endpoint.description && <p>{endpoint.description}</p>}
      <dl className="facts">
        <div>
          <dt>Events</dt>
          <dd className="mono">{endpoint.events.includes('*') ? 'All events' : endpoint.events.join(', ')}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(endpoint.createdAt)}</dd>
        </div>
        {endpoint.previousSecretExpiresAt && (
          <div>
            <dt>Old secret signs until</dt>
            <dd>{formatDateTime(endpoint.previousSecretExpiresAt)}</dd>
          </div>
        )}
      </dl>
      <div className="actions">
        <button type="button" className="button" disabled={endpoint.disabled || sendTest.isPending} onClick={() => sendTest.mutate()}>
          {sendTest.isPending ? 'Sending…' : 'Send test event'}
        </button>
        <button type="button" className="button" aria-expanded={showLog} onClick={() => setShowLog((shown) => !shown)}>
          {showLog ? 'Hide deliveries' : 'Show deliveries'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setDisabled.mutate(!endpoint.disabled)}>
          {endpoint.disabled ? 'Enable' : 'Disable'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => rotate.mutate()}>
          Rotate secret
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={confirmDelete}>
          Delete
        </button>
      </div>
      <FormAlert message={actionError ? asApiError(actionError).message : null} />
      {showLog && <WebhookDeliveryLog endpointId={endpoint.id} livemode={endpoint.livemode} endpointDisabled={endpoint.disabled} />}
    </article>
  );
}
