import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { asApiError, call } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { WebhookAttemptList } from './WebhookAttemptList.tsx';
import { type WebhookDelivery, endpointParams, webhookDeliveriesKey } from './webhook-api.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const POLL_MS = 2_000;

/** An endpoint's recent deliveries with every attempt, refreshed while any of them is still pending. */
export function WebhookDeliveryLog({ endpointId, livemode, endpointDisabled }: { endpointId: string; livemode: boolean; endpointDisabled: boolean }) {
  const api = useApi().forMode(livemode ? 'live' : 'test');
  const queryClient = useQueryClient();
  const params = endpointParams({ id: endpointId });
  const deliveries = useQuery({
    queryKey: webhookDeliveriesKey(endpointId),
    queryFn: () => call(api.GET('/api/v1/webhook-endpoints/{id}/deliveries', { params: { ...params, query: { pageSize: 20 } } })),
    refetchInterval: (query) => (query.state.data?.data.some((delivery) => delivery.status === 'pending') ? POLL_MS : false),
  });
  const redeliver = useMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      call(
        api.POST('/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver', {
          params: { ...params, path: { id: endpointId, deliveryId: delivery.id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookDeliveriesKey(endpointId) }),
  });

  return (
    <div className="delivery-log">
      <h4>Delivery log</h4>
      <FormAlert message={redeliver.error ? asApiError(redeliver.error).message : null} />
      <QueryState query={deliveries} what="deliveries" feature="The webhook delivery log">
        {(page) =>
          page.data.length === 0 ? (
            <p className="muted">No deliveries yet. Send a test event to see one here.</p>
          ) : (
            <TableWrap>
              <table>
                <caption className="visually-hidden">Deliveries to this endpoint, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((delivery) => (
                    <tr key={delivery.id}>
                      <th scope="row">
                        <span className="mono">{delivery.eventType}</span>
                        <span className="cell-note">{formatDateTime(delivery.createdAt)}</span>
                        {delivery.redeliveryOf && <span className="cell-note">Redelivery</span>}
                      </th>
                      <td>
                        <StatusBadge status={delivery.status} />
                        {delivery.nextAttemptAt && <span className="cell-note">Next attempt {formatDateTime(delivery.nextAttemptAt)}</span>}
                      </td>
                      <td>
                        <WebhookAttemptList attempts={delivery.attempts} />
                      </td>
                      <td className="actions">
                        <button type="button" className="button" disabled={endpointDisabled || redeliver.isPending} onClick={() => redeliver.mutate(delivery)}>
                          Redeliver
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryState>
    </div>
  );
}
