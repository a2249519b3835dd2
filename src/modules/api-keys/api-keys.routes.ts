import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { resolveMerchantId, resolveSessionUser } from '../../platform/auth/resolve-principal.ts';
import { authenticationFor } from '../../platform/auth/route-principals.ts';
import { AppError } from '../../platform/errors.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { FixedWindowRateLimiter, rateLimitHeaders } from '../../platform/http/rate-limiter.ts';
import { createKeyStore, modeName } from './api-keys.service.ts';
import { ApiKeySummary, KeyIdParams, Mode, RevealedSecret, RotatedKey } from './api-keys.schemas.ts';
import { claimIdempotencyKey, completeIdempotencyKey, purgeExpiredIdempotencyKeys } from './idempotency.ts';
import { describeKey, listApiKeys } from './list-api-keys.ts';
import { authenticateMerchant, identifyMerchantKey } from './merchant-auth.hook.ts';
import { purgeExpiredSignatures, refuseReplays } from './refuse-replays.ts';
import { revealApiKeySecret } from './reveal-api-key-secret.ts';
import { revokeApiKey } from './revoke-api-key.ts';
import { rotateApiKey } from './rotate-api-key.ts';

const merchantSession = { principals: ['merchantSession'] } as const;

/** The signed merchant API's trust layer (key + signature, rate limit, idempotency) and the key dashboard. */
export const registerApiKeys: ModuleRegister = (app, { db, secrets, worker, config, changes, clock }) => {
  const keys = createKeyStore(db, secrets, { cacheSeconds: config.apiKeyCacheSeconds, clock });
  changes.subscribe((change) => {
    if (change.kind === 'merchant') keys.forgetMerchant(change.merchantId);
  });
  const limiter = new FixedWindowRateLimiter();
  app.decorate('merchantKeys', keys);

  // onRequest: an unknown key is refused before the body is read.
  app.addHook('onRequest', async (request) => {
    if (authenticationFor(request) === 'merchantKey') await identifyMerchantKey(request, keys);
  });
  // preValidation: the signature is checked before the body is judged, so an unsigned request
  // learns nothing about what a valid body looks like.
  app.addHook('preValidation', async (request, reply) => {
    if (authenticationFor(request) !== 'merchantKey') return;
    const { keyId } = await authenticateMerchant(request, keys, clock);
    if (config.rateLimitPerMinute !== 0) {
      const decision = limiter.hit(keyId, config.rateLimitPerMinute);
      const headers = rateLimitHeaders(decision);
      void reply.headers(headers);
      if (!decision.allowed) {
        throw new AppError(
          'RATE_LIMITED',
          `Rate limit of ${decision.limit} requests per minute for this key reached; retry in ${decision.resetSeconds} s`,
          [],
          headers,
        );
      }
    }
    await refuseReplays(db, request);
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
  worker.register('signatures.purge', () => purgeExpiredSignatures(db, new Date(clock.now())));
  worker.schedule({ name: 'signatures-purge', cron: '0 */5 * * * *', jobType: 'signatures.purge' });

  app.get(
    '/api/merchant/api-keys',
    {
      config: merchantSession,
      schema: {
        tags: ['merchant'],
        summary: 'Your key pairs, newest first (never the signing secret)',
        querystring: Type.Composite([PageQuery, Type.Object({ mode: Type.Optional(Mode) })]),
        response: { 200: Paginated(ApiKeySummary) },
      },
    },
    async (request) => listApiKeys(db, resolveMerchantId(request), request.query, new Date(clock.now())),
  );

  app.post(
    '/api/merchant/api-keys/rotate',
    {
      config: merchantSession,
      schema: {
        tags: ['merchant'],
        summary: 'Issue a new key pair for a mode; the current pairs keep working for the grace period, then stop',
        body: Type.Object({ mode: Mode }, { additionalProperties: false }),
        response: { 201: RotatedKey },
      },
    },
    async (request, reply) => {
      const rotation = await rotateApiKey(
        { db, secrets, graceSeconds: config.apiKeyRotationGraceSeconds, now: new Date(clock.now()) },
        resolveMerchantId(request),
        request.body.mode === 'live',
        resolveSessionUser(request).userId,
      );
      // The cached view of a retired key has no expiry yet; drop it so the grace end applies at once.
      for (const retired of rotation.retired) keys.forget(retired.publishableKey);
      const { issued } = rotation;
      return reply.status(201).send({
        id: issued.id,
        mode: modeName(issued.livemode),
        publishableKey: issued.publishableKey,
        signingSecret: issued.signingSecret,
        createdAt: issued.createdAt.toISOString(),
        retired: rotation.retired.map((r) => ({ id: r.id, publishableKey: r.publishableKey, expiresAt: r.expiresAt.toISOString() })),
      });
    },
  );

  app.post(
    '/api/merchant/api-keys/:id/revoke',
    {
      config: merchantSession,
      schema: { tags: ['merchant'], summary: 'Stop a key pair at once', params: KeyIdParams, response: { 200: ApiKeySummary } },
    },
    async (request) => {
      const revoked = await revokeApiKey(db, resolveMerchantId(request), request.params.id, resolveSessionUser(request).userId);
      keys.forget(revoked.publishableKey);
      return describeKey(revoked, new Date(clock.now()));
    },
  );

  app.post(
    '/api/merchant/api-keys/:id/reveal',
    {
      config: merchantSession,
      schema: {
        tags: ['merchant'],
        summary: 'Show the signing secret of a pair issued at approval; possible once per pair',
        params: KeyIdParams,
        response: { 200: RevealedSecret },
      },
    },
    async (request) => {
      const { key, signingSecret } = await revealApiKeySecret(db, secrets, resolveMerchantId(request), request.params.id, resolveSessionUser(request).userId);
      return { id: key.id, mode: modeName(key.livemode), publishableKey: key.publishableKey, signingSecret };
    },
  );
};

declare module 'fastify' {
  interface FastifyInstance {
    merchantKeys: ReturnType<typeof createKeyStore>;
  }
}
