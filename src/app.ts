import { createServer, type IncomingMessage } from 'node:http';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from './platform/platform.ts';
import type { App, FrontDoor, ModuleDeps, ModuleRegister, RouteSummary } from './platform/module.ts';
import { assertRouteDeclaresPrincipals } from './platform/auth/route-principals.ts';
import { frameworkErrors, installErrorHandling } from './platform/http/error-handler.ts';
import { requestIdFor } from './platform/http/request-id.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { BODY_LIMIT, MAX_JSON_DEPTH } from './platform/http/body-limits.ts';
import { nestsDeeperThan } from './platform/http/json-depth.ts';
import { AppError } from './platform/errors.ts';
import { clientAddressOf, compileTrustedProxy } from './platform/http/client-address.ts';
import { registerApiDocs, type ApiDocsOptions } from './platform/http/api-docs.ts';
import cookie from '@fastify/cookie';
import './platform/auth/route-auth.types.ts';
import { registerHealth } from './modules/health/health.routes.ts';
import { registerAccounts } from './modules/accounts/accounts.routes.ts';
import { registerApiKeys } from './modules/api-keys/api-keys.routes.ts';
import { registerMerchants } from './modules/merchants/merchants.routes.ts';
import { registerWeb } from './modules/web/web.routes.ts';
import { registerCampaigns } from './modules/campaigns/campaigns.routes.ts';
import { registerPlatformSettings } from './modules/platform-settings/platform-settings.routes.ts';
import { registerProducts } from './modules/products/products.routes.ts';
import { registerProductFeeds } from './modules/product-feeds/product-feeds.routes.ts';
import { registerAudit } from './modules/audit/audit.routes.ts';
import { registerRequestLog } from './modules/request-log/request-log.routes.ts';
import { registerConversions } from './modules/conversions/conversions.routes.ts';
import { registerOrders } from './modules/orders/orders.routes.ts';
import { registerCommissions } from './modules/commissions/commissions.routes.ts';
import { registerLedger } from './modules/ledger/ledger.routes.ts';
import { registerRisk } from './modules/risk/risk.routes.ts';
import { registerSandbox } from './modules/sandbox/sandbox.routes.ts';
import { registerAffiliates } from './modules/affiliates/affiliates.routes.ts';
import { registerMemberships } from './modules/memberships/memberships.routes.ts';
import { registerTracking } from './modules/tracking/tracking.routes.ts';
import { registerLinks } from './modules/links/links.routes.ts';
import { registerWebhooks } from './modules/webhooks/webhooks.routes.ts';
import { registerBilling } from './modules/billing/billing.routes.ts';
import { registerPayouts } from './modules/payouts/payouts.routes.ts';
import { registerImports } from './modules/imports/imports.routes.ts';
import { registerReports } from './modules/reports/reports.routes.ts';
import { registerEmail } from './modules/email/email.routes.ts';
import { registerGoLive } from './modules/go-live/go-live.routes.ts';

/** Every capability, in registration order. The web dashboard comes last: its client-route fallback claims only what no module serves. */
const modules: ModuleRegister[] = [
  registerHealth,
  registerAccounts,
  registerEmail,
  registerApiKeys,
  registerRequestLog,
  registerMerchants,
  registerAudit,
  registerPlatformSettings,
  registerCampaigns,
  registerProducts,
  registerProductFeeds,
  registerAffiliates,
  registerMemberships,
  registerTracking,
  registerLinks,
  registerConversions,
  registerOrders,
  registerCommissions,
  registerLedger,
  registerRisk,
  registerBilling,
  registerPayouts,
  registerImports,
  registerReports,
  registerSandbox,
  registerWebhooks,
  registerGoLive,
  registerWeb,
];

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request: trusted proxies only, right to left (src/platform/http/client-address.ts). */
    readonly clientAddress: string;
  }
}

export interface BuildAppOptions {
  logger?: FastifyBaseLogger | boolean | { level: string };
  /** A signed call answered with an error code the merchant API reference does not list for it (default: logged). */
  onUndocumentedError?: ApiDocsOptions['onUndocumentedError'];
}

export type { App } from './platform/module.ts';

/** Build the whole app on an open platform; `listen` is the caller's business (server.ts, tests). */
export async function buildApp(platform: Platform, options: BuildAppOptions = {}): Promise<App> {
  const frontDoors: FrontDoor[] = [];
  const trustedProxy = compileTrustedProxy(platform.config.trustProxy);
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((request, response) => {
        for (const door of frontDoors) if (door(request, response)) return;
        handler(request, response);
      }),
    ...(typeof options.logger === 'object' && 'child' in options.logger
      ? { loggerInstance: options.logger }
      : { logger: options.logger ?? { level: platform.config.logLevel } }),
    genReqId: requestIdFor,
    frameworkErrors,
    trustProxy: trustedProxy,
    // Routes that need more (bulk calls) or less (sign-in) set their own: src/platform/http/body-limits.ts.
    bodyLimit: BODY_LIMIT.default,
    // Idle keep-alive sockets close at once on shutdown; in-flight requests still finish.
    forceCloseConnections: 'idle',
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Keep the raw JSON text: request signatures are computed over the exact bytes sent.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text === '') return done(null, undefined);
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(new AppError('INVALID_JSON', `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('invalid json'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }), undefined);
    }
  });
  // The client's address by the app's one rule (the redirect uses the same function).
  app.decorateRequest('clientAddress', {
    getter(this: { raw: IncomingMessage }) {
      return clientAddressOf(this.raw, trustedProxy);
    },
  });
  await app.register(cookie);
  installErrorHandling(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  // Every route with its method and config, for tests that must cover routes added by any module.
  const routeTable: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    assertRouteDeclaresPrincipals(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routeTable.push({ method, url: route.url, config: (route.config ?? {}) as RouteSummary['config'], schema: route.schema as RouteSummary['schema'] });
  });
  app.decorate('routeTable', routeTable);

  const shutdownHooks: Array<() => Promise<void>> = [];
  const deps: ModuleDeps = {
    ...platform,
    onShutdown: (hook) => void shutdownHooks.push(hook),
    frontDoor: (door) => void frontDoors.push(door),
  };

  await registerApiDocs(app, { onUndocumentedError: options.onUndocumentedError });
  for (const register of modules) await register(app, deps);

  // Order matters: finish buffered work first, then stop the workers, then close the database.
  app.addHook('onClose', async () => {
    for (const hook of shutdownHooks) {
      try {
        await hook();
      } catch (error) {
        app.log.error({ err: error }, 'shutdown hook failed');
      }
    }
    app.log.info('shutdown: buffered work finished');
    await platform.worker.stop();
    app.log.info('shutdown: job worker stopped');
    await platform.database.close();
    app.log.info('shutdown: database closed');
  });
  await app.ready();
  return app;
}
