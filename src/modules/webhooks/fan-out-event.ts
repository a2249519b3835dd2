import type { EventListener } from '../../platform/events/record-event.ts';
import { findSubscribedEndpoints, queueDelivery } from './webhooks.repository.ts';
import { WEBHOOK_EVENT_TYPES } from './webhooks.tables.ts';

/** Types that go to every subscribed endpoint; `test.ping` only ever goes to the endpoint tested. */
const FANNED_OUT = new Set<string>(WEBHOOK_EVENT_TYPES.filter((type) => type !== 'test.ping'));

/**
 * Runs inside the transaction that records a domain event: one pending delivery (and the job for
 * its first attempt) per enabled endpoint of the merchant and mode that subscribes to the type.
 * A rolled-back change therefore never sends a webhook, and a committed one never loses one.
 * A plain module-level function, so registering it again (another app in the process) is a no-op.
 */
export const fanOutDomainEvent: EventListener = async (executor, event) => {
  if (!event.merchantId || !FANNED_OUT.has(event.type)) return;
  const endpoints = await findSubscribedEndpoints(event.merchantId, event.livemode, event.type, executor);
  for (const endpoint of endpoints) {
    await queueDelivery(
      { endpointId: endpoint.id, merchantId: event.merchantId, livemode: event.livemode, eventId: event.id, eventType: event.type },
      executor,
    );
  }
};
