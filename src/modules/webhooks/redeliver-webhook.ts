import { inTransaction, type Db } from '../../platform/db/client.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { assertEnabled } from './send-test-event.ts';
import { toDeliveryView } from './webhook-views.ts';
import { getDeliveryOrThrow, getEndpointOrThrow, queueDelivery } from './webhooks.repository.ts';
import type { DeliveryView } from './webhooks.schemas.ts';

/**
 * Send a delivery's event to its endpoint again, as a new delivery with a fresh retry schedule
 * (`redeliveryOf` points at the original). The event id is unchanged, so a receiver that already
 * has it can tell it is a repeat.
 */
export async function redeliverWebhook(db: Db, tenant: Tenant, endpointId: string, deliveryId: string): Promise<DeliveryView> {
  return inTransaction(db, async (tx) => {
    const endpoint = await getEndpointOrThrow(tenant, endpointId, tx, { forUpdate: true });
    const original = await getDeliveryOrThrow(endpoint.id, deliveryId, tx);
    assertEnabled(endpoint);
    const delivery = await queueDelivery(
      {
        endpointId: endpoint.id,
        merchantId: endpoint.merchantId,
        livemode: endpoint.livemode,
        eventId: original.eventId,
        eventType: original.eventType,
        redeliveryOf: original.id,
      },
      tx,
    );
    return toDeliveryView(delivery, []);
  });
}
