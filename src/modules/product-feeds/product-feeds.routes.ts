import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { createFeed, deleteFeed, getFeed, listFeedRuns, listFeeds, runFeedNow, updateFeed } from './manage-product-feeds.ts';
import { CreateFeedBody, Feed, FeedParams, FeedRun, UpdateFeedBody } from './product-feeds.schemas.ts';
import { PULL_JOB } from './product-feeds.repository.ts';
import { pullProductFeed } from './pull-product-feed.ts';
import { dispatchDueFeeds } from './dispatch-due-feeds.ts';
import { resolveTenant } from '../../platform/auth/resolve-principal.ts';

const signed = { tags: ['product feeds'], security: [{ apiKey: [] }] };
const notFound = { NOT_FOUND: 'No product feed with this id in this mode.' } as const;
const DISPATCH_JOB = 'product-feeds.dispatch';

/** Product feeds: registered catalog URLs the platform pulls on schedule through the upsert engine. */
export const registerProductFeeds: ModuleRegister = (app, { db, config, worker }) => {
  const allowPrivate = config.outboundAllowPrivate;

  worker.register(PULL_JOB, async (job) => {
    await pullProductFeed(db, String(job.payload.runId), { allowPrivate, timeoutMs: config.feedPullTimeoutMs, maxBytes: config.feedMaxBytes }, app.log);
  });
  worker.register(DISPATCH_JOB, async () => {
    if ((await dispatchDueFeeds(db)) > 0) worker.poke();
  });
  worker.schedule({ name: 'product-feeds-dispatch', cron: '0 * * * * *', jobType: DISPATCH_JOB });

  app.post(
    '/api/v1/product-feeds',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      schema: {
        ...signed,
        summary: 'Register a product feed (JSON or CSV URL) and its pull interval',
        body: CreateFeedBody,
        response: { 201: Feed, ...errorResponses(400) },
      },
    },
    async (request, reply) => reply.status(201).send(await createFeed(db, resolveTenant(request), request.body, allowPrivate)),
  );

  app.get(
    '/api/v1/product-feeds',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: { ...signed, summary: 'List your product feeds', querystring: PageQuery, response: { 200: Paginated(Feed), ...errorResponses(400) } },
    },
    async (request) => listFeeds(db, resolveTenant(request), request.query),
  );

  app.get(
    '/api/v1/product-feeds/:id',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: { ...signed, summary: 'Get a product feed', params: FeedParams, response: { 200: Feed, ...errorResponses(notFound) } },
    },
    async (request) => getFeed(db, resolveTenant(request), request.params.id),
  );

  app.patch(
    '/api/v1/product-feeds/:id',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Update a product feed (URL, format, interval, archiveMissing, ACTIVE/PAUSED)',
        params: FeedParams,
        body: UpdateFeedBody,
        response: { 200: Feed, ...errorResponses(400, notFound) },
      },
    },
    async (request) => updateFeed(db, resolveTenant(request), request.params.id, request.body, allowPrivate),
  );

  app.delete(
    '/api/v1/product-feeds/:id',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Delete a product feed and its run history (its products stay)',
        params: FeedParams,
        response: { 204: Type.Null(), ...errorResponses(notFound) },
      },
    },
    async (request, reply) => {
      await deleteFeed(db, resolveTenant(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/product-feeds/:id/run',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Pull the feed now; answers with the queued run',
        params: FeedParams,
        response: { 202: FeedRun, ...errorResponses(notFound, 'FEED_RUN_IN_PROGRESS') },
      },
    },
    async (request, reply) => {
      const run = await runFeedNow(db, resolveTenant(request), request.params.id);
      worker.poke();
      return reply.status(202).send(run);
    },
  );

  app.get(
    '/api/v1/product-feeds/:id/runs',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Runs of a feed, newest first, with counts and per-item errors',
        params: FeedParams,
        querystring: PageQuery,
        response: { 200: Paginated(FeedRun), ...errorResponses(400, notFound) },
      },
    },
    async (request) => listFeedRuns(db, resolveTenant(request), request.params.id, request.query),
  );
};
