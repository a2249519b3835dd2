import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { pageWindow, type PageQuery } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/enqueue.ts';
import type { Tenant } from '../../platform/tenant.ts';
import {
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
  type DeliveryStatus,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from './webhooks.tables.ts';

export const DELIVER_JOB = 'webhooks.deliver';

/** A delivery job is one attempt; `attempt` lets a stale job (its attempt already made) see that and stop. */
export interface DeliverJobPayload extends Record<string, unknown> {
  deliveryId: string;
  attempt: number;
}

/**
 * Job-level retries are for unexpected errors (the database away) and back off up to an hour each,
 * so a delivery outlives an outage of several hours; HTTP failures follow the delivery schedule.
 */
const DELIVER_JOB_MAX_ATTEMPTS = 20;

const ownedBy = (tenant: Tenant) => and(eq(webhookEndpoints.merchantId, tenant.merchantId), eq(webhookEndpoints.livemode, tenant.livemode));

/**
 * The tenant's endpoint, or 404. `forUpdate` takes a NO KEY UPDATE lock: it serialises changes to
 * the endpoint without blocking transactions that merely insert deliveries pointing at it.
 */
export async function getEndpointOrThrow(tenant: Tenant, id: string, executor: Executor, options: { forUpdate?: boolean } = {}): Promise<WebhookEndpointRow> {
  const query = executor
    .select()
    .from(webhookEndpoints)
    .where(and(ownedBy(tenant), eq(webhookEndpoints.id, id)));
  const [row] = options.forUpdate ? await query.for('no key update') : await query;
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/** Lock an endpoint by id alone (the delivery worker acts for no particular caller). */
export async function lockEndpoint(id: string, executor: Executor): Promise<WebhookEndpointRow | null> {
  const [row] = await executor.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for('no key update');
  return row ?? null;
}

export async function countEndpoints(tenant: Tenant, executor: Executor): Promise<number> {
  const [row] = await executor.select({ total: count() }).from(webhookEndpoints).where(ownedBy(tenant));
  return row?.total ?? 0;
}

export async function insertEndpoint(values: typeof webhookEndpoints.$inferInsert, executor: Executor): Promise<WebhookEndpointRow> {
  const [row] = await executor.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error('webhook endpoint insert returned nothing');
  return row;
}

export async function updateEndpointRow(id: string, values: Partial<typeof webhookEndpoints.$inferInsert>, executor: Executor): Promise<WebhookEndpointRow> {
  const [row] = await executor
    .update(webhookEndpoints)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function deleteEndpointRow(id: string, executor: Executor): Promise<void> {
  await executor.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

export async function listEndpointRows(tenant: Tenant, query: PageQuery, executor: Executor): Promise<{ rows: WebhookEndpointRow[]; total: number }> {
  const { limit, offset } = pageWindow(query);
  const [rows, [totals]] = await Promise.all([
    executor
      .select()
      .from(webhookEndpoints)
      .where(ownedBy(tenant))
      .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
      .limit(limit)
      .offset(offset),
    executor.select({ total: count() }).from(webhookEndpoints).where(ownedBy(tenant)),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/** Enabled endpoints of a merchant and mode that subscribe to `type` (by name or with `*`). */
export function findSubscribedEndpoints(merchantId: string, livemode: boolean, type: string, executor: Executor): Promise<Array<{ id: string }>> {
  return executor
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.merchantId, merchantId),
        eq(webhookEndpoints.livemode, livemode),
        sql`${webhookEndpoints.disabledAt} is null`,
        sql`${webhookEndpoints.events} && array[${type}, '*']::text[]`,
      ),
    )
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

/** Stop every pending delivery of an endpoint (it was disabled). */
export async function cancelPendingDeliveries(endpointId: string, executor: Executor): Promise<number> {
  const rows = await executor
    .update(webhookDeliveries)
    .set({ status: 'cancelled', nextAttemptAt: null, completedAt: sql`now()` })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

export interface NewDelivery {
  endpointId: string;
  merchantId: string;
  livemode: boolean;
  eventId: string;
  eventType: string;
  redeliveryOf?: string | null;
}

/**
 * A pending delivery and the job for its first attempt, written with the caller's executor: in the
 * transaction that records the event, both exist exactly when the event does.
 */
export async function queueDelivery(delivery: NewDelivery, executor: Executor): Promise<WebhookDeliveryRow> {
  const [row] = await executor
    .insert(webhookDeliveries)
    .values({ id: newId('whd'), ...delivery, nextAttemptAt: sql`clock_timestamp()` })
    .returning();
  if (!row) throw new Error('webhook delivery insert returned nothing');
  await enqueueDeliveryAttempt({ deliveryId: row.id, attempt: 1 }, undefined, executor);
  return row;
}

export async function enqueueDeliveryAttempt(payload: DeliverJobPayload, runAt: Date | undefined, executor: Executor): Promise<void> {
  await enqueueJob(executor, DELIVER_JOB, payload, { ...(runAt ? { runAt } : {}), maxAttempts: DELIVER_JOB_MAX_ATTEMPTS });
}

export async function getDeliveryOrThrow(endpointId: string, deliveryId: string, executor: Executor): Promise<WebhookDeliveryRow> {
  const [row] = await executor
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.id, deliveryId)));
  if (!row) throw notFound('Webhook delivery');
  return row;
}

export async function listDeliveryRows(
  endpointId: string,
  query: PageQuery & { status?: DeliveryStatus | undefined },
  executor: Executor,
): Promise<{ rows: WebhookDeliveryRow[]; attempts: WebhookAttemptRow[]; total: number }> {
  const { limit, offset } = pageWindow(query);
  const where = and(eq(webhookDeliveries.endpointId, endpointId), query.status ? eq(webhookDeliveries.status, query.status) : undefined);
  const [rows, [totals]] = await Promise.all([
    executor.select().from(webhookDeliveries).where(where).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(limit).offset(offset),
    executor.select({ total: count() }).from(webhookDeliveries).where(where),
  ]);
  return {
    rows,
    attempts: await attemptsOf(
      rows.map((r) => r.id),
      executor,
    ),
    total: totals?.total ?? 0,
  };
}

export async function attemptsOf(deliveryIds: string[], executor: Executor): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return executor.select().from(webhookDeliveryAttempts).where(inArray(webhookDeliveryAttempts.deliveryId, deliveryIds));
}
