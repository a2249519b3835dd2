export { InfluencemartClient, retryAfterMs, signatureFor, type ApiResponse, type ClientOptions, type RequestOptions } from './client.ts';
export { verifyWebhook, WebhookVerificationError, type WebhookEvent } from './webhooks.ts';
