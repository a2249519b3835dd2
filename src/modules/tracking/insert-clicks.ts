import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { ClickRow } from './clicks.tables.ts';

/**
 * Insert a batch of clicks in one statement whatever its size: the rows travel as one JSON parameter
 * and `jsonb_to_recordset` turns them into a relation, so the statement text and parameter count stay
 * fixed. `on conflict do nothing` makes a retried batch harmless.
 */
export async function insertClicks(executor: Executor, rows: readonly ClickRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map(toRecord));
  await executor.execute(sql`
    insert into clicks (id, link_id, affiliate_id, merchant_id, livemode, campaign_id, product_id, clicked_at, ip_hash, user_agent,
                        referrer, traffic_source, sub_ids, attributable, unattributable_reason, risk_flags)
    select id, link_id, affiliate_id, merchant_id, livemode, campaign_id, product_id, clicked_at, ip_hash, user_agent,
           referrer, traffic_source, sub_ids, attributable, unattributable_reason, risk_flags
    from jsonb_to_recordset(${json}::jsonb) as r(
      id text, link_id text, affiliate_id text, merchant_id text, livemode boolean, campaign_id uuid, product_id uuid,
      clicked_at timestamptz, ip_hash text, user_agent text, referrer text, traffic_source text, sub_ids jsonb,
      attributable boolean, unattributable_reason text, risk_flags jsonb)
    on conflict do nothing`);
}

function toRecord(row: ClickRow) {
  return {
    id: row.id,
    link_id: row.linkId,
    affiliate_id: row.affiliateId,
    merchant_id: row.merchantId,
    livemode: row.livemode,
    campaign_id: row.campaignId,
    product_id: row.productId,
    clicked_at: row.clickedAt,
    ip_hash: row.ipHash,
    user_agent: row.userAgent,
    referrer: row.referrer,
    traffic_source: row.trafficSource,
    sub_ids: row.subIds,
    attributable: row.attributable,
    unattributable_reason: row.unattributableReason,
    risk_flags: row.riskFlags,
  };
}
