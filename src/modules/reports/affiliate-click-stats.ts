import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { clickStats, clickStatsRange, type ClickStatsFilter, type StatsGroup } from '../tracking/index.ts';

const QUARTER_HOUR_MS = 900_000;

/** Groups the roll-ups can answer; traffic source and sub2–sub5 are not rolled up and come from raw clicks. */
const ROLLED_UP: Partial<Record<StatsGroup, string>> = {
  day: `to_char(bucket at time zone 'UTC', 'YYYY-MM-DD')`,
  link: 'link_id',
  campaign: 'campaign_id',
  sub1: `nullif(sub_id, '')`,
};

interface Group {
  key: string | null;
  clicks: number;
  attributableClicks: number;
}

/**
 * `GET /api/affiliate/stats/clicks`: the whole quarter hours of the range from the roll-ups, and only
 * the partial quarter hours at its two ends (at most 30 minutes) from raw clicks, so the counts are
 * exact for any `from` and `to` without scanning the range's clicks.
 */
export async function affiliateClickStats(db: Db, affiliateId: string, query: ClickStatsFilter, now = new Date()) {
  const groupBy = query.groupBy ?? 'day';
  const column = ROLLED_UP[groupBy];
  const { from, to } = clickStatsRange(query, now);
  const inner = {
    from: new Date(Math.ceil(from.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS),
    to: new Date(Math.floor(to.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS),
  };
  if (column === undefined || inner.from >= inner.to) return clickStats(db, affiliateId, query, now);

  const raw = async (start: Date, end: Date) =>
    start < end ? (await clickStats(db, affiliateId, { ...query, from: start.toISOString(), to: end.toISOString() })).groups : [];
  const [head, middle, tail] = await Promise.all([
    raw(from, inner.from),
    queryRows<{ key: string | null; clicks: string; attributable: string }>(
      db,
      sql`select ${sql.raw(column)} as key, sum(clicks)::text as clicks, sum(attributable_clicks)::text as attributable
        from report_buckets
        where affiliate_id = ${affiliateId} and livemode = true and bucket >= ${inner.from} and bucket < ${inner.to}
          ${query.linkId ? sql`and link_id = ${query.linkId}` : sql``}
          ${query.campaignId ? sql`and campaign_id = ${query.campaignId}` : sql``}
        group by 1`,
    ),
    raw(inner.to, to),
  ]);
  const merged = new Map<string | null, Group>();
  const add = (g: Group) => {
    const seen = merged.get(g.key) ?? { key: g.key, clicks: 0, attributableClicks: 0 };
    merged.set(g.key, { key: g.key, clicks: seen.clicks + g.clicks, attributableClicks: seen.attributableClicks + g.attributableClicks });
  };
  head.forEach(add);
  middle.forEach((r) => add({ key: r.key, clicks: Number(r.clicks), attributableClicks: Number(r.attributable) }));
  tail.forEach(add);
  // A group the roll-ups keep at zero (its clicks were rebuilt away) is not a group.
  const groups = [...merged.values()]
    .filter((g) => g.clicks > 0)
    .sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    groupBy,
    clicks: groups.reduce((sum, g) => sum + g.clicks, 0),
    attributableClicks: groups.reduce((sum, g) => sum + g.attributableClicks, 0),
    groups,
  };
}
