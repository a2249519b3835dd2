import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { ClickBuffer } from './click-buffer.ts';
import { CLICK_ID_PATTERN } from './click-id.ts';
import { clicks, type ClickRow } from './clicks.tables.ts';

export interface ClickSource {
  /** This process's redirect write buffer; absent where there is none to look in (e.g. inside an import's transaction). */
  buffer?: Pick<ClickBuffer, 'get'>;
  db: Executor;
}

/**
 * The one click lookup (the redirect's click APIs and conversions' attribution use it): a recorded click by id, wherever it is: still in this process's buffer, or in the database. A
 * click stays in the buffer until its batch has committed, so there is no moment when it is in
 * neither. Another process's buffered click shows up once its batch commits (within the flush
 * interval); `graceMs` looks once more after that long, for callers that can afford to wait.
 */
export async function findClick(source: ClickSource, clickId: string, options: { graceMs?: number } = {}): Promise<ClickRow | null> {
  if (!CLICK_ID_PATTERN.test(clickId)) return null;
  const found = source.buffer?.get(clickId) ?? (await readClick(source.db, clickId));
  if (found || !options.graceMs) return found;
  await new Promise((resolve) => setTimeout(resolve, options.graceMs));
  return source.buffer?.get(clickId) ?? (await readClick(source.db, clickId));
}

async function readClick(executor: Executor, clickId: string): Promise<ClickRow | null> {
  const [row] = await executor.select().from(clicks).where(eq(clicks.id, clickId)).limit(1);
  return row ?? null;
}
