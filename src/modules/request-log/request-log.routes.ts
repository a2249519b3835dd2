import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { resolveMerchantId } from '../../platform/auth/resolve-principal.ts';
import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { listRequestLog, purgeRequestLog } from './list-request-log.ts';
import { RequestLogWriter } from './request-log-writer.ts';
import { STATUS_FILTER_PATTERN } from './status-filter.ts';

const LoggedRequest = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  mode: Type.Union([Type.Literal('test'), Type.Literal('live')]),
  keyId: Type.String(),
  method: Type.String(),
  path: Type.String(),
  status: Type.Integer(),
  errorCode: Type.Union([Type.String(), Type.Null()]),
  latencyMs: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

const RequestLogQuery = Type.Composite([
  PageQuery,
  Type.Object({
    mode: Type.Optional(Type.Union([Type.Literal('test'), Type.Literal('live')])),
    status: Type.Optional(Type.String({ pattern: STATUS_FILTER_PATTERN, description: 'An exact status (404) or a class (4xx)' })),
    errorCode: Type.Optional(Type.String({ maxLength: 64 })),
  }),
]);

const errorCodes = new WeakMap<FastifyRequest, string>();

function errorCodeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const code = (JSON.parse(payload) as { error?: { code?: unknown } })?.error?.code;
    return typeof code === 'string' ? code.slice(0, 64) : undefined;
  } catch {
    return undefined;
  }
}

/** The live request log of the merchant API: recorded after each response, read from the dashboard. */
export const registerRequestLog: ModuleRegister = (app, { db, config, worker, onShutdown }) => {
  const writer = new RequestLogWriter(db, app.log, { flushIntervalMs: config.requestLogFlushIntervalMs, batchSize: config.requestLogFlushBatchSize });
  app.decorate('requestLog', writer);
  onShutdown(() => writer.flush());

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 && request.apiKeyOwner) {
      const code = errorCodeOf(payload);
      if (code) errorCodes.set(request, code);
    }
    return payload;
  });
  // onResponse runs after the answer is sent, so logging never adds to the caller's latency.
  app.addHook('onResponse', async (request, reply) => {
    const owner = request.merchant ?? request.apiKeyOwner;
    if (!owner) return;
    const latencyMs = Math.round(reply.elapsedTime);
    writer.add({
      requestId: request.id,
      merchantId: owner.merchantId,
      livemode: owner.livemode,
      keyId: owner.keyId,
      method: request.method,
      path: (request.url.split('?')[0] ?? '').slice(0, 2000),
      status: reply.statusCode,
      errorCode: errorCodes.get(request) ?? null,
      latencyMs,
      createdAt: new Date(Date.now() - latencyMs),
    });
  });

  app.get(
    '/api/merchant/request-log',
    {
      config: { principals: ['merchantSession'] },
      schema: {
        tags: ['merchant'],
        summary: 'Recent merchant API calls, newest first (filter by mode, status or error code)',
        querystring: RequestLogQuery,
        response: { 200: Paginated(LoggedRequest) },
      },
    },
    async (request) => {
      const merchantId = resolveMerchantId(request);
      // Include what this process has not written yet, so a call just made shows up at once.
      await writer.flush();
      return listRequestLog(db, merchantId, request.query);
    },
  );

  worker.register('request-log.purge', async () => {
    await purgeRequestLog(db, config.requestLogRetentionDays);
  });
  worker.schedule({ name: 'request-log-purge', cron: '0 23 * * * *', jobType: 'request-log.purge' });
};

declare module 'fastify' {
  interface FastifyInstance {
    requestLog: RequestLogWriter;
  }
}
