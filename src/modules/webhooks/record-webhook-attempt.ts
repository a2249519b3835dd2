import { eq, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { notifyWebhookEndpointDisabled } from '../email/index.ts';
import { attemptResultOf, planAfterAttempt, type DeliverySettings } from './delivery-policy.ts';
import type { SendResult } from './send-webhook.ts';
import { cancelPendingDeliveries, enqueueDeliveryAttempt, lockEndpoint } from './webhooks.repository.ts';
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from './webhooks.tables.ts';

export type Answer = Exclude<SendResult, { kind: 'aborted' }>;

/**
 * Write attempt number `attempt` of a delivery and what follows from it, in one transaction: the
 * attempt row, the delivery's new status, the job for the next retry, and the endpoint's failure
 * count, circuit and (on 410) its disabling; retry and cool-down are reckoned from `now`. Locks the endpoint before the delivery, the same order
 * as disabling an endpoint, so the two never deadlock.
 */
export async function recordWebhookAttempt(
  db: Db,
  settings: DeliverySettings,
  deliveryId: string,
  attempt: number,
  startedAt: Date,
  answer: Answer,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [delivery] = await tx.select({ endpointId: webhookDeliveries.endpointId }).from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    if (!delivery) return;
    const endpoint = await lockEndpoint(delivery.endpointId, tx);
    if (!endpoint) return; // deleted meanwhile, with its log
    const [current] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)).for('update');
    // Someone else already recorded this attempt: never count one twice.
    if (!current || current.attemptCount !== attempt - 1) return;

    const statusCode = answer.kind === 'answered' ? answer.statusCode : null;
    const result = attemptResultOf(statusCode);
    await tx.insert(webhookDeliveryAttempts).values({
      deliveryId,
      attemptNo: attempt,
      startedAt,
      latencyMs: answer.latencyMs,
      outcome: result === 'succeeded' ? 'succeeded' : 'failed',
      statusCode,
      errorCode: answer.kind === 'unreachable' ? answer.errorCode : null,
      errorMessage: answer.kind === 'unreachable' ? answer.errorMessage : null,
      responseExcerpt: answer.kind === 'answered' ? answer.excerpt : null,
    });

    const plan = planAfterAttempt(result, attempt, endpoint.consecutiveFailures, settings);
    // A delivery cancelled while its attempt was on the wire keeps its status; the attempt is still logged.
    const stillPending = current.status === 'pending';
    const retryAt = stillPending && plan.delivery.retryInMs !== null ? new Date(now.getTime() + plan.delivery.retryInMs) : null;
    await tx
      .update(webhookDeliveries)
      .set({
        attemptCount: attempt,
        ...(stillPending ? { status: plan.delivery.status, nextAttemptAt: retryAt, completedAt: plan.delivery.status === 'pending' ? null : sql`now()` } : {}),
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (retryAt) await enqueueDeliveryAttempt({ deliveryId, attempt: attempt + 1 }, retryAt, tx);

    if (endpoint.disabledAt) return;
    const circuit =
      plan.endpoint.circuit === 'close'
        ? { circuitOpenUntil: null }
        : plan.endpoint.circuit === 'open'
          ? { circuitOpenUntil: new Date(now.getTime() + settings.circuitCooldownSeconds * 1000) }
          : {};
    await tx
      .update(webhookEndpoints)
      .set({
        consecutiveFailures: plan.endpoint.consecutiveFailures,
        ...circuit,
        ...(plan.endpoint.disable ? { disabledAt: sql`now()`, disabledReason: 'gone' as const } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(webhookEndpoints.id, endpoint.id));
    if (plan.endpoint.disable) {
      await cancelPendingDeliveries(endpoint.id, tx);
      await notifyWebhookEndpointDisabled(tx, endpoint, 'it answered 410 Gone');
    }
  });
}
