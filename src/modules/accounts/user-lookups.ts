import { eq, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { users } from './accounts.tables.ts';

export interface EmailRecipient {
  email: string;
  verifiedAt: Date | null;
  /** Optional email kinds the user turned off. */
  optOuts: string[];
}

/** Where a user's email goes and what they agreed to receive; undefined for an unknown user. */
export async function findEmailRecipient(executor: Executor, userId: string): Promise<EmailRecipient | undefined> {
  const [user] = await executor
    .select({ email: users.email, verifiedAt: users.emailVerifiedAt, optOuts: users.emailOptOuts })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

/** Turn optional email kinds off and on for a user; kinds not named keep their setting. */
export async function changeEmailOptOuts(executor: Executor, userId: string, change: { off: string[]; on: string[] }): Promise<void> {
  // One statement, so two tabs saving at once each keep the other's changes.
  await executor
    .update(users)
    .set({
      emailOptOuts: sql`array(select distinct k from unnest(${users.emailOptOuts} || ${sql.param(change.off)}::text[]) k where not (k = any(${sql.param(change.on)}::text[])) order by k)`,
    })
    .where(eq(users.id, userId));
}

/** The user signed up with this address (any letter case), if any. */
export async function findUserIdByEmail(executor: Executor, email: string): Promise<string | undefined> {
  const [user] = await executor
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return user?.id;
}

/**
 * The user columns other modules' queries may join (the email shown beside a merchant or an audit
 * entry, and searched). PostgreSQL inlines the subquery: the plan is that of a join on users.
 */
export const userColumns = new QueryBuilder().select({ id: users.id, email: users.email }).from(users).as('user_columns');
