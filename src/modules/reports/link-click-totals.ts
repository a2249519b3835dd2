import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/client.ts';

/** All-time clicks of some of an affiliate's links, from the roll-ups (for link lists). */
export async function linkClickTotals(
  executor: Executor,
  affiliateId: string,
  linkIds: readonly string[],
): Promise<Map<string, { clicks: number; attributableClicks: number }>> {
  if (linkIds.length === 0) return new Map();
  const rows = await queryRows<{ link_id: string; clicks: string; attributable: string }>(
    executor,
    sql`select link_id, sum(clicks)::text as clicks, sum(attributable_clicks)::text as attributable
      from report_buckets
      where affiliate_id = ${affiliateId} and livemode in (true, false) and link_id in (${sql.join(
        linkIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      group by link_id`,
  );
  return new Map(rows.map((r) => [r.link_id, { clicks: Number(r.clicks), attributableClicks: Number(r.attributable) }]));
}
