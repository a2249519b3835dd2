CREATE TABLE "payout_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"affiliate_id" text NOT NULL,
	"type" text NOT NULL,
	"account_holder_name" text NOT NULL,
	"bank_name" text,
	"bank_code" text,
	"branch" text,
	"account_sealed" text NOT NULL,
	"account_last4" text NOT NULL,
	"account_fingerprint" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_methods_type_check" CHECK (type in ('BANK_ACCOUNT', 'ESEWA', 'KHALTI', 'IME_PAY', 'CONNECT_IPS'))
);
--> statement-breakpoint
CREATE TABLE "campaign_memberships" (
	"campaign_id" uuid NOT NULL,
	"affiliate_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone,
	"invited_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_memberships_campaign_id_affiliate_id_pk" PRIMARY KEY("campaign_id","affiliate_id"),
	CONSTRAINT "campaign_memberships_status_check" CHECK (status in ('PENDING', 'APPROVED', 'REJECTED', 'INVITED'))
);
--> statement-breakpoint
ALTER TABLE "clicks" DROP CONSTRAINT "clicks_pkey";--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_id_clicked_at_pk" PRIMARY KEY("id","clicked_at");--> statement-breakpoint
ALTER TABLE "affiliates" ADD COLUMN "bio" text;--> statement-breakpoint
ALTER TABLE "affiliates" ADD COLUMN "channels" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "affiliates" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "affiliates" ADD COLUMN "social_handles" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "affiliates" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "links" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clicks" ADD COLUMN "unattributable_reason" text;--> statement-breakpoint
ALTER TABLE "payout_methods" ADD CONSTRAINT "payout_methods_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_memberships" ADD CONSTRAINT "campaign_memberships_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_memberships" ADD CONSTRAINT "campaign_memberships_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_memberships" ADD CONSTRAINT "campaign_memberships_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payout_methods_affiliate_idx" ON "payout_methods" USING btree ("affiliate_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_methods_account_idx" ON "payout_methods" USING btree ("affiliate_id","account_fingerprint") WHERE removed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_methods_default_idx" ON "payout_methods" USING btree ("affiliate_id") WHERE is_default and removed_at is null;--> statement-breakpoint
CREATE INDEX "campaign_memberships_merchant_idx" ON "campaign_memberships" USING btree ("merchant_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "campaign_memberships_affiliate_idx" ON "campaign_memberships" USING btree ("affiliate_id","status");--> statement-breakpoint
CREATE INDEX "clicks_affiliate_idx" ON "clicks" USING btree ("affiliate_id","clicked_at");