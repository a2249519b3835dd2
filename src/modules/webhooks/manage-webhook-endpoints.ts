import { sql } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { requireOutboundUrl } from '../../platform/outbound/safe-fetch.ts';
import type { Tenant } from '../../platform/tenant.ts';
import { lockMerchant } from '../merchants/index.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { toEndpointView } from './webhook-views.ts';
import {
  cancelPendingDeliveries,
  countEndpoints,
  deleteEndpointRow,
  getEndpointOrThrow,
  insertEndpoint,
  listEndpointRows,
  updateEndpointRow,
} from './webhooks.repository.ts';
import type { CreateEndpointBody, EndpointView, EndpointWithSecretView, UpdateEndpointBody } from './webhooks.schemas.ts';

/** Endpoints per merchant and mode; enough for any integration, few enough that fan-out stays cheap. */
export const MAX_ENDPOINTS_PER_MODE = 20;

export interface EndpointDeps {
  db: Db;
  secrets: SecretBox;
  allowPrivate: boolean;
  secretGraceSeconds: number;
}

export async function createEndpoint(deps: EndpointDeps, tenant: Tenant, body: CreateEndpointBody): Promise<EndpointWithSecretView> {
  requireOutboundUrl(body.url, deps.allowPrivate);
  const secret = newWebhookSecret();
  return inTransaction(deps.db, async (tx) => {
    // Locking the merchant makes concurrent creations take turns, so the limit holds.
    if (!(await lockMerchant(tx, tenant.merchantId))) throw notFound('Merchant');
    if ((await countEndpoints(tenant, tx)) >= MAX_ENDPOINTS_PER_MODE) {
      throw new AppError('WEBHOOK_ENDPOINT_LIMIT', `At most ${MAX_ENDPOINTS_PER_MODE} webhook endpoints per mode; delete one first`);
    }
    const row = await insertEndpoint(
      {
        id: newId('whe'),
        merchantId: tenant.merchantId,
        livemode: tenant.livemode,
        url: body.url,
        description: body.description ?? null,
        events: body.events,
        secretSealed: deps.secrets.seal(secret),
      },
      tx,
    );
    return { ...toEndpointView(row), secret };
  });
}

/**
 * Change an endpoint. Disabling cancels its pending deliveries (they can be redelivered from the
 * log later); enabling starts it afresh, with its failure count and circuit reset.
 */
export async function updateEndpoint(deps: EndpointDeps, tenant: Tenant, id: string, body: UpdateEndpointBody): Promise<EndpointView> {
  if (body.url !== undefined) requireOutboundUrl(body.url, deps.allowPrivate);
  return inTransaction(deps.db, async (tx) => {
    const endpoint = await getEndpointOrThrow(tenant, id, tx, { forUpdate: true });
    const { disabled, ...fields } = body;
    const values: Parameters<typeof updateEndpointRow>[1] = { ...fields };
    if (disabled === true && endpoint.disabledAt === null) {
      Object.assign(values, { disabledAt: sql`now()`, disabledReason: 'manual' });
      await cancelPendingDeliveries(endpoint.id, tx);
    }
    if (disabled === false && endpoint.disabledAt !== null) {
      Object.assign(values, { disabledAt: null, disabledReason: null, consecutiveFailures: 0, circuitOpenUntil: null });
    }
    return toEndpointView(await updateEndpointRow(endpoint.id, values, tx));
  });
}

/**
 * A new secret, returned once. The old one keeps signing beside it for the grace period, so
 * receivers can switch without missing a delivery; rotating again ends the earlier grace at once.
 */
export async function rotateEndpointSecret(deps: EndpointDeps, tenant: Tenant, id: string): Promise<EndpointWithSecretView> {
  const secret = newWebhookSecret();
  return inTransaction(deps.db, async (tx) => {
    const endpoint = await getEndpointOrThrow(tenant, id, tx, { forUpdate: true });
    const graceful = deps.secretGraceSeconds > 0;
    const row = await updateEndpointRow(
      endpoint.id,
      {
        secretSealed: deps.secrets.seal(secret),
        previousSecretSealed: graceful ? endpoint.secretSealed : null,
        previousSecretExpiresAt: graceful ? new Date(Date.now() + deps.secretGraceSeconds * 1000) : null,
      },
      tx,
    );
    return { ...toEndpointView(row), secret };
  });
}

export async function deleteEndpoint(db: Db, tenant: Tenant, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const endpoint = await getEndpointOrThrow(tenant, id, tx, { forUpdate: true });
    await deleteEndpointRow(endpoint.id, tx);
  });
}

export async function getEndpoint(db: Db, tenant: Tenant, id: string): Promise<EndpointView> {
  return toEndpointView(await getEndpointOrThrow(tenant, id, db));
}

export async function listEndpoints(db: Db, tenant: Tenant, query: PageQuery): Promise<Page<EndpointView>> {
  const { rows, total } = await listEndpointRows(tenant, query, db);
  return toPage(
    query,
    rows.map((row) => toEndpointView(row)),
    total,
  );
}
