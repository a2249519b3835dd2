import type { BodyOf, ItemOf, ResponseOf } from '../../api.ts';

/** Webhook endpoints as the server answers for them, the query-cache keys they live under, and the parameters naming one. */
export type WebhookEndpoint = ResponseOf<'/api/v1/webhook-endpoints/{id}', 'get'>;
/** Answered only on creation and rotation: the endpoint with its `whsec_` secret in full. */
export type WebhookEndpointWithSecret = ResponseOf<'/api/v1/webhook-endpoints/{id}/rotate-secret', 'post'>;
export type WebhookDelivery = ItemOf<'/api/v1/webhook-endpoints/{id}/deliveries', 'get'>;
export type WebhookAttempt = WebhookDelivery['attempts'][number];

type WebhookEventType = Exclude<BodyOf<'/api/v1/webhook-endpoints', 'post'>['events'][number], '*' | 'test.ping'>;
/** Every event type an endpoint may choose (`test.ping` is sent only on request; `*` is every one): a new one on the server is a type error here until it is listed. */
const EVENT_TYPES: Record<WebhookEventType, true> = {
  'conversion.attributed': true,
  'conversion.unattributed': true,
  'commission.status_changed': true,
  'payout.processed': true,
  'import.completed': true,
  'statement.issued': true,
  'statement.paid': true,
};
export const WEBHOOK_EVENT_TYPES = Object.keys(EVENT_TYPES) as WebhookEventType[];

export const webhookEndpointsKey = (livemode: boolean) => ['merchant', 'webhook-endpoints', livemode ? 'live' : 'test'] as const;

export const webhookDeliveriesKey = (endpointId: string) => ['merchant', 'webhook-deliveries', endpointId] as const;

export const endpointParams = (endpoint: { id: string }) => ({ path: { id: endpoint.id } });
