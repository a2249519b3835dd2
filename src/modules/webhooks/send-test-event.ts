import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { toDeliveryView } from './webhook-views.ts';
import { getEndpointOrThrow, queueDelivery } from './webhooks.repository.ts';
import type { DeliveryView } from './webhooks.schemas.ts';
import type { WebhookEndpointRow } from './webhooks.tables.ts';

export function assertEnabled(endpoint: WebhookEndpointRow): void {
  if (endpoint.disabledAt) {
    throw new AppError('WEBHOOK_ENDPOINT_DISABLED', `This endpoint is disabled (${endpoint.disabledReason}); enable it with PATCH { "disabled": false } first`);
  }
}

/** Send a `test.ping` event to this endpoint only, whatever it subscribes to; answers with the queued delivery. */
export async function sendTestEvent(db: Db, tenant: Tenant, endpointId: string): Promise<DeliveryView> {
  return inTransaction(db, async (tx) => {
    const endpoint = await getEndpointOrThrow(tenant, endpointId, tx, { forUpdate: true });
    assertEnabled(endpoint);
    const eventId = await recordEvent(tx, {
      type: 'test.ping',
      merchantId: tenant.merchantId,
      livemode: tenant.livemode,
      data: { endpointId: endpoint.id, message: 'A test event from Influencemart: your endpoint is reachable and can verify our signature.' },
    });
    const delivery = await queueDelivery(
      { endpointId: endpoint.id, merchantId: tenant.merchantId, livemode: tenant.livemode, eventId, eventType: 'test.ping' },
      tx,
    );
    return toDeliveryView(delivery, []);
  });
}
