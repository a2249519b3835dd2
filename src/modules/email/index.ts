// The email module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { notifyJoinDecided, notifyJoinRequested, notifyMerchantReviewed, notifyPayoutSettled, notifyWebhookEndpointDisabled } from './notify.ts';
export { queueEmail } from './queue-email.ts';
