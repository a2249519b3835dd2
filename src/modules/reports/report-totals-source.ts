import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/client.ts';
import type { ReportRange } from './report-range.ts';
import { timePieces } from './report-time-pieces.ts';

/** The UTC instants (ms) of the local midnights that start each day of the range, and the one after its last day. */
async function localMidnights(executor: Executor, range: ReportRange, everyDay: boolean): Promise<number[]> {
  const offsets = everyDay ? range.days.map((_, i) => i).concat(range.days.length) : [0, range.days.length];
  const rows = await queryRows<{ ms: number | string }>(
    executor,
    sql`select (extract(epoch from ((${range.from}::date + i)::timestamp at time zone ${range.tz}::text)) * 1000)::float8 as ms
      from unnest(${sql.param(offsets)}::int[]) with ordinality as o(i, n) order by n`,
  );
  return rows.map((r) => Number(r.ms));
}

/**
 * The coarse roll-ups of a merchant's range as a `from` clause (`report_totals`, and `piece_day`: the
 * local day a row belongs to), read in whole UTC days, hours and quarter hours (see timePieces).
 * With `perAffiliate` it reads the per-affiliate totals, so `affiliate_id` is there to group by.
 */
export async function reportTotalsSource(
  executor: Executor,
  scope: { merchantId: string; livemode: boolean; campaignId?: string | undefined },
  range: ReportRange,
  options: { byDay: boolean; perAffiliate: boolean },
): Promise<SQL> {
  const midnights = await localMidnights(executor, range, options.byDay);
  const days: string[] = [];
  const grains: number[] = [];
  const froms: string[] = [];
  const tos: string[] = [];
  for (let i = 0; i + 1 < midnights.length; i++) {
    for (const piece of timePieces(midnights[i]!, midnights[i + 1]!)) {
      days.push(options.byDay ? range.days[i]! : '');
      grains.push(piece.grainSeconds);
      froms.push(new Date(piece.from).toISOString());
      tos.push(new Date(piece.to).toISOString());
    }
  }
  // `offset 0` keeps the lateral subquery a primary-key range scan per piece: pulled up into the join,
  // PostgreSQL hash-joined the pieces against a scan of every row of the merchant.
  const table = sql.raw(options.perAffiliate ? 'report_affiliate_totals' : 'report_merchant_totals');
  return sql`unnest(${sql.param(days)}::text[], ${sql.param(grains)}::int[], ${sql.param(froms)}::timestamptz[], ${sql.param(tos)}::timestamptz[])
      as piece(piece_day, piece_grain, piece_from, piece_to)
    cross join lateral (select * from ${table} as t
      where t.merchant_id = ${scope.merchantId} and t.livemode = ${scope.livemode} and t.grain = piece.piece_grain
        and t.bucket >= piece.piece_from and t.bucket < piece.piece_to
        ${scope.campaignId === undefined ? sql`` : sql`and t.campaign_id = ${scope.campaignId}`}
      offset 0) as report_totals`;
}
