import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { changeEmailOptOuts, findEmailRecipient } from '../accounts/index.ts';
import { OPTIONAL_EMAIL_KINDS, type OptionalEmailKind } from './email-kinds.ts';

export interface EmailSettingsView {
  emailVerified: boolean;
  notifications: Array<{ kind: OptionalEmailKind; enabled: boolean }>;
}

export async function getEmailSettings(db: Db, userId: string): Promise<EmailSettingsView> {
  const user = await findEmailRecipient(db, userId);
  if (!user) throw notFound('User');
  return { emailVerified: user.verifiedAt !== null, notifications: OPTIONAL_EMAIL_KINDS.map((kind) => ({ kind, enabled: !user.optOuts.includes(kind) })) };
}

/** Turn optional notifications on or off; kinds not named keep their setting. */
export async function updateEmailSettings(db: Db, userId: string, changes: Array<{ kind: OptionalEmailKind; enabled: boolean }>): Promise<EmailSettingsView> {
  await changeEmailOptOuts(db, userId, { off: changes.filter((c) => !c.enabled).map((c) => c.kind), on: changes.filter((c) => c.enabled).map((c) => c.kind) });
  return getEmailSettings(db, userId);
}
