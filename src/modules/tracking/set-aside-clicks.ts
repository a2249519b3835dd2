import { count, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Db } from '../../platform/db/client.ts';
import { isRefusedData } from '../../platform/db/sql-state.ts';
import { toStorableText } from '../../platform/db/storable-text.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { pageWindow, toPage, type PageQuery } from '../../platform/http/pagination.ts';
import type { SetAsideClickFixes } from './clicks.schemas.ts';
import { setAsideClicks, type ClickRow, type SubIds } from './clicks.tables.ts';
import { insertClicks } from './insert-clicks.ts';

/** Keep a click the database refused; JSON text escapes what jsonb and text columns cannot hold. */
export async function setAsideClick(db: Db, click: ClickRow, reason: string): Promise<void> {
  await db
    .insert(setAsideClicks)
    .values({
      clickId: click.id,
      merchantId: click.merchantId,
      linkId: click.linkId,
      clickedAt: click.clickedAt,
      reason: toStorableText(reason),
      click: JSON.stringify(click),
    })
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

/**
 * Store a set-aside click after all, with the admin's corrections to what the visitor sent; every
 * text field is made storable too. The click is written first (a click already stored is skipped),
 * then the set-aside row is removed and the replay audited, so a replay interrupted between the two
 * can simply be repeated. A click the database still refuses stays set aside with the new reason.
 */
export async function replaySetAsideClick(db: Db, clickId: string, fixes: SetAsideClickFixes, actorUserId: string) {
  const [row] = await db.select().from(setAsideClicks).where(eq(setAsideClicks.clickId, clickId));
  if (!row) throw notFound('Set-aside click');
  const recorded = JSON.parse(row.click) as ClickRow & { clickedAt: string };
  const userAgent = fixes.userAgent === undefined ? recorded.userAgent : fixes.userAgent;
  const referrer = fixes.referrer === undefined ? recorded.referrer : fixes.referrer;
  const subIds: SubIds = {};
  for (const [key, value] of Object.entries(fixes.subIds ?? recorded.subIds ?? {})) {
    const clean = value && toStorableText(value);
    if (clean) subIds[key as keyof SubIds] = clean;
  }
  const click: ClickRow = {
    ...recorded,
    clickedAt: new Date(recorded.clickedAt),
    userAgent: userAgent === null ? null : toStorableText(userAgent),
    referrer: referrer === null ? null : toStorableText(referrer),
    subIds,
  };
  try {
    await insertClicks(db, [click]);
  } catch (error) {
    if (!isRefusedData(error)) throw error;
    const reason = toStorableText(error instanceof Error ? error.message : String(error));
    await db.update(setAsideClicks).set({ reason }).where(eq(setAsideClicks.clickId, clickId));
    throw new AppError('CLICK_REFUSED', `The database still refuses this click: ${reason}`);
  }
  await inTransaction(db, async (tx) => {
    await tx.delete(setAsideClicks).where(eq(setAsideClicks.clickId, clickId));
    await recordAudit(tx, {
      actorUserId,
      action: 'click.replayed',
      subjectType: 'click',
      subjectId: clickId,
      details: { reason: row.reason, corrected: Object.keys(fixes) },
    });
  });
  return { clickId, merchantId: click.merchantId, linkId: click.linkId, clickedAt: click.clickedAt.toISOString(), stored: true as const };
}
