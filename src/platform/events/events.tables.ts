import { boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Domain events: an immutable record of something that happened to a merchant's data, written in
 * the same transaction as the change. Webhook deliveries fan out from these rows.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    merchantId: text('merchant_id'),
    livemode: boolean('livemode').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Serves the per-merchant event list in the dashboard, newest first.
  (t) => [index('domain_events_merchant_idx').on(t.merchantId, t.livemode, t.createdAt)],
);

export type DomainEventRow = typeof domainEvents.$inferSelect;
