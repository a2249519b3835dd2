// The webhooks module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { lastSucceededDeliveryAt } from './last-delivery.ts';
