import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { ClickRow } from './clicks.tables.ts';

/**
 * Insert a batch of clicks in one statement whatever its size: the rows travel as one JSON parameter
 * (an array of positional arrays, about half the bytes of keyed objects) and the statement unpacks
 * it, so the statement text and parameter count stay fixed.
 *
 * A plain insert is the common case and the cheaper one: `on conflict do nothing` makes the database
 * probe the primary key before each row (15 % of the insert's cost, docs/performance.md). Only a batch
 * that was already partly stored — retried after a write whose reply was lost — meets a duplicate; it
 * is written again skipping the rows already there.
 */
export async function insertClicks(executor: Executor, rows: readonly ClickRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map(toTuple));
  try {
    await executor.execute(insertStatement(json, sql``));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await executor.execute(insertStatement(json, sql`on conflict do nothing`));
  }
}

const insertStatement = (json: string, onConflict: SQL) => sql`
    insert into clicks (id, link_id, affiliate_id, merchant_id, livemode, campaign_id, product_id, clicked_at, ip_hash, user_agent,
                        referrer, traffic_source, sub_ids, attributable, unattributable_reason, risk_flags)
    select r->>0, r->>1, r->>2, r->>3, (r->>4)::boolean, (r->>5)::uuid, (r->>6)::uuid, (r->>7)::timestamptz, r->>8, r->>9,
           r->>10, r->>11, r->12, (r->>13)::boolean, r->>14, r->15
    from jsonb_array_elements(${json}::jsonb) as r
    ${onConflict}`;

/** PostgreSQL's unique_violation, wherever the driver put it (drizzle wraps the driver's error). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}

/** The positions match the select list above. */
function toTuple(row: ClickRow) {
  return [
    row.id,
    row.linkId,
    row.affiliateId,
    row.merchantId,
    row.livemode,
    row.campaignId,
    row.productId,
    row.clickedAt,
    row.ipHash,
    row.userAgent,
    row.referrer,
    row.trafficSource,
    row.subIds,
    row.attributable,
    row.unattributableReason,
    row.riskFlags,
  ];
}
