import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { domainEvents } from '../../platform/events/events.tables.ts';
import { merchants } from '../merchants/merchants.tables.ts';

/** The event types a merchant can receive (SPEC §4); no other domain event leaves the platform. */
export const WEBHOOK_EVENT_TYPES = [
  'conversion.attributed',
  'conversion.unattributed',
  'commission.status_changed',
  'payout.processed',
  'import.completed',
  'statement.issued',
  'statement.paid',
  'test.ping',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an endpoint may subscribe to: a listed type, or `*` for every one of them. */
export const EVENT_SUBSCRIPTIONS = [...WEBHOOK_EVENT_TYPES, '*'] as const;
export type EventSubscription = (typeof EVENT_SUBSCRIPTIONS)[number];

export const DISABLED_REASONS = ['manual', 'gone'] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

/** A merchant's URL that receives signed events of one mode. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    livemode: boolean('livemode').notNull(),
    url: text('url').notNull(),
    description: text('description'),
    events: text('events').array().$type<EventSubscription[]>().notNull(),
    /** The signing secret (`whsec_…`), sealed with the platform master key. */
    secretSealed: text('secret_sealed').notNull(),
    /** The secret before the last rotation; it signs beside the current one until it expires. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** `manual` (the merchant) or `gone` (the endpoint answered 410). */
    disabledReason: text('disabled_reason', { enum: DISABLED_REASONS }),
    /** Failed attempts since the last success; the circuit breaker reads it. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** While in the future, the endpoint's deliveries wait without being attempted. */
    circuitOpenUntil: timestamp('circuit_open_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the merchant's endpoint list and the fan-out lookup of a merchant's endpoints in one mode.
    index('webhook_endpoints_merchant_idx').on(t.merchantId, t.livemode, t.createdAt),
    check('webhook_endpoints_disabled_check', sql`(disabled_at is null) = (disabled_reason is null)`),
    check('webhook_endpoints_disabled_reason_check', sql`disabled_reason in ('manual', 'gone')`),
    check('webhook_endpoints_events_check', sql`cardinality(events) >= 1`),
    check('webhook_endpoints_failures_check', sql`consecutive_failures >= 0`),
  ],
);

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event on its way to one endpoint; its attempts are the delivery log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    merchantId: text('merchant_id').notNull(),
    livemode: boolean('livemode').notNull(),
    eventId: text('event_id')
      .notNull()
      .references(() => domainEvents.id),
    eventType: text('event_type').notNull(),
    /** Set on a delivery made by "redeliver": the delivery it repeats. */
    redeliveryOf: text('redelivery_of'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    /** When the next attempt is due (pending only). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    // Serves an endpoint's delivery log, newest first.
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
    // Serves cancelling an endpoint's pending deliveries when it is disabled.
    index('webhook_deliveries_pending_idx')
      .on(t.endpointId)
      .where(sql`status = 'pending'`),
    check('webhook_deliveries_status_check', sql`status in ('pending', 'succeeded', 'failed', 'cancelled')`),
    check('webhook_deliveries_attempts_check', sql`attempt_count >= 0`),
  ],
);

export const ATTEMPT_OUTCOMES = ['succeeded', 'failed'] as const;

/** One HTTP request of a delivery; the primary key makes each attempt number happen once. */
export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptNo: integer('attempt_no').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    latencyMs: integer('latency_ms').notNull(),
    outcome: text('outcome', { enum: ATTEMPT_OUTCOMES }).notNull(),
    /** The HTTP status, when an answer came. */
    statusCode: integer('status_code'),
    /** Why no usable answer came: TIMEOUT, CONNECTION_FAILED, DNS_FAILED, PRIVATE_ADDRESS … */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The start of the response body (at most 1 KB). */
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [
    primaryKey({ columns: [t.deliveryId, t.attemptNo] }),
    check('webhook_delivery_attempts_outcome_check', sql`outcome in ('succeeded', 'failed')`),
    check('webhook_delivery_attempts_number_check', sql`attempt_no >= 1 and latency_ms >= 0`),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookDeliveryAttempts.$inferSelect;
