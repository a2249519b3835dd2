/** Where the dashboard's webhook requests go, and the query-cache keys their answers live under. */
export const WEBHOOK_ENDPOINTS_PATH = '/api/v1/webhook-endpoints';

export const webhookEndpointPath = (endpointId: string) => `${WEBHOOK_ENDPOINTS_PATH}/${encodeURIComponent(endpointId)}`;

export const webhookEndpointsKey = (livemode: boolean) => ['merchant', 'webhook-endpoints', livemode ? 'live' : 'test'] as const;

export const webhookDeliveriesKey = (endpointId: string) => ['merchant', 'webhook-deliveries', endpointId] as const;
