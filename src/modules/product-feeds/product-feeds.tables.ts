import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/merchants.tables.ts';

export const FEED_FORMATS = ['AUTO', 'JSON', 'CSV'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_STATUSES = ['ACTIVE', 'PAUSED'] as const;

/** A catalog feed the platform pulls on a schedule and writes through the product upsert engine. */
export const productFeeds = pgTable(
  'product_feeds',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    livemode: boolean('livemode').notNull(),
    name: text('name'),
    url: text('url').notNull(),
    format: text('format', { enum: FEED_FORMATS }).notNull().default('AUTO'),
    intervalMinutes: integer('interval_minutes').notNull().default(1440),
    /** Archive products this feed wrote earlier that a later successful run no longer lists. */
    archiveMissing: boolean('archive_missing').notNull().default(false),
    status: text('status', { enum: FEED_STATUSES }).notNull().default('ACTIVE'),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the merchant's feed list.
    index('product_feeds_merchant_idx').on(t.merchantId, t.livemode, t.createdAt),
    // Serves the scheduler: active feeds that are due.
    index('product_feeds_due_idx')
      .on(t.nextRunAt)
      .where(sql`status = 'ACTIVE'`),
    check('product_feeds_status_check', sql`status in ('ACTIVE', 'PAUSED')`),
    check('product_feeds_format_check', sql`format in ('AUTO', 'JSON', 'CSV')`),
    check('product_feeds_interval_check', sql`interval_minutes between 15 and 10080`),
  ],
);

export const FEED_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type FeedRunStatus = (typeof FEED_RUN_STATUSES)[number];

export interface FeedItemError {
  index: number;
  externalProductId: string | null;
  status: number;
  code: string;
  message: string;
}

/** One pull of a feed: what was fetched, what the upsert engine made of it, and what went wrong. */
export const productFeedRuns = pgTable(
  'product_feed_runs',
  {
    id: text('id').primaryKey(),
    feedId: text('feed_id')
      .notNull()
      .references(() => productFeeds.id, { onDelete: 'cascade' }),
    merchantId: text('merchant_id').notNull(),
    livemode: boolean('livemode').notNull(),
    trigger: text('trigger', { enum: ['SCHEDULE', 'MANUAL'] }).notNull(),
    status: text('status', { enum: FEED_RUN_STATUSES }).notNull().default('QUEUED'),
    httpStatus: integer('http_status'),
    received: integer('received').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    archived: integer('archived').notNull().default(0),
    /** Per-item failures (the first few hundred; `failed` has the full count). */
    errors: jsonb('errors').$type<FeedItemError[]>().notNull().default([]),
    /** Why the whole run failed (unreachable URL, unparsable body …). */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // Serves a feed's run history, newest first, and the "is a run already pending" check.
    index('product_feed_runs_feed_idx').on(t.feedId, t.queuedAt),
    check('product_feed_runs_status_check', sql`status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')`),
    check('product_feed_runs_trigger_check', sql`trigger in ('SCHEDULE', 'MANUAL')`),
    check('product_feed_runs_counts_check', sql`received >= 0 and created >= 0 and updated >= 0 and failed >= 0 and archived >= 0`),
  ],
);

export type ProductFeedRow = typeof productFeeds.$inferSelect;
export type ProductFeedRunRow = typeof productFeedRuns.$inferSelect;
