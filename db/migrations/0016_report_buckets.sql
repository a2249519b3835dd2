CREATE TABLE "report_buckets" (
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"campaign_id" text NOT NULL,
	"product_id" text NOT NULL,
	"affiliate_id" text NOT NULL,
	"link_id" text NOT NULL,
	"sub_id" text NOT NULL,
	"currency" text NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"attributable_clicks" bigint DEFAULT 0 NOT NULL,
	"conversions" bigint DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"commission_pending" bigint DEFAULT 0 NOT NULL,
	"commission_hold" bigint DEFAULT 0 NOT NULL,
	"commission_approved" bigint DEFAULT 0 NOT NULL,
	"commission_payable" bigint DEFAULT 0 NOT NULL,
	"commission_paid" bigint DEFAULT 0 NOT NULL,
	"commission_reversed" bigint DEFAULT 0 NOT NULL,
	"commission_rejected" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_buckets_pkey" PRIMARY KEY("merchant_id","livemode","bucket","campaign_id","affiliate_id","link_id","product_id","sub_id","currency"),
	CONSTRAINT "report_buckets_bucket_check" CHECK (extract(epoch from bucket)::bigint % 900 = 0)
);
--> statement-breakpoint
ALTER TABLE "conversions" ADD COLUMN "sub_id" text;--> statement-breakpoint
CREATE INDEX "report_buckets_affiliate_idx" ON "report_buckets" USING btree ("affiliate_id","livemode","bucket");--> statement-breakpoint
CREATE INDEX "report_buckets_time_idx" ON "report_buckets" USING btree ("livemode","bucket");