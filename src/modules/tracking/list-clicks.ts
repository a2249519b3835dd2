import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { pageWindow, toPage, type Page, type PageQuery } from '../../platform/http/pagination.ts';
import { clicks, type ClickRow } from './clicks.tables.ts';
import { findClick, type ClickSource } from './find-click.ts';

export interface ClickView {
  clickId: string;
  livemode: boolean;
  linkId: string;
  affiliateId: string;
  campaignId: string;
  productId: string | null;
  clickedAt: string;
  attributable: boolean;
  unattributableReason: string | null;
  trafficSource: string | null;
  referrer: string | null;
  userAgent: string | null;
  subIds: ClickRow['subIds'];
  riskFlags: string[];
}

export const toClickView = (row: ClickRow): ClickView => ({
  clickId: row.id,
  livemode: row.livemode,
  linkId: row.linkId,
  affiliateId: row.affiliateId,
  campaignId: row.campaignId,
  productId: row.productId,
  clickedAt: row.clickedAt.toISOString(),
  attributable: row.attributable,
  unattributableReason: row.unattributableReason,
  trafficSource: row.trafficSource,
  referrer: row.referrer,
  userAgent: row.userAgent,
  subIds: row.subIds,
  riskFlags: row.riskFlags,
});

export interface Tenant {
  merchantId: string;
  livemode: boolean;
}

/** Verify a click id for a merchant: its own click in the same mode, or not found (even if buffered). */
export async function getClickOrThrow(source: ClickSource, tenant: Tenant, clickId: string): Promise<ClickView> {
  const click = await findClick(source, clickId);
  if (!click || click.merchantId !== tenant.merchantId || click.livemode !== tenant.livemode) throw notFound('Click');
  return toClickView(click);
}

export interface ClickListQuery extends PageQuery {
  linkId?: string | undefined;
  campaignId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The merchant's recorded clicks, newest first. Clicks still in the buffer appear within milliseconds. */
export async function listClicks(db: Db, tenant: Tenant, query: ClickListQuery): Promise<Page<ClickView>> {
  const conditions: Array<SQL | undefined> = [
    eq(clicks.merchantId, tenant.merchantId),
    eq(clicks.livemode, tenant.livemode),
    query.linkId ? eq(clicks.linkId, query.linkId) : undefined,
    query.campaignId ? eq(clicks.campaignId, query.campaignId) : undefined,
    query.from ? gte(clicks.clickedAt, new Date(query.from)) : undefined,
    query.to ? lt(clicks.clickedAt, new Date(query.to)) : undefined,
  ];
  const where = and(...conditions);
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db.select().from(clicks).where(where).orderBy(desc(clicks.clickedAt), desc(clicks.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(clicks).where(where),
  ]);
  return toPage(query, rows.map(toClickView), total?.n ?? 0);
}
