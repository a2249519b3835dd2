import type { DeliveryView, EndpointView } from './webhooks.schemas.ts';
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow, WebhookEventType } from './webhooks.tables.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toEndpointView(row: WebhookEndpointRow, now: Date = new Date()): EndpointView {
  const previousLive = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    livemode: row.livemode,
    disabled: row.disabledAt !== null,
    disabledReason: row.disabledReason,
    disabledAt: iso(row.disabledAt),
    previousSecretExpiresAt: iso(previousLive),
    circuit: {
      consecutiveFailures: row.consecutiveFailures,
      openUntil: row.circuitOpenUntil && row.circuitOpenUntil > now ? row.circuitOpenUntil.toISOString() : null,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDeliveryView(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): DeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType as WebhookEventType,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    redeliveryOf: row.redeliveryOf,
    createdAt: row.createdAt.toISOString(),
    completedAt: iso(row.completedAt),
    attempts: attempts
      .sort((a, b) => a.attemptNo - b.attemptNo)
      .map((a) => ({
        attempt: a.attemptNo,
        startedAt: a.startedAt.toISOString(),
        outcome: a.outcome,
        statusCode: a.statusCode,
        error: a.errorCode ? { code: a.errorCode, message: a.errorMessage ?? '' } : null,
        latencyMs: a.latencyMs,
        responseExcerpt: a.responseExcerpt,
      })),
  };
}
