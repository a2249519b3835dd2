import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { users } from '../accounts/accounts.tables.ts';
import { OPTIONAL_EMAIL_KINDS, type OptionalEmailKind } from './email-kinds.ts';

export interface EmailSettingsView {
  emailVerified: boolean;
  notifications: Array<{ kind: OptionalEmailKind; enabled: boolean }>;
}

export async function getEmailSettings(db: Db, userId: string): Promise<EmailSettingsView> {
  const [user] = await db.select({ verifiedAt: users.emailVerifiedAt, optOuts: users.emailOptOuts }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('User');
  return { emailVerified: user.verifiedAt !== null, notifications: OPTIONAL_EMAIL_KINDS.map((kind) => ({ kind, enabled: !user.optOuts.includes(kind) })) };
}

/** Turn optional notifications on or off; kinds not named keep their setting. */
export async function updateEmailSettings(db: Db, userId: string, changes: Array<{ kind: OptionalEmailKind; enabled: boolean }>): Promise<EmailSettingsView> {
  const off = changes.filter((c) => !c.enabled).map((c) => c.kind);
  const on = changes.filter((c) => c.enabled).map((c) => c.kind);
  // One statement, so two tabs saving at once each keep the other's changes.
  await db
    .update(users)
    .set({
      emailOptOuts: sql`array(select distinct k from unnest(${users.emailOptOuts} || ${sql.param(off)}::text[]) k where not (k = any(${sql.param(on)}::text[])) order by k)`,
    })
    .where(eq(users.id, userId));
  return getEmailSettings(db, userId);
}
