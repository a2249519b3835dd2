import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, integer, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/merchants.tables.ts';

/** A key pair: the publishable key id is sent as a bearer token; the signing secret never is. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    livemode: boolean('livemode').notNull(),
    publishableKey: text('publishable_key').notNull(),
    /** The signing secret, sealed with the master key (it must be read back to verify HMACs). */
    secretSealed: text('secret_sealed').notNull(),
    /** The last characters of the secret, to recognise it in the dashboard. */
    secretHint: text('secret_hint').notNull(),
    /** Set when the pair was rotated out: it keeps working until then. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /**
     * When the signing secret was shown. Pairs issued by an admin's approval have not been shown to
     * anyone yet; the merchant may reveal such a secret exactly once.
     */
    secretShownAt: timestamp('secret_shown_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('api_keys_publishable_idx').on(t.publishableKey),
    // Serves the dashboard's key list per merchant and mode.
    index('api_keys_merchant_idx').on(t.merchantId, t.livemode),
  ],
);

/** Stored outcomes of idempotent requests, per merchant, mode and key (IETF Idempotency-Key draft). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    livemode: boolean('livemode').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and raw body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: text('status', { enum: ['in_progress', 'completed'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    /** An in-progress claim older than this belongs to a process that died; it may be taken over. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.livemode, t.key] }),
    // Serves the hourly purge of expired keys.
    index('idempotency_keys_created_idx').on(t.createdAt),
    check('idempotency_keys_length_check', sql`char_length(key) between 1 and 255`),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/**
 * Signatures of accepted state-changing signed requests, per key, kept while their timestamp is
 * still inside the allowed clock skew: the same signed request sent again is a replay. In the
 * database so that every process agrees.
 */
export const acceptedSignatures = pgTable(
  'accepted_signatures',
  {
    keyId: text('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    signature: text('signature').notNull(),
    /** When the request's timestamp leaves the skew window; after that it is refused as stale anyway. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.signature] }),
    // Serves the purge of expired signatures.
    index('accepted_signatures_expires_idx').on(t.expiresAt),
  ],
);
