/**
 * The baseline the order benches compare against: the rows one attributed order with its
 * commission writes (order, items, order event, conversion, risk assessment, commission,
 * commission lines, commission event, ledger entry, two domain events), written with raw SQL in one
 * transaction for all the orders given, every value computed up front: no HTTP, no signature, no
 * idempotency record, no lookups. One order per call is what a single API request does; many per
 * call is what a bulk import can do.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/platform/db/client.ts';
import { newId } from '../src/platform/ids.ts';

export interface RawOrder {
  orderId: string;
  clickId: string;
  /** The order's amount in minor units. */
  total: number;
  lines: Array<{ sku: string; qty: number; priceMinor: number }>;
}

export interface RawContext {
  merchantId: string;
  affiliateId: string;
  campaignId: string;
  /** The campaign rate in hundredths of a percent. */
  rate: number;
}

export async function writeOrdersRaw(db: Db, ctx: RawContext, batch: RawOrder[]): Promise<void> {
  const rows = batch.map((order) => {
    const amounts = order.lines.map((l) => BigInt(Math.floor((l.qty * l.priceMinor * ctx.rate) / 10_000)));
    return { ...order, ref: newId('ord'), conversion: newId('cv'), commission: newId('com'), amounts, commissionTotal: amounts.reduce((a, b) => a + b, 0n) };
  });
  const values = <T>(list: T[], row: (item: T) => ReturnType<typeof sql>) => sql.join(list.map(row), sql`, `);
  const lines = rows.flatMap((o) => o.lines.map((l, lineNo) => ({ o, l, lineNo })));
  const { merchantId, affiliateId, campaignId, rate } = ctx;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into orders (id, merchant_id, livemode, order_id, status, fulfilment_status, amount, currency, occurred_at) values ${values(
        rows,
        (o) => sql`(${o.ref}, ${merchantId}, true, ${o.orderId}, 'confirmed', 'confirmed', ${o.total}, 'NPR', now())`,
      )} on conflict do nothing`,
    );
    await tx.execute(
      sql`insert into order_items (order_id, line_no, sku, qty, unit_price) values ${values(lines, ({ o, l, lineNo }) => sql`(${o.ref}, ${lineNo}, ${l.sku}, ${l.qty}, ${l.priceMinor})`)}`,
    );
    await tx.execute(
      sql`insert into order_events (order_id, to_status, occurred_at, actor) values ${values(rows, (o) => sql`(${o.ref}, 'confirmed', now(), 'bench')`)}`,
    );
    await tx.execute(
      sql`insert into conversions (id, merchant_id, livemode, order_ref, click_id, attributed, affiliate_id, link_id, campaign_id, clicked_at, occurred_at) values ${values(
        rows,
        (o) => sql`(${o.conversion}, ${merchantId}, true, ${o.ref}, ${o.clickId}, true, ${affiliateId}, 'lnk_bench', ${campaignId}, now(), now())`,
      )}`,
    );
    await tx.execute(
      sql`insert into risk_assessments (conversion_id, merchant_id, livemode, score, reasons, signals, threshold) values ${values(
        rows,
        (o) => sql`(${o.conversion}, ${merchantId}, true, 0, '[]', '{}', 50)`,
      )}`,
    );
    await tx.execute(
      sql`insert into commissions (id, merchant_id, livemode, conversion_id, order_ref, affiliate_id, campaign_id, currency, original_amount, amount, status, rate_type, rate_value, rate_source) values ${values(
        rows,
        (o) =>
          sql`(${o.commission}, ${merchantId}, true, ${o.conversion}, ${o.ref}, ${affiliateId}, ${campaignId}, 'NPR', ${o.commissionTotal}, ${o.commissionTotal}, 'pending', 'PERCENTAGE', ${rate}, 'campaign')`,
      )}`,
    );
    await tx.execute(
      sql`insert into commission_lines (commission_id, line_no, sku, qty, base_amount, rate_type, rate_value, rate_source, amount) values ${values(
        lines,
        ({ o, l, lineNo }) =>
          sql`(${o.commission}, ${lineNo}, ${l.sku}, ${l.qty}, ${l.qty * l.priceMinor}, 'PERCENTAGE', ${rate}, 'campaign', ${o.amounts[lineNo]!})`,
      )}`,
    );
    const events = await queryRows<{ id: number; commission_id: string }>(
      tx,
      sql`insert into commission_events (commission_id, kind, to_status, amount_after, actor, reason) values ${values(
        rows,
        (o) => sql`(${o.commission}, 'status', 'pending', ${o.commissionTotal}, 'bench', 'order_reported')`,
      )} returning id, commission_id`,
    );
    const eventOf = new Map(events.map((e) => [e.commission_id, e.id]));
    const earning = rows.filter((o) => o.commissionTotal > 0n);
    if (earning.length > 0) {
      await tx.execute(
        sql`insert into ledger_entries (id, affiliate_id, merchant_id, livemode, currency, account, amount, kind, commission_id, commission_event_id) values ${values(
          earning,
          (o) =>
            sql`(${newId('led')}, ${affiliateId}, ${merchantId}, true, 'NPR', 'pending', ${o.commissionTotal}, 'commission_earned', ${o.commission}, ${eventOf.get(o.commission)!})`,
        )}`,
      );
    }
    for (const type of ['commission.status_changed', 'conversion.attributed']) {
      await tx.execute(
        sql`insert into domain_events (id, type, merchant_id, livemode, data) values ${values(
          rows,
          (o) => sql`(${newId('evt')}, ${type}, ${merchantId}, true, ${JSON.stringify({ orderId: o.orderId, conversionId: o.conversion })}::jsonb)`,
        )}`,
      );
    }
  });
}
