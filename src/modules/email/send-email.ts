import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../../platform/config.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/client.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import type { EmailKind } from './email-kinds.ts';
import { renderEmail, type RenderedEmail } from './email-templates.ts';
import { emails, type EmailRow } from './email.tables.ts';
import { EMAIL_MAX_ATTEMPTS } from './queue-email.ts';

/** The rendered message of a stored email: its params, its opened secret params, and the public address. */
export function renderStoredEmail(row: EmailRow, secrets: SecretBox, publicBaseUrl: string | undefined): RenderedEmail {
  const sealed = row.sealedParams ? (JSON.parse(secrets.open(row.sealedParams)) as Record<string, string>) : {};
  return renderEmail(row.kind as EmailKind, { baseUrl: publicBaseUrl, ...row.params, ...sealed });
}

export interface EmailSenderDeps {
  db: Db;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicBaseUrl'>;
  secrets: SecretBox;
  log: FastifyBaseLogger;
}

/**
 * The `email.send` job: deliver one queued email over SMTP, or, without SMTP_URL, write it to the
 * log and keep it for the dev outbox. A failed SMTP exchange throws, so the job retries with backoff;
 * the row only leaves `queued` once, so a retried job never sends an email that already went out.
 */
export function createEmailSender(deps: EmailSenderDeps): { send: JobHandler; close(): void } {
  let transport: Transporter | undefined;
  const smtp = () => (transport ??= createTransport(deps.config.smtpUrl));

  const send: JobHandler = async (job) => {
    const emailId = String(job.payload.emailId);
    const [row] = await deps.db.select().from(emails).where(eq(emails.id, emailId));
    if (!row || row.status !== 'queued') return;
    const message = renderStoredEmail(row, deps.secrets, deps.config.publicBaseUrl);
    if (!deps.config.smtpUrl) {
      deps.log.info({ emailId, to: row.to, kind: row.kind, subject: message.subject, text: message.text }, 'email (no SMTP_URL: kept in the dev outbox)');
      await deps.db
        .update(emails)
        .set({ status: 'logged', sentAt: sql`now()` })
        .where(and(eq(emails.id, emailId), eq(emails.status, 'queued')));
      return;
    }
    try {
      await smtp().sendMail({
        from: deps.config.mailFrom,
        to: row.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${emailId}@influencemart>`,
      });
    } catch (error) {
      const failed = job.attempt >= EMAIL_MAX_ATTEMPTS ? { status: 'failed' as const } : {};
      await deps.db
        .update(emails)
        .set({ ...failed, error: (error as Error).message.slice(0, 500) })
        .where(eq(emails.id, emailId));
      throw error;
    }
    // What was secret in it is of no further use once delivered; the row keeps what was sent to whom.
    await deps.db
      .update(emails)
      .set({ status: 'sent', sentAt: sql`now()`, error: null, sealedParams: null })
      .where(eq(emails.id, emailId));
  };

  return { send, close: () => transport?.close() };
}
