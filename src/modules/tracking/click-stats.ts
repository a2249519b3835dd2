import { and, count, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { affiliateLinkIds } from '../links/index.ts';
import { clicks } from './clicks.tables.ts';

export type StatsGroup = 'day' | 'link' | 'campaign' | 'trafficSource' | 'sub1' | 'sub2' | 'sub3' | 'sub4' | 'sub5';

export interface ClickStatsFilter {
  from?: string | undefined;
  to?: string | undefined;
  linkId?: string | undefined;
  campaignId?: string | undefined;
  groupBy?: StatsGroup | undefined;
}

const GROUP_KEYS: Record<StatsGroup, SQL<string | null>> = {
  day: sql<string>`to_char(${clicks.clickedAt} at time zone 'UTC', 'YYYY-MM-DD')`,
  link: sql<string>`${clicks.linkId}`,
  campaign: sql<string>`${clicks.campaignId}::text`,
  trafficSource: sql<string | null>`${clicks.trafficSource}`,
  sub1: sql<string | null>`${clicks.subIds} ->> 'sub1'`,
  sub2: sql<string | null>`${clicks.subIds} ->> 'sub2'`,
  sub3: sql<string | null>`${clicks.subIds} ->> 'sub3'`,
  sub4: sql<string | null>`${clicks.subIds} ->> 'sub4'`,
  sub5: sql<string | null>`${clicks.subIds} ->> 'sub5'`,
};

const MAX_DAYS = 366;

/** The range a click-statistics query covers: `to` defaults to now, `from` to 30 days before it. */
export function clickStatsRange(query: Pick<ClickStatsFilter, 'from' | 'to'>, now = new Date()): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86_400_000);
  if (from >= to)
    throw new AppError('VALIDATION_FAILED', 'from must be before to', [{ field: 'query.from', code: 'INVALID_RANGE', message: 'must be before to' }]);
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', `The range may span at most ${MAX_DAYS} days`, [
      { field: 'query.from', code: 'RANGE_TOO_LONG', message: `at most ${MAX_DAYS} days before to` },
    ]);
  }
  return { from, to };
}

/** An affiliate's clicks counted per day, link, campaign, traffic source or sub-id (live mode only), read from raw clicks. */
export async function clickStats(db: Db, affiliateId: string, query: ClickStatsFilter, now = new Date()) {
  const { from, to } = clickStatsRange(query, now);
  const groupBy = query.groupBy ?? 'day';
  const key = GROUP_KEYS[groupBy];
  const attributable = sql<number>`count(*) filter (where ${clicks.attributable})`.mapWith(Number);
  const rows = await db
    .select({ key, clicks: count(), attributableClicks: attributable })
    .from(clicks)
    .where(
      and(
        // The affiliate's clicks are the clicks on their links; this is what clicks_link_idx can serve.
        inArray(clicks.linkId, affiliateLinkIds(affiliateId)),
        eq(clicks.livemode, true),
        gte(clicks.clickedAt, from),
        lt(clicks.clickedAt, to),
        query.linkId ? eq(clicks.linkId, query.linkId) : undefined,
        query.campaignId ? eq(clicks.campaignId, query.campaignId) : undefined,
      ),
    )
    .groupBy(key)
    .orderBy(key);
  const groups = rows.map((row) => ({ key: row.key, clicks: Number(row.clicks), attributableClicks: Number(row.attributableClicks) }));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    groupBy,
    clicks: groups.reduce((sum, g) => sum + g.clicks, 0),
    attributableClicks: groups.reduce((sum, g) => sum + g.attributableClicks, 0),
    groups,
  };
}
