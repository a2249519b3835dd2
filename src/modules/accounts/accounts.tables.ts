import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

import { USER_ROLES, type UserRole } from '../../platform/auth/roles.ts';

export { USER_ROLES, type UserRole };

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    name: text('name'),
    /** Set when the user follows the link in the verification email (or completes a password reset). */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Optional email notifications the user turned off (see src/modules/email/email-kinds.ts). */
    emailOptOuts: text('email_opt_outs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_idx').on(sql`lower(${t.email})`), check('users_role_check', sql`role in ('merchant', 'affiliate', 'admin')`)],
);

/** A dashboard session. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    // Serves the purge of expired sessions.
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Login attempts per email and per client IP, kept in the database so every server process sees
 * the same counts. `subject` is `email:<address>` or `ip:<keyed hash>` (IPs are never stored raw).
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    subject: text('subject').primaryKey(),
    /** Attempts that failed or are being checked right now, since the last success or quiet window. */
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    // Serves the purge of throttles nobody has touched for a while.
    index('login_throttles_last_failure_idx').on(t.lastFailureAt),
    check('login_throttles_failures_check', sql`failures >= 0`),
  ],
);

export const ACCOUNT_TOKEN_PURPOSES = ['password_reset', 'email_verification'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * Single-use tokens sent by email (password reset, email verification). Only the SHA-256 of the
 * token is stored; `usedAt` is set by the one request that redeems it.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves "how many resets did this user ask for lately" and revoking a user's open tokens.
    index('account_tokens_user_idx').on(t.userId, t.purpose, t.createdAt),
    index('account_tokens_expires_idx').on(t.expiresAt),
    check('account_tokens_purpose_check', sql`purpose in ('password_reset', 'email_verification')`),
  ],
);

export type UserRow = typeof users.$inferSelect;
