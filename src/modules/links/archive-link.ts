import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { toLinkView, type LinkView } from './link-view.ts';
import { linkClickTotals } from '../reports/index.ts';
import { findAffiliateLink } from './links.repository.ts';
import { links } from './links.tables.ts';

/**
 * Archive a link: it keeps redirecting buyers (never a dead end) but its clicks no longer earn.
 * `onArchived` lets the redirect drop its cached copy at once.
 */
export async function archiveLink(db: Db, affiliateId: string, linkId: string, baseUrl: string, onArchived: (code: string) => void): Promise<LinkView> {
  const [archived] = await db
    .update(links)
    .set({ status: 'ARCHIVED', archivedAt: sql`coalesce(${links.archivedAt}, now())` })
    .where(and(eq(links.id, linkId), eq(links.affiliateId, affiliateId)))
    .returning({ code: links.code });
  if (!archived) throw notFound('Link');
  onArchived(archived.code);
  const row = await findAffiliateLink(affiliateId, linkId, db);
  const counts = await linkClickTotals(db, affiliateId, [linkId]);
  return toLinkView(row!, baseUrl, counts.get(linkId));
}
