import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { pageWindow, toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { toLinkView, type LinkView } from './link-view.ts';
import { linkClickTotals } from '../reports/index.ts';
import { selectLinks } from './links.repository.ts';
import { links } from './links.tables.ts';

export interface LinkListQuery extends PageQuery {
  status?: 'ACTIVE' | 'ARCHIVED' | undefined;
  campaignId?: string | undefined;
}

/** The affiliate's links, newest first, each with its click counts. */
export async function listLinks(db: Db, affiliateId: string, query: LinkListQuery, baseUrl: string): Promise<Page<LinkView>> {
  const where = and(
    eq(links.affiliateId, affiliateId),
    query.status ? eq(links.status, query.status) : undefined,
    query.campaignId ? eq(links.campaignId, query.campaignId) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    selectLinks(db).where(where).orderBy(desc(links.createdAt), desc(links.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(links).where(where),
  ]);
  const counts = await linkClickTotals(
    db,
    affiliateId,
    rows.map((row) => row.link.id),
  );
  return toPage(
    query,
    rows.map((row) => toLinkView(row, baseUrl, counts.get(row.link.id))),
    total?.n ?? 0,
  );
}
