// The api-keys module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { issueKeyPair } from './api-keys.service.ts';
export type { IssuedKeyPair } from './api-keys.service.ts';
export { idempotencyRequestHasher } from './idempotency.ts';
export { readDemoTestKeyPair } from './read-demo-key-pair.ts';
export { lastKeyUseAt } from './last-key-use.ts';
