CREATE TABLE "product_feed_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"feed_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"http_status" integer,
	"received" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"archived" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_code" text,
	"error_message" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "product_feed_runs_status_check" CHECK (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
	CONSTRAINT "product_feed_runs_trigger_check" CHECK (trigger in ('SCHEDULE', 'MANUAL')),
	CONSTRAINT "product_feed_runs_counts_check" CHECK (received >= 0 and created >= 0 and updated >= 0 and failed >= 0 and archived >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_feeds" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"name" text,
	"url" text NOT NULL,
	"format" text DEFAULT 'AUTO' NOT NULL,
	"interval_minutes" integer DEFAULT 1440 NOT NULL,
	"archive_missing" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_feeds_status_check" CHECK (status in ('ACTIVE', 'PAUSED')),
	CONSTRAINT "product_feeds_format_check" CHECK (format in ('AUTO', 'JSON', 'CSV')),
	CONSTRAINT "product_feeds_interval_check" CHECK (interval_minutes between 15 and 10080)
);
--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"default_commission_type" text DEFAULT 'PERCENTAGE' NOT NULL,
	"default_commission_value" integer DEFAULT 500 NOT NULL,
	"currency" text DEFAULT 'NPR' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_settings_singleton_check" CHECK (id = 1),
	CONSTRAINT "platform_settings_commission_check" CHECK (default_commission_value >= 0 and (default_commission_type <> 'PERCENTAGE' or default_commission_value <= 10000))
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "source_feed_id" text;--> statement-breakpoint
ALTER TABLE "product_feed_runs" ADD CONSTRAINT "product_feed_runs_feed_id_product_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."product_feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_feeds" ADD CONSTRAINT "product_feeds_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_feed_runs_feed_idx" ON "product_feed_runs" USING btree ("feed_id","queued_at");--> statement-breakpoint
CREATE INDEX "product_feeds_merchant_idx" ON "product_feeds" USING btree ("merchant_id","livemode","created_at");--> statement-breakpoint
CREATE INDEX "product_feeds_due_idx" ON "product_feeds" USING btree ("next_run_at") WHERE status = 'ACTIVE';--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_source_feed_id_product_feeds_id_fk" FOREIGN KEY ("source_feed_id") REFERENCES "public"."product_feeds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_pending_approval_idx" ON "campaigns" USING btree ("created_at") WHERE approval_required and approved_at is null;--> statement-breakpoint
CREATE INDEX "products_source_feed_idx" ON "products" USING btree ("source_feed_id") WHERE source_feed_id is not null;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_commission_pair_check" CHECK ((default_commission_type is null) = (default_commission_value is null));--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_percentage_check" CHECK (default_commission_type is distinct from 'PERCENTAGE' or default_commission_value <= 10000);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_commission_pair_check" CHECK ((commission_type is null) = (commission_value is null));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_percentage_check" CHECK (commission_type is distinct from 'PERCENTAGE' or commission_value <= 10000);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_stock_status_check" CHECK (stock_status is null or stock_status in ('IN_STOCK', 'OUT_OF_STOCK', 'PREORDER', 'BACKORDER', 'DISCONTINUED'));