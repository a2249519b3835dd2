export { InfluencemartClient, retryAfterMs, signatureFor, type ApiResponse, type ClientOptions, type RequestOptions } from './client.ts';
export { InfluencemartError } from './errors.ts';
export type { JsonBody, QueryOf, ResultOf, WriteOptions } from './operation-types.ts';
export type { paths as ApiPaths, components as ApiComponents } from './api-types.ts';
export type { Resources } from './resources.ts';
export { verifyWebhook, WebhookVerificationError, type WebhookEvent } from './webhooks.ts';
