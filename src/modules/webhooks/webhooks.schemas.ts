import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { DELIVERY_STATUSES, DISABLED_REASONS, EVENT_SUBSCRIPTIONS, WEBHOOK_EVENT_TYPES } from './webhooks.tables.ts';

const EndpointUrl = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'http(s) URL that receives the events; private and loopback addresses are refused.',
});
const Events = Type.Array(StringEnum(EVENT_SUBSCRIPTIONS, { description: 'An event type, or "*" for every type.' }), {
  minItems: 1,
  maxItems: EVENT_SUBSCRIPTIONS.length,
  uniqueItems: true,
  description: `Event types to receive: ${EVENT_SUBSCRIPTIONS.join(', ')}.`,
});
const Description = Type.String({ maxLength: 500 });
const Timestamp = Type.String({ format: 'date-time' });

export const CreateEndpointBody = Type.Object({ url: EndpointUrl, events: Events, description: Type.Optional(Description) }, { additionalProperties: false });
export type CreateEndpointBody = Static<typeof CreateEndpointBody>;

export const UpdateEndpointBody = Type.Object(
  {
    url: Type.Optional(EndpointUrl),
    events: Type.Optional(Events),
    description: Type.Optional(Nullable(Description)),
    disabled: Type.Optional(Type.Boolean({ description: 'true disables the endpoint (its pending deliveries are cancelled); false enables it again.' })),
  },
  { additionalProperties: false },
);
export type UpdateEndpointBody = Static<typeof UpdateEndpointBody>;

export const EndpointParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const DeliveryParams = Type.Object({ id: Type.String({ maxLength: 64 }), deliveryId: Type.String({ maxLength: 64 }) });

export const DeliveryListQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(StringEnum(DELIVERY_STATUSES)) })]);
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const Endpoint = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  events: Type.Array(Type.String()),
  livemode: Type.Boolean(),
  disabled: Type.Boolean(),
  disabledReason: Nullable(StringEnum(DISABLED_REASONS, { description: 'manual, or gone (the endpoint answered 410)' })),
  disabledAt: Nullable(Timestamp),
  previousSecretExpiresAt: Nullable(
    Type.String({ format: 'date-time', description: 'Until then the secret before the last rotation also signs every delivery.' }),
  ),
  circuit: Type.Object({
    consecutiveFailures: Type.Integer(),
    openUntil: Nullable(Type.String({ format: 'date-time', description: 'Deliveries wait, unattempted, until then.' })),
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type EndpointView = Static<typeof Endpoint>;

export const EndpointWithSecret = Type.Composite([
  Endpoint,
  Type.Object({ secret: Type.String({ description: 'whsec_…: verify deliveries with it. Shown only on creation and rotation.' }) }),
]);
export type EndpointWithSecretView = Static<typeof EndpointWithSecret>;

export const Attempt = Type.Object({
  attempt: Type.Integer(),
  startedAt: Timestamp,
  outcome: StringEnum(['succeeded', 'failed'] as const),
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  latencyMs: Type.Integer(),
  responseExcerpt: Nullable(Type.String({ description: 'The start of the response body (at most 1 KB).' })),
});

export const Delivery = Type.Object({
  id: Type.String(),
  endpointId: Type.String(),
  eventId: Type.String({ description: 'The event id: the webhook-id header and the payload id, the same on every attempt.' }),
  eventType: StringEnum(WEBHOOK_EVENT_TYPES),
  status: StringEnum(DELIVERY_STATUSES),
  attemptCount: Type.Integer(),
  nextAttemptAt: Nullable(Timestamp),
  redeliveryOf: Nullable(Type.String()),
  createdAt: Timestamp,
  completedAt: Nullable(Timestamp),
  attempts: Type.Array(Attempt),
});
export type DeliveryView = Static<typeof Delivery>;

export const OrderDeliveriesParams = Type.Object({ orderId: Type.String({ minLength: 1, maxLength: 255 }) });

export const OrderDeliveries = Type.Object({
  endpointCount: Type.Integer({ description: 'Webhook endpoints in this mode, enabled or not' }),
  deliveries: Type.Array(Delivery, {
    description: 'Oldest first (conversion.attributed or conversion.unattributed); empty when no enabled endpoint subscribed to it',
  }),
});
