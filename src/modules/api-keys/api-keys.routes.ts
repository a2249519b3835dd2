import type { ModuleRegister } from '../../app.ts';
import { createKeyStore } from './api-keys.service.ts';
import { authenticateMerchant } from './merchant-auth.hook.ts';
import { claimIdempotencyKey, completeIdempotencyKey, purgeExpiredIdempotencyKeys } from './idempotency.ts';

/** The signed merchant API's trust layer: key + signature check, then idempotency. */
export const registerApiKeys: ModuleRegister = (app, { db, secrets, worker }) => {
  const keys = createKeyStore(db, secrets);
  app.decorate('merchantKeys', keys);

  // preValidation: the signature is checked before the body is judged, so an unsigned request
  // learns nothing about what a valid body looks like.
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.auth === 'merchant') await authenticateMerchant(request, keys);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.idempotent && (await claimIdempotencyKey(db, request, reply)) === 'replayed') return reply;
    return undefined;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.config.idempotent) await completeIdempotencyKey(db, request, reply.statusCode, payload);
    return payload;
  });

  worker.register('idempotency.purge', () => purgeExpiredIdempotencyKeys(db));
  worker.schedule({ name: 'idempotency-purge', cron: '0 17 * * * *', jobType: 'idempotency.purge' });
};

declare module 'fastify' {
  interface FastifyInstance {
    merchantKeys: ReturnType<typeof createKeyStore>;
  }
}
