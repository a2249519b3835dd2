import { count, desc } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { toStorableText } from '../../platform/db/storable-text.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import { setAsideClicks, type ClickRow } from './clicks.tables.ts';

/** Keep a click the database refused; JSON text escapes what jsonb and text columns cannot hold. */
export async function setAsideClick(db: Db, click: ClickRow, reason: string): Promise<void> {
  await db
    .insert(setAsideClicks)
    .values({ clickId: click.id, merchantId: click.merchantId, linkId: click.linkId, clickedAt: click.clickedAt, reason: toStorableText(reason), click: JSON.stringify(click) })
    .onConflictDoNothing();
}

/** Set-aside clicks, newest first, for admins. */
export async function listSetAsideClicks(db: Db, query: PageQuery) {
  const { limit, offset } = pageWindow(query);
  const rows = await db.select().from(setAsideClicks).orderBy(desc(setAsideClicks.setAsideAt), desc(setAsideClicks.clickId)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(setAsideClicks);
  return toPage(
    query,
    rows.map((row) => ({ ...row, clickedAt: row.clickedAt.toISOString(), setAsideAt: row.setAsideAt.toISOString() })),
    total!.n,
  );
}
