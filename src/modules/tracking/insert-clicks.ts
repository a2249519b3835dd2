import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/sql-state.ts';
import type { ClickRow } from './clicks.tables.ts';

/**
 * Insert a batch of clicks in one statement whatever its size: the rows travel as one JSON parameter
 * and the statement unpacks it, so the statement text and parameter count stay fixed.
 *
 * The database parses all of this JSON (about a fifth of an insert's cost), so it is kept small: clicks are
 * grouped by link, the link's facts (affiliate, merchant, mode, campaign, product) are sent once per
 * group, each distinct user agent once per group, and each click as a positional array with its time
 * in epoch milliseconds. A batch from one popular link is about a third of the bytes of one object per click.
 *
 * A plain insert is the common case and the cheaper one: `on conflict do nothing` makes the database
 * probe the primary key before each row (about 15 % of the insert, docs/performance.md). Only a batch
 * that was already partly stored — retried after a write whose reply was lost — meets a duplicate; it
 * is written again skipping the rows already there.
 */
export async function insertClicks(executor: Executor, rows: readonly ClickRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = batchJson(rows);
  try {
    await executor.execute(insertStatement(json, sql``));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await executor.execute(insertStatement(json, sql`on conflict do nothing`));
  }
}

// g: [linkId, affiliateId, merchantId, livemode, campaignId, productId, [userAgent…], [click…]]
// c: [id, clickedAt ms, ipHash, userAgent index, referrer, trafficSource, subIds, attributable, unattributableReason, riskFlags]
// to_timestamp rounds to the microsecond, so whole milliseconds come back exactly.
const insertStatement = (json: string, onConflict: SQL) => sql`
    insert into clicks (id, link_id, affiliate_id, merchant_id, livemode, campaign_id, product_id, clicked_at, ip_hash, user_agent,
                        referrer, traffic_source, sub_ids, attributable, unattributable_reason, risk_flags)
    select c->>0, g->>0, g->>1, g->>2, (g->>3)::boolean, (g->>4)::uuid, (g->>5)::uuid, to_timestamp((c->>1)::bigint / 1000.0), c->>2,
           g->6->>((c->>3)::int), c->>4, c->>5, c->6, (c->>7)::boolean, c->>8, c->9
    from jsonb_array_elements(${json}::jsonb) as g, jsonb_array_elements(g->7) as c
    ${onConflict}`;

interface LinkGroup {
  head: unknown[];
  userAgents: Map<string | null, number>;
  clicks: unknown[][];
}

function batchJson(rows: readonly ClickRow[]): string {
  // Keyed by link id alone (the other facts never change for a link), and checked, so a click whose
  // facts differ still lands in a group of its own rather than under another click's facts.
  const groups = new Map<string, LinkGroup>();
  for (const row of rows) {
    let group = groups.get(row.linkId);
    if (group !== undefined && !sameLinkFacts(group.head, row)) {
      const key = JSON.stringify(linkFacts(row));
      group = groups.get(key) ?? newGroup(groups, key, row);
    }
    group ??= newGroup(groups, row.linkId, row);
    let userAgent = group.userAgents.get(row.userAgent);
    if (userAgent === undefined) {
      userAgent = group.userAgents.size;
      group.userAgents.set(row.userAgent, userAgent);
    }
    group.clicks.push([
      row.id,
      row.clickedAt.getTime(),
      row.ipHash,
      userAgent,
      row.referrer,
      row.trafficSource,
      row.subIds,
      row.attributable,
      row.unattributableReason,
      row.riskFlags,
    ]);
  }
  const payload: unknown[] = [];
  for (const group of groups.values()) payload.push([...group.head, [...group.userAgents.keys()], group.clicks]);
  return JSON.stringify(payload);
}

const linkFacts = (row: ClickRow): unknown[] => [row.linkId, row.affiliateId, row.merchantId, row.livemode, row.campaignId, row.productId];

function sameLinkFacts(head: readonly unknown[], row: ClickRow): boolean {
  return head[1] === row.affiliateId && head[2] === row.merchantId && head[3] === row.livemode && head[4] === row.campaignId && head[5] === row.productId;
}

function newGroup(groups: Map<string, LinkGroup>, key: string, row: ClickRow): LinkGroup {
  const group: LinkGroup = { head: linkFacts(row), userAgents: new Map(), clicks: [] };
  groups.set(key, group);
  return group;
}
