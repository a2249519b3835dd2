import { readFileSync } from 'node:fs';
import type { App, ModuleRegister } from '../../platform/module.ts';
import { ClickBuffer } from './click-buffer.ts';
import { ClickSpool, clickSpoolDir } from './click-spool.ts';
import { ensureClickPartitions } from './click-partitions.ts';
import type { ClickRow } from './clicks.tables.ts';
import { isRefusedData } from '../../platform/db/sql-state.ts';
import { compileTrustedProxy } from '../../platform/http/client-address.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { ClickListQuery, ClickPage, ClickParams, Click, ReplayedClick, SetAsideClickFixes, SetAsideClickPage } from './clicks.schemas.ts';
import { findClick } from './find-click.ts';
import { insertClicks } from './insert-clicks.ts';
import { LinkCache } from './link-cache.ts';
import { getClickOrThrow, listClicks } from './list-clicks.ts';
import { loadLinkTarget, type LinkTarget } from './load-link-target.ts';
import { createClickRecorder } from './record-click.ts';
import { createRedirectHandler, registerRedirectRoute } from './redirect.routes.ts';
import { listSetAsideClicks, replaySetAsideClick, setAsideClick } from './set-aside-clicks.ts';
import { resolveSessionUser, resolveTenant } from '../../platform/auth/resolve-principal.ts';
import { errorResponses } from '../../platform/http/schemas.ts';

const CAPTURE_SCRIPT = readFileSync(new URL('./capture-script.js', import.meta.url), 'utf8');

/** What other modules use from tracking, on `app.tracking`. */
export interface Tracking {
  /** A recorded click, from this process's buffer or the database (conversions attribute with it). */
  findClick(clickId: string, options?: { graceMs?: number }): Promise<ClickRow | null>;
  /** A link changed: stop redirecting with what was cached (campaigns, products and merchants announce their changes on `changes`). */
  invalidateLink(code: string): void;
  /** Write every buffered click now. */
  flushClicks(): Promise<void>;
}

/** Links' redirect, click recording and the click APIs. */
export const registerTracking: ModuleRegister = async (app, { db, database, config, secrets, worker, changes, clock, onShutdown, frontDoor }) => {
  const spoolDir = clickSpoolDir(config);
  const spool = spoolDir ? new ClickSpool(spoolDir, app.log) : undefined;
  const buffer = new ClickBuffer((rows) => insertClicks(db, rows), {
    flushIntervalMs: config.clickFlushIntervalMs,
    batchSize: config.clickFlushBatchSize,
    refusesRows: isRefusedData,
    setAside: (click, reason) => setAsideClick(db, click, reason),
    spool,
    log: app.log,
  });
  if (spool) {
    const recovered = spool.recover();
    if (recovered.length > 0) app.log.warn({ clicks: recovered.length }, 'storing clicks a stopped process left in the click spool');
    buffer.addRecovered(recovered);
  }
  onShutdown(async () => {
    await buffer.close();
    spool?.close();
  });
  const cache = new LinkCache<LinkTarget>((code) => loadLinkTarget(db, code), { ttlMs: config.linkCacheTtlMs, maxEntries: 100_000, clock });
  const recordClick = createClickRecorder({
    buffer,
    secrets,
    repeatWindowMs: config.clickRepeatWindowSeconds * 1000,
    velocityPerLink: config.clickVelocityPerLink,
    velocityPerIp: config.clickVelocityPerIp,
  });

  const tracking: Tracking = {
    findClick: (clickId, options) => findClick({ buffer, db }, clickId, options),
    invalidateLink: (code) => cache.invalidate(code),
    flushClicks: () => buffer.flush(),
  };
  app.decorate('tracking', tracking);
  // What other modules changed, once committed: the redirect must not keep minting clicks from it.
  changes.subscribe((change) => {
    if (change.kind === 'campaign') cache.invalidateCampaign(change.campaignId);
    else if (change.kind === 'products')
      cache.invalidateWhere((t) => t.merchantId === change.merchantId && t.livemode === change.livemode && t.productId !== null);
    else cache.invalidateWhere((t) => t.merchantId === change.merchantId);
  });

  // Partitions for this month and the next two; a daily job keeps them ahead of the calendar.
  await database.exclusively(() => ensureClickPartitions(db));
  worker.register('clicks.ensure-partitions', async () => {
    await database.exclusively(() => ensureClickPartitions(db));
  });
  worker.schedule({ name: 'clicks-partitions', cron: '0 7 3 * * *', jobType: 'clicks.ensure-partitions' });

  // The redirect is answered ahead of Fastify (docs/decisions/redirect-front-door.md); the route
  // serves the same handler to requests that reach Fastify, such as app.inject.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  const serveRedirect = createRedirectHandler({
    cache,
    recordClick,
    log: app.log,
    trustedProxy: compileTrustedProxy(config.trustProxy),
    isClosing: () => closing,
    whenRecorded: spool ? (answer) => spool.afterWrite(answer) : (answer) => answer(),
  });
  frontDoor(serveRedirect);
  registerRedirectRoute(app, serveRedirect);
  registerCaptureScript(app);

  app.get(
    '/api/v1/clicks/:clickId',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['clicks'],
        summary: 'Verify a click id: one of your clicks in this mode',
        security: [{ apiKey: [] }],
        params: ClickParams,
        response: { 200: Click, ...errorResponses({ NOT_FOUND: 'No click with this id in this mode: not a click on one of your links.' }) },
      },
    },
    async (request) => getClickOrThrow({ buffer, db }, resolveTenant(request), request.params.clickId),
  );

  app.get(
    '/api/v1/clicks',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        tags: ['clicks'],
        summary: 'Your recorded clicks, newest first',
        security: [{ apiKey: [] }],
        querystring: ClickListQuery,
        response: { 200: ClickPage },
      },
    },
    async (request) => listClicks(db, resolveTenant(request), request.query),
  );

  app.get(
    '/api/admin/set-aside-clicks',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['admin'],
        summary: 'Clicks the database refused, set aside so they never held others back; newest first',
        querystring: PageQuery,
        response: { 200: SetAsideClickPage },
      },
    },
    async (request) => listSetAsideClicks(db, request.query),
  );

  app.post(
    '/api/admin/set-aside-clicks/:clickId/replay',
    {
      config: { principals: ['adminSession'] },
      // Corrections are optional, so is the body: an empty POST replays the click as recorded (made storable).
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['admin'],
        summary: 'Store a set-aside click after all, with corrections to what the visitor sent; audited',
        params: ClickParams,
        body: SetAsideClickFixes,
        response: { 200: ReplayedClick, ...errorResponses(400, 404, 422) },
      },
    },
    async (request) => replaySetAsideClick(db, request.params.clickId, request.body, resolveSessionUser(request).userId),
  );
};

/** `GET /js/capture.js`: the first-party script merchants embed to keep the click id for checkout. */
function registerCaptureScript(app: App): void {
  app.get('/js/capture.js', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) =>
    reply
      .headers({
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=300',
        // Loaded from the merchant's pages, which may isolate themselves with COEP.
        'cross-origin-resource-policy': 'cross-origin',
      })
      .send(CAPTURE_SCRIPT),
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    tracking: Tracking;
  }
}
