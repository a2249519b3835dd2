import type { Db } from '../../platform/db/client.ts';
import { toPage, type Page } from '../../platform/http/pagination.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { toDeliveryView } from './webhook-views.ts';
import { getEndpointOrThrow, listDeliveryRows } from './webhooks.repository.ts';
import type { DeliveryListQuery, DeliveryView } from './webhooks.schemas.ts';

/** An endpoint's delivery log, newest first, each delivery with every attempt. */
export async function listWebhookDeliveries(db: Db, tenant: Tenant, endpointId: string, query: DeliveryListQuery): Promise<Page<DeliveryView>> {
  const endpoint = await getEndpointOrThrow(tenant, endpointId, db);
  const { rows, attempts, total } = await listDeliveryRows(endpoint.id, query, db);
  return toPage(
    query,
    rows.map((row) =>
      toDeliveryView(
        row,
        attempts.filter((a) => a.deliveryId === row.id),
      ),
    ),
    total,
  );
}
