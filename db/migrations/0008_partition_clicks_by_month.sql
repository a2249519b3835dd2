-- Clicks grow fastest, so the table is partitioned by month of clicked_at: old months can be
-- summarised and detached or dropped without touching the rest. Partitions for the coming months are
-- created ahead of time by the app (ensureClickPartitions); the default partition only catches a click
-- whose month has no partition yet, and is split off when that month's partition is created.
ALTER TABLE "clicks" RENAME TO "clicks_unpartitioned";--> statement-breakpoint
ALTER TABLE "clicks_unpartitioned" RENAME CONSTRAINT "clicks_id_clicked_at_pk" TO "clicks_unpartitioned_pk";--> statement-breakpoint
DROP INDEX "clicks_merchant_idx";--> statement-breakpoint
DROP INDEX "clicks_link_idx";--> statement-breakpoint
DROP INDEX "clicks_affiliate_idx";--> statement-breakpoint
CREATE TABLE "clicks" (
	"id" text NOT NULL,
	"link_id" text NOT NULL,
	"affiliate_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"campaign_id" uuid NOT NULL,
	"product_id" uuid,
	"clicked_at" timestamp with time zone NOT NULL,
	"ip_hash" text NOT NULL,
	"user_agent" text,
	"referrer" text,
	"traffic_source" text,
	"sub_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attributable" boolean NOT NULL,
	"risk_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unattributable_reason" text,
	CONSTRAINT "clicks_id_clicked_at_pk" PRIMARY KEY("id","clicked_at")
) PARTITION BY RANGE ("clicked_at");--> statement-breakpoint
CREATE TABLE "clicks_default" PARTITION OF "clicks" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
	month_start timestamptz := date_trunc('month', coalesce((SELECT min(clicked_at) FROM clicks_unpartitioned), now()) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
	last_month timestamptz := date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '2 months';
BEGIN
	WHILE month_start <= last_month LOOP
		EXECUTE format(
			'CREATE TABLE %I PARTITION OF clicks FOR VALUES FROM (%L) TO (%L)',
			'clicks_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM'), month_start, month_start + interval '1 month'
		);
		month_start := month_start + interval '1 month';
	END LOOP;
END $$;--> statement-breakpoint
CREATE INDEX "clicks_merchant_idx" ON "clicks" USING btree ("merchant_id","livemode","clicked_at");--> statement-breakpoint
CREATE INDEX "clicks_link_idx" ON "clicks" USING btree ("link_id","clicked_at");--> statement-breakpoint
CREATE INDEX "clicks_affiliate_idx" ON "clicks" USING btree ("affiliate_id","clicked_at");--> statement-breakpoint
INSERT INTO "clicks" ("id", "link_id", "affiliate_id", "merchant_id", "livemode", "campaign_id", "product_id", "clicked_at", "ip_hash", "user_agent", "referrer", "traffic_source", "sub_ids", "attributable", "risk_flags", "unattributable_reason")
	SELECT "id", "link_id", "affiliate_id", "merchant_id", "livemode", "campaign_id", "product_id", "clicked_at", "ip_hash", "user_agent", "referrer", "traffic_source", "sub_ids", "attributable", "risk_flags", "unattributable_reason" FROM "clicks_unpartitioned";--> statement-breakpoint
DROP TABLE "clicks_unpartitioned";
