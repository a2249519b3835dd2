import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/merchants.tables.ts';

/**
 * One row per merchant API call whose key was recognised, for the dashboard's live request log.
 * Written in batches after the response; kept `requestLogRetentionDays` days.
 */
export const apiRequestLog = pgTable(
  'api_request_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    requestId: text('request_id').notNull(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    livemode: boolean('livemode').notNull(),
    /** No foreign key: the log outlives a deleted key, and batches must never fail on one. */
    keyId: text('key_id').notNull(),
    method: text('method').notNull(),
    /** The path without its query string (queries may carry customer data). */
    path: text('path').notNull(),
    status: integer('status').notNull(),
    errorCode: text('error_code'),
    latencyMs: integer('latency_ms').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Serves the dashboard list: one merchant and mode, newest first.
    index('api_request_log_merchant_idx').on(t.merchantId, t.livemode, t.createdAt),
    // Serves the retention purge.
    index('api_request_log_created_idx').on(t.createdAt),
    check('api_request_log_status_check', sql`status between 100 and 599`),
  ],
);

export type ApiRequestLogRow = typeof apiRequestLog.$inferSelect;
