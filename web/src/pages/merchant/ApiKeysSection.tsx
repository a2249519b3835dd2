import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { asApiError, call, type ItemOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { OneTimeSecretNotice } from '../../components/OneTimeSecretNotice.tsx';
import { RotatedKeyNotice } from './RotatedKeyNotice.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

type ApiKey = ItemOf<'/api/merchant/api-keys', 'get'>;

const KEYS_KEY = ['merchant', 'api-keys'] as const;

export function ApiKeysSection() {
  const api = useApi();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: KEYS_KEY, queryFn: () => call(api.GET('/api/merchant/api-keys', { params: { query: { pageSize: 200 } } })) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEYS_KEY });
  const rotate = useMutation({
    mutationFn: (key: ApiKey) => call(api.POST('/api/merchant/api-keys/rotate', { body: { mode: key.mode } })),
    onSuccess: refresh,
  });
  const reveal = useMutation({
    mutationFn: (key: ApiKey) => call(api.POST('/api/merchant/api-keys/{id}/reveal', { params: { path: { id: key.id } } })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => call(api.POST('/api/merchant/api-keys/{id}/revoke', { params: { path: { id: key.id } } })),
    onSuccess: refresh,
  });

  const confirmRevoke = (key: ApiKey) => {
    if (window.confirm(`Revoke ${key.publishableKey}? Requests signed with it will fail at once.`)) revoke.mutate(key);
  };
  const actionError = rotate.error ?? revoke.error ?? reveal.error;

  return (
    <section className="section" aria-labelledby="api-keys">
      <h2 id="api-keys">API keys</h2>
      <p className="muted">
        Test keys work in an isolated sandbox; live keys move real money. Rotating issues a new pair at once and keeps the old one working for a grace period,
        so you can deploy without downtime.
      </p>
      {rotate.data && <RotatedKeyNotice rotated={rotate.data} onDismiss={() => rotate.reset()} />}
      {reveal.data && (
        <OneTimeSecretNotice
          title={`Signing secret of ${reveal.data.publishableKey} — copy it now`}
          why="It can be revealed only once; store it where your server reads its configuration."
          secret={reveal.data.signingSecret}
          before={[{ label: 'Publishable key', value: reveal.data.publishableKey, mono: true }]}
          onDismiss={() => reveal.reset()}
        />
      )}
      <FormAlert message={actionError ? asApiError(actionError).message : null} />
      <QueryState query={keys} what="API keys" feature="API key management">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No API keys yet">Keys are issued when the platform team approves your store.</EmptyState>
          ) : (
            <TableWrap>
              <table className="stack-on-phone">
                <caption className="visually-hidden">API key pairs</caption>
                <thead>
                  <tr>
                    <th scope="col">Publishable key</th>
                    <th scope="col">Mode</th>
                    <th scope="col">State</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((key) => {
                    const state = key.status.toUpperCase();
                    return (
                      <tr key={key.id}>
                        <th scope="row">
                          <span className="mono">{key.publishableKey}</span>
                          <span className="cell-note">Secret {key.secretHint}</span>
                        </th>
                        <td data-label="Mode">{key.mode === 'live' ? 'Live' : 'Test'}</td>
                        <td data-label="State">
                          <StatusBadge status={state} />
                          {state === 'EXPIRING' && <span className="cell-note">Works until {formatDateTime(key.expiresAt)}</span>}
                        </td>
                        <td data-label="Last used">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
                        <td data-label="Created">{formatDateTime(key.createdAt)}</td>
                        <td className="actions">
                          {key.secretRevealable && state === 'ACTIVE' && (
                            <button type="button" className="button" disabled={reveal.isPending} onClick={() => reveal.mutate(key)}>
                              Reveal secret
                            </button>
                          )}
                          {state === 'ACTIVE' && (
                            <button type="button" className="button" disabled={rotate.isPending} onClick={() => rotate.mutate(key)}>
                              Rotate
                            </button>
                          )}
                          {(state === 'ACTIVE' || state === 'EXPIRING') && (
                            <button type="button" className="button button--danger" disabled={revoke.isPending} onClick={() => confirmRevoke(key)}>
                              Revoke
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryState>
    </section>
  );
}
