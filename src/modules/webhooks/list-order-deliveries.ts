import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { domainEvents } from '../../platform/events/events.tables.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { findOrderDetail } from '../orders/index.ts';
import { toDeliveryView } from './webhook-views.ts';
import { attemptsOf, countEndpoints } from './webhooks.repository.ts';
import type { DeliveryView } from './webhooks.schemas.ts';
import { webhookDeliveries } from './webhooks.tables.ts';

const CONVERSION_EVENTS = ['conversion.attributed', 'conversion.unattributed'];
/** The conversion event is recorded in the transaction that stores the order, so within this long of the order row. */
const EVENT_WINDOW_MS = 60 * 60 * 1000;

/**
 * The deliveries (each with its attempts, oldest first) of the event an order's conversion raised,
 * and how many endpoints the merchant has in this mode: the sandbox's webhook step. The event is
 * looked for only in the window after the order was stored, a short range of domain_events_merchant_idx.
 */
export async function listOrderDeliveries(db: Db, tenant: Tenant, orderId: string): Promise<{ endpointCount: number; deliveries: DeliveryView[] }> {
  const order = await findOrderDetail(db, tenant, orderId);
  if (!order) throw notFound('Order');
  const storedAt = new Date(order.createdAt);
  const [endpointCount, rows] = await Promise.all([
    countEndpoints(tenant, db),
    db
      .select({ delivery: webhookDeliveries })
      .from(domainEvents)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.eventId, domainEvents.id))
      .where(
        and(
          eq(domainEvents.merchantId, tenant.merchantId),
          eq(domainEvents.livemode, tenant.livemode),
          gte(domainEvents.createdAt, storedAt),
          lt(domainEvents.createdAt, new Date(storedAt.getTime() + EVENT_WINDOW_MS)),
          inArray(domainEvents.type, CONVERSION_EVENTS),
          sql`${domainEvents.data}->>'conversionId' = ${order.conversionId}`,
        ),
      )
      .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id)),
  ]);
  const attempts = await attemptsOf(
    rows.map((r) => r.delivery.id),
    db,
  );
  return {
    endpointCount,
    deliveries: rows.map(({ delivery }) =>
      toDeliveryView(
        delivery,
        attempts.filter((a) => a.deliveryId === delivery.id),
      ),
    ),
  };
}
