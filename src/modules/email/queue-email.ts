import type { Executor } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/enqueue.ts';
import { findEmailRecipient } from '../accounts/index.ts';
import { isOptionalEmailKind, reachesUnverified, type EmailKind } from './email-kinds.ts';
import { emails } from './email.tables.ts';

export const SEND_EMAIL_JOB = 'email.send';
export const EMAIL_MAX_ATTEMPTS = 8;

export interface EmailToUser {
  userId: string;
  kind: EmailKind;
  /** What the template shows; nothing secret (it is stored as is). */
  params: Record<string, string>;
  /** Secret template values (a link with a token), already sealed with the platform's secret box. */
  sealedParams?: string;
}

/**
 * Queue an email to a user in the caller's transaction: the email row and its `email.send` job
 * commit with the change that caused them, or neither exists. Notifications are recorded as
 * `skipped` (and not sent) when the user turned that kind off or has not verified the address yet.
 */
export async function queueEmail(tx: Executor, email: EmailToUser): Promise<string | null> {
  const user = await findEmailRecipient(tx, email.userId);
  if (!user) return null;
  const skipReason =
    isOptionalEmailKind(email.kind) && user.optOuts.includes(email.kind)
      ? 'turned off by the user'
      : !reachesUnverified(email.kind) && !user.verifiedAt
        ? 'email address not verified'
        : null;
  const id = newId('eml');
  await tx.insert(emails).values({
    id,
    userId: email.userId,
    to: user.email,
    kind: email.kind,
    params: email.params,
    sealedParams: email.sealedParams ?? null,
    status: skipReason ? 'skipped' : 'queued',
    error: skipReason,
  });
  if (!skipReason) await enqueueJob(tx, SEND_EMAIL_JOB, { emailId: id }, { maxAttempts: EMAIL_MAX_ATTEMPTS });
  return skipReason ? null : id;
}
