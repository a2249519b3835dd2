-- Report roll-ups (report_buckets) kept in step with clicks, conversions, orders and commissions by
-- triggers, inside the transaction of each change: no writer can forget them and no report ever
-- scans raw clicks. `influencemart reports rebuild` recomputes the same numbers from the raw rows.
CREATE FUNCTION report_bucket_of(ts timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT to_timestamp(floor(extract(epoch FROM ts) / 900) * 900)
$$;
--> statement-breakpoint
-- Revenue of an attributed order: its amount net of refunds; a cancelled or returned order earns none.
CREATE FUNCTION report_order_revenue(amount bigint, refunded bigint, status text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN status IN ('cancelled', 'returned') THEN 0 ELSE amount - refunded END
$$;
--> statement-breakpoint
-- Adds one contribution (negative amounts take one away) to a bucket.
CREATE FUNCTION report_bucket_add(
  m text, lm boolean, b timestamptz, cmp text, prd text, aff text, lnk text, sub text, cur text,
  n_conversions bigint, n_revenue bigint, com_status text, com_amount bigint
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_buckets AS r (merchant_id, livemode, bucket, campaign_id, product_id, affiliate_id, link_id, sub_id, currency,
    conversions, revenue, commission_pending, commission_hold, commission_approved, commission_payable, commission_paid,
    commission_reversed, commission_rejected)
  VALUES (m, lm, b, cmp, coalesce(prd, ''), aff, coalesce(lnk, ''), coalesce(sub, ''), cur, n_conversions, n_revenue,
    CASE WHEN com_status = 'pending' THEN com_amount ELSE 0 END, CASE WHEN com_status = 'hold' THEN com_amount ELSE 0 END,
    CASE WHEN com_status = 'approved' THEN com_amount ELSE 0 END, CASE WHEN com_status = 'payable' THEN com_amount ELSE 0 END,
    CASE WHEN com_status = 'paid' THEN com_amount ELSE 0 END, CASE WHEN com_status = 'reversed' THEN com_amount ELSE 0 END,
    CASE WHEN com_status = 'rejected' THEN com_amount ELSE 0 END)
  ON CONFLICT ON CONSTRAINT report_buckets_pkey DO UPDATE SET
    conversions = r.conversions + excluded.conversions, revenue = r.revenue + excluded.revenue,
    commission_pending = r.commission_pending + excluded.commission_pending, commission_hold = r.commission_hold + excluded.commission_hold,
    commission_approved = r.commission_approved + excluded.commission_approved, commission_payable = r.commission_payable + excluded.commission_payable,
    commission_paid = r.commission_paid + excluded.commission_paid, commission_reversed = r.commission_reversed + excluded.commission_reversed,
    commission_rejected = r.commission_rejected + excluded.commission_rejected;
END $$;
--> statement-breakpoint
-- One statement per flushed batch: the batch is grouped before it touches the roll-ups, in key order
-- so two processes flushing at once take the bucket rows' locks in the same order.
CREATE FUNCTION report_clicks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_buckets AS r (merchant_id, livemode, bucket, campaign_id, product_id, affiliate_id, link_id, sub_id, currency, clicks, attributable_clicks)
  SELECT merchant_id, livemode, report_bucket_of(clicked_at), campaign_id::text, coalesce(product_id::text, ''), affiliate_id, link_id,
         coalesce(sub_ids->>'sub1', ''), '', count(*), count(*) FILTER (WHERE attributable)
  FROM new_clicks
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 6, 7, 5, 8
  ON CONFLICT ON CONSTRAINT report_buckets_pkey DO UPDATE SET
    clicks = r.clicks + excluded.clicks, attributable_clicks = r.attributable_clicks + excluded.attributable_clicks;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER clicks_report_buckets AFTER INSERT ON clicks REFERENCING NEW TABLE AS new_clicks FOR EACH STATEMENT EXECUTE FUNCTION report_clicks_inserted();
--> statement-breakpoint
-- An attributed conversion counts once, with its order's amount net of refunds as revenue.
CREATE FUNCTION report_conversion_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.attributed THEN
    SELECT report_order_revenue(amount, refunded_amount, status) AS net, currency INTO o FROM orders WHERE id = OLD.order_ref;
    PERFORM report_bucket_add(OLD.merchant_id, OLD.livemode, report_bucket_of(OLD.occurred_at), OLD.campaign_id::text, OLD.product_id::text,
      OLD.affiliate_id, OLD.link_id, OLD.sub_id, o.currency, -1, -o.net, NULL, 0);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.attributed THEN
    SELECT report_order_revenue(amount, refunded_amount, status) AS net, currency INTO o FROM orders WHERE id = NEW.order_ref;
    PERFORM report_bucket_add(NEW.merchant_id, NEW.livemode, report_bucket_of(NEW.occurred_at), NEW.campaign_id::text, NEW.product_id::text,
      NEW.affiliate_id, NEW.link_id, NEW.sub_id, o.currency, 1, o.net, NULL, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER conversions_report_buckets AFTER INSERT OR UPDATE OR DELETE ON conversions FOR EACH ROW EXECUTE FUNCTION report_conversion_changed();
--> statement-breakpoint
-- A refund, cancellation or return moves the revenue of the conversion's bucket.
CREATE FUNCTION report_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c record;
BEGIN
  IF (report_order_revenue(NEW.amount, NEW.refunded_amount, NEW.status), NEW.currency)
     IS NOT DISTINCT FROM (report_order_revenue(OLD.amount, OLD.refunded_amount, OLD.status), OLD.currency) THEN
    RETURN NULL;
  END IF;
  SELECT * INTO c FROM conversions WHERE order_ref = NEW.id AND attributed;
  IF NOT FOUND THEN RETURN NULL; END IF;
  PERFORM report_bucket_add(c.merchant_id, c.livemode, report_bucket_of(c.occurred_at), c.campaign_id::text, c.product_id::text,
    c.affiliate_id, c.link_id, c.sub_id, OLD.currency, 0, -report_order_revenue(OLD.amount, OLD.refunded_amount, OLD.status), NULL, 0);
  PERFORM report_bucket_add(c.merchant_id, c.livemode, report_bucket_of(c.occurred_at), c.campaign_id::text, c.product_id::text,
    c.affiliate_id, c.link_id, c.sub_id, NEW.currency, 0, report_order_revenue(NEW.amount, NEW.refunded_amount, NEW.status), NULL, 0);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orders_report_buckets AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION report_order_changed();
--> statement-breakpoint
-- Commission by state: the amount moves from the old state's column to the new one's.
CREATE FUNCTION report_commission_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c record;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.status, NEW.amount, NEW.currency, NEW.conversion_id) IS NOT DISTINCT FROM (OLD.status, OLD.amount, OLD.currency, OLD.conversion_id) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT * INTO c FROM conversions WHERE id = OLD.conversion_id;
    PERFORM report_bucket_add(c.merchant_id, c.livemode, report_bucket_of(c.occurred_at), OLD.campaign_id::text, c.product_id::text,
      OLD.affiliate_id, c.link_id, c.sub_id, OLD.currency, 0, 0, OLD.status, -OLD.amount);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO c FROM conversions WHERE id = NEW.conversion_id;
    PERFORM report_bucket_add(c.merchant_id, c.livemode, report_bucket_of(c.occurred_at), NEW.campaign_id::text, c.product_id::text,
      NEW.affiliate_id, c.link_id, c.sub_id, NEW.currency, 0, 0, NEW.status, NEW.amount);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER commissions_report_buckets AFTER INSERT OR UPDATE OR DELETE ON commissions FOR EACH ROW EXECUTE FUNCTION report_commission_changed();
