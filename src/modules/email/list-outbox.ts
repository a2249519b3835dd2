import { count, desc } from 'drizzle-orm';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { emails } from './email.tables.ts';
import { renderStoredEmail } from './send-email.ts';

/** The admins' outbox: the latest emails, newest first, rendered as they were (or will be) sent. */
export async function listOutbox(db: Db, secrets: SecretBox, publicBaseUrl: string | undefined, query: PageQuery) {
  const { limit, offset } = pageWindow(query);
  const rows = await db.select().from(emails).orderBy(desc(emails.createdAt), desc(emails.id)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(emails);
  const data = rows.map((row) => {
    const message = renderStoredEmail(row, secrets, publicBaseUrl);
    return {
      id: row.id,
      to: row.to,
      kind: row.kind,
      status: row.status,
      error: row.error,
      subject: message.subject,
      text: message.text,
      html: message.html,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    };
  });
  return toPage(query, data, total?.n ?? 0);
}
