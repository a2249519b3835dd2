-- Coarse roll-ups (report_merchant_totals, report_affiliate_totals) kept from report_buckets: every
-- statement that changes buckets adds the difference it made, per quarter hour, hour and UTC day, in
-- the same transaction. The click, conversion, order and commission triggers therefore keep all three
-- tables without knowing about the coarse ones.
--
-- The statement that adds rows of report_buckets to the totals; `source` yields report_buckets rows
-- with a `sign` (1 to add them, -1 to take them away). Grouped and in key order, so two transactions
-- take the totals' row locks in the same order.
CREATE FUNCTION report_totals_upsert_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    WITH delta AS MATERIALIZED (
      SELECT d.merchant_id, d.livemode, g.grain, to_timestamp(floor(extract(epoch FROM d.bucket) / g.grain) * g.grain) AS bucket,
        d.campaign_id, d.affiliate_id, d.currency,
        sum(d.sign * d.clicks) AS clicks, sum(d.sign * d.attributable_clicks) AS attributable_clicks, sum(d.sign * d.conversions) AS conversions,
        sum(d.sign * d.revenue) AS revenue, sum(d.sign * d.commission_pending) AS commission_pending, sum(d.sign * d.commission_hold) AS commission_hold,
        sum(d.sign * d.commission_approved) AS commission_approved, sum(d.sign * d.commission_payable) AS commission_payable,
        sum(d.sign * d.commission_paid) AS commission_paid, sum(d.sign * d.commission_reversed) AS commission_reversed,
        sum(d.sign * d.commission_rejected) AS commission_rejected
      FROM (%s) AS d CROSS JOIN (VALUES (900), (3600), (86400)) AS g(grain)
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    ), merchant AS (
      INSERT INTO report_merchant_totals AS r (merchant_id, livemode, grain, bucket, campaign_id, currency, clicks, attributable_clicks, conversions,
        revenue, commission_pending, commission_hold, commission_approved, commission_payable, commission_paid, commission_reversed, commission_rejected)
      SELECT merchant_id, livemode, grain, bucket, campaign_id, currency, sum(clicks), sum(attributable_clicks), sum(conversions), sum(revenue),
        sum(commission_pending), sum(commission_hold), sum(commission_approved), sum(commission_payable), sum(commission_paid),
        sum(commission_reversed), sum(commission_rejected)
      FROM delta GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT report_merchant_totals_pkey DO UPDATE SET %s
    )
    INSERT INTO report_affiliate_totals AS r (merchant_id, livemode, grain, bucket, campaign_id, affiliate_id, currency, clicks, attributable_clicks,
      conversions, revenue, commission_pending, commission_hold, commission_approved, commission_payable, commission_paid, commission_reversed,
      commission_rejected)
    SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT report_affiliate_totals_pkey DO UPDATE SET %s
  $q$, source, sets, sets)
  FROM (SELECT string_agg(format('%1$I = r.%1$I + excluded.%1$I', c), ', ') AS sets
        FROM unnest(array['clicks', 'attributable_clicks', 'conversions', 'revenue', 'commission_pending', 'commission_hold', 'commission_approved',
          'commission_payable', 'commission_paid', 'commission_reversed', 'commission_rejected']) AS c) AS s
$fn$;
--> statement-breakpoint
-- A rebuild recomputes the totals itself (report_totals_rebuild) and sets influencemart.reports_rebuild.
CREATE FUNCTION report_buckets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('influencemart.reports_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT FROM changed_new) THEN EXECUTE report_totals_upsert_sql('SELECT 1 AS sign, * FROM changed_new'); END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT FROM changed_new) THEN
      EXECUTE report_totals_upsert_sql('SELECT 1 AS sign, * FROM changed_new UNION ALL SELECT -1, * FROM changed_old');
    END IF;
  ELSIF EXISTS (SELECT FROM changed_old) THEN
    EXECUTE report_totals_upsert_sql('SELECT -1 AS sign, * FROM changed_old');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_buckets_inserted AFTER INSERT ON report_buckets REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_buckets_changed();
--> statement-breakpoint
CREATE TRIGGER report_buckets_updated AFTER UPDATE ON report_buckets REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_buckets_changed();
--> statement-breakpoint
CREATE TRIGGER report_buckets_deleted AFTER DELETE ON report_buckets REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION report_buckets_changed();
--> statement-breakpoint
-- Recompute the totals of [lo, hi) (null: unbounded) from report_buckets; lo and hi are UTC midnights,
-- so every totals row is wholly inside the range or wholly outside it.
CREATE FUNCTION report_totals_rebuild(lo timestamptz, hi timestamptz) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_merchant_totals WHERE (lo IS NULL OR bucket >= lo) AND (hi IS NULL OR bucket < hi);
  DELETE FROM report_affiliate_totals WHERE (lo IS NULL OR bucket >= lo) AND (hi IS NULL OR bucket < hi);
  EXECUTE report_totals_upsert_sql('SELECT 1 AS sign, * FROM report_buckets WHERE ($1::timestamptz IS NULL OR bucket >= $1) AND ($2::timestamptz IS NULL OR bucket < $2)')
    USING lo, hi;
END $$;
--> statement-breakpoint
SELECT report_totals_rebuild(NULL, NULL);
