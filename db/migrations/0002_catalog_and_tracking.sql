CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"campaign_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" text,
	"landing_url" text,
	"start_date" timestamp with time zone,
	"end_date" timestamp with time zone,
	"default_commission_type" text,
	"default_commission_value" integer,
	"currency" text DEFAULT 'NPR' NOT NULL,
	"cookie_duration_days" integer DEFAULT 30 NOT NULL,
	"allowed_traffic_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"terms_and_conditions" text,
	"approval_required" boolean DEFAULT false NOT NULL,
	"approved_at" timestamp with time zone,
	"public_listing" boolean DEFAULT false NOT NULL,
	"hold_days" integer,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_check" CHECK (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')),
	CONSTRAINT "campaigns_cookie_days_check" CHECK (cookie_duration_days between 0 and 365),
	CONSTRAINT "campaigns_dates_check" CHECK (end_date is null or start_date is null or end_date > start_date),
	CONSTRAINT "campaigns_commission_check" CHECK (default_commission_value is null or default_commission_value >= 0),
	CONSTRAINT "campaigns_hold_days_check" CHECK (hold_days is null or hold_days between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"external_product_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"product_url" text NOT NULL,
	"image_url" text,
	"category" text,
	"brand" text,
	"price" bigint NOT NULL,
	"discount_price" bigint,
	"currency" text DEFAULT 'NPR' NOT NULL,
	"stock_status" text,
	"commission_type" text,
	"commission_value" integer,
	"campaign_id" uuid,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_status_check" CHECK (status in ('ACTIVE', 'ARCHIVED')),
	CONSTRAINT "products_price_check" CHECK (price >= 0 and (discount_price is null or discount_price >= 0)),
	CONSTRAINT "products_commission_check" CHECK (commission_value is null or commission_value >= 0)
);
--> statement-breakpoint
CREATE TABLE "links" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"affiliate_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"campaign_id" uuid NOT NULL,
	"product_id" uuid,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_status_check" CHECK (status in ('ACTIVE', 'ARCHIVED'))
);
--> statement-breakpoint
CREATE TABLE "clicks" (
	"id" text PRIMARY KEY NOT NULL,
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
	"risk_flags" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_code_idx" ON "campaigns" USING btree ("campaign_code");--> statement-breakpoint
CREATE INDEX "campaigns_merchant_idx" ON "campaigns" USING btree ("merchant_id","livemode","status","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_public_idx" ON "campaigns" USING btree ("status") WHERE public_listing;--> statement-breakpoint
CREATE UNIQUE INDEX "products_external_id_idx" ON "products" USING btree ("merchant_id","livemode","external_product_id");--> statement-breakpoint
CREATE INDEX "products_merchant_idx" ON "products" USING btree ("merchant_id","livemode","status","created_at");--> statement-breakpoint
CREATE INDEX "products_campaign_idx" ON "products" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "links_code_idx" ON "links" USING btree ("code");--> statement-breakpoint
CREATE INDEX "links_affiliate_idx" ON "links" USING btree ("affiliate_id","created_at");--> statement-breakpoint
CREATE INDEX "clicks_merchant_idx" ON "clicks" USING btree ("merchant_id","livemode","clicked_at");--> statement-breakpoint
CREATE INDEX "clicks_link_idx" ON "clicks" USING btree ("link_id","clicked_at");