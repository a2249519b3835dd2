import { and, eq, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { domainEvents } from '../../platform/events/events.tables.ts';
import { circuitGate, type DeliverySettings } from './delivery-policy.ts';
import type { InFlightDeliveries } from './in-flight-deliveries.ts';
import { recordWebhookAttempt } from './record-webhook-attempt.ts';
import { sendWebhook, type SendSettings } from './send-webhook.ts';
import { enqueueDeliveryAttempt, type DeliverJobPayload } from './webhooks.repository.ts';
import { webhookDeliveries, webhookEndpoints, type WebhookDeliveryRow, type WebhookEndpointRow } from './webhooks.tables.ts';

export interface DeliveryRuntime {
  db: Db;
  secrets: SecretBox;
  log: FastifyBaseLogger;
  settings: DeliverySettings & SendSettings;
  inFlight: InFlightDeliveries;
  /** Retry times and the circuit's cool-down are reckoned on it. */
  clock: Clock;
}

/** Deliveries held back by an open circuit are spread over this much time after it closes. */
const DEFERRAL_SPREAD_MS = 1000;

/**
 * The job behind one delivery attempt. The attempt is skipped when the job is stale (the attempt was
 * made, or the delivery ended), held back while the endpoint's circuit is open, and put back
 * unrecorded when this process shuts down mid-request; otherwise it is sent and recorded.
 */
export async function deliverWebhook(runtime: DeliveryRuntime, payload: DeliverJobPayload): Promise<void> {
  const { db } = runtime;
  const [found] = await db
    .select({
      delivery: webhookDeliveries,
      endpoint: webhookEndpoints,
      event: {
        id: domainEvents.id,
        type: domainEvents.type,
        livemode: domainEvents.livemode,
        data: domainEvents.data,
        createdAt: sql<string>`to_char(${domainEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      },
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(domainEvents, eq(domainEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, payload.deliveryId));
  if (!found) return;
  const { delivery, endpoint, event } = found;
  if (delivery.status !== 'pending' || delivery.attemptCount + 1 !== payload.attempt) return;
  if (endpoint.disabledAt) {
    // Disabling cancelled the endpoint's pending deliveries; this one slipped in just before.
    await db
      .update(webhookDeliveries)
      .set({ status: 'cancelled', nextAttemptAt: null, completedAt: sql`now()` })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending')));
    return;
  }
  const heldUntil = await holdForCircuit(db, endpoint, runtime.settings.circuitCooldownSeconds, new Date(runtime.clock.now()));
  if (heldUntil) {
    await defer(db, delivery, payload, new Date(heldUntil.getTime() + Math.random() * DEFERRAL_SPREAD_MS));
    return;
  }

  const controller = runtime.inFlight.begin();
  if (!controller) return enqueueDeliveryAttempt(payload, undefined, db);
  const startedAt = new Date(runtime.clock.now());
  let result;
  try {
    result = await sendWebhook(endpoint.url, event, signingSecrets(runtime.secrets, endpoint, startedAt), runtime.settings, controller.signal);
  } finally {
    runtime.inFlight.end(controller);
  }
  // Cut short by shutdown: the same attempt is due again at once, for this or another process.
  if (result.kind === 'aborted') return enqueueDeliveryAttempt(payload, undefined, db);
  await recordWebhookAttempt(db, runtime.settings, delivery.id, payload.attempt, startedAt, result, new Date(runtime.clock.now()));
  if (result.kind === 'unreachable' || result.statusCode < 200 || result.statusCode >= 300) {
    runtime.log.info(
      { deliveryId: delivery.id, endpointId: endpoint.id, attempt: payload.attempt, status: result.kind === 'answered' ? result.statusCode : result.errorCode },
      'webhook attempt failed',
    );
  }
}

/** The current secret, and the one before it while its rotation grace lasts. */
function signingSecrets(secrets: SecretBox, endpoint: WebhookEndpointRow, now: Date): string[] {
  const current = secrets.open(endpoint.secretSealed);
  const previousLive = endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return previousLive ? [current, secrets.open(endpoint.previousSecretSealed!)] : [current];
}

/**
 * When the circuit is open, the time to wait until; null when the attempt may go. Once the cool-down
 * has passed, the first attempt to move it on (an update that re-checks it under the row lock) is the probe;
 * every other attempt waits for the new cool-down, so a dead endpoint gets one request per cool-down.
 */
async function holdForCircuit(db: Db, endpoint: WebhookEndpointRow, cooldownSeconds: number, now: Date): Promise<Date | null> {
  const gate = circuitGate(endpoint.circuitOpenUntil, now);
  if (!gate.pass) return gate.until;
  if (!gate.probe) return null;
  const [claimed] = await db
    .update(webhookEndpoints)
    .set({ circuitOpenUntil: new Date(now.getTime() + cooldownSeconds * 1000) })
    .where(and(eq(webhookEndpoints.id, endpoint.id), lte(webhookEndpoints.circuitOpenUntil, now)))
    .returning({ id: webhookEndpoints.id });
  if (claimed) return null;
  const [current] = await db.select({ until: webhookEndpoints.circuitOpenUntil }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
  return current?.until ?? null;
}

/** Hold a delivery back without attempting it: its attempt number and retry schedule stay as they are. */
async function defer(db: Db, delivery: WebhookDeliveryRow, payload: DeliverJobPayload, until: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: until })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending')));
    await enqueueDeliveryAttempt(payload, until, tx);
  });
}
