CREATE TABLE "order_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "order_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"refund_amount" bigint,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_events_refund_check" CHECK (refund_amount is null or refund_amount > 0)
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text NOT NULL,
	"qty" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	CONSTRAINT "order_items_order_id_line_no_pk" PRIMARY KEY("order_id","line_no"),
	CONSTRAINT "order_items_amounts_check" CHECK (qty > 0 and unit_price >= 0 and line_no >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"order_id" text NOT NULL,
	"status" text NOT NULL,
	"fulfilment_status" text NOT NULL,
	"amount" bigint NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_status_check" CHECK (status in ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded', 'partially_refunded')),
	CONSTRAINT "orders_fulfilment_check" CHECK (fulfilment_status in ('pending', 'confirmed', 'shipped', 'delivered')),
	CONSTRAINT "orders_amount_check" CHECK (amount > 0 and refunded_amount >= 0 and refunded_amount <= amount),
	CONSTRAINT "orders_currency_check" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "conversions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"order_ref" text NOT NULL,
	"click_id" text,
	"attributed" boolean NOT NULL,
	"unattributed_reason" text,
	"affiliate_id" text,
	"link_id" text,
	"campaign_id" uuid,
	"product_id" uuid,
	"clicked_at" timestamp with time zone,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversions_attribution_check" CHECK ((attributed and affiliate_id is not null and campaign_id is not null and unattributed_reason is null)
          or (not attributed and affiliate_id is null and unattributed_reason is not null)),
	CONSTRAINT "conversions_reason_check" CHECK (unattributed_reason is null or unattributed_reason in ('NO_CLICK_ID', 'UNKNOWN_CLICK', 'CLICK_NOT_ATTRIBUTABLE', 'ORDER_BEFORE_CLICK', 'EXPIRED_WINDOW', 'CAMPAIGN_INACTIVE'))
);
--> statement-breakpoint
CREATE TABLE "commission_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commission_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"commission_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"amount_before" bigint,
	"amount_after" bigint NOT NULL,
	"actor" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_events_kind_check" CHECK (kind in ('status', 'adjustment', 'review') and (kind <> 'status' or from_status is distinct from to_status))
);
--> statement-breakpoint
CREATE TABLE "commission_lines" (
	"commission_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text,
	"qty" integer NOT NULL,
	"base_amount" bigint NOT NULL,
	"rate_type" text NOT NULL,
	"rate_value" integer NOT NULL,
	"rate_source" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "commission_lines_commission_id_line_no_pk" PRIMARY KEY("commission_id","line_no"),
	CONSTRAINT "commission_lines_amount_check" CHECK (qty > 0 and base_amount >= 0 and amount >= 0 and rate_value >= 0)
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"conversion_id" text NOT NULL,
	"order_ref" text NOT NULL,
	"affiliate_id" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"original_amount" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"paid_amount" bigint,
	"payout_id" text,
	"status" text NOT NULL,
	"rate_type" text NOT NULL,
	"rate_value" integer NOT NULL,
	"rate_source" text NOT NULL,
	"hold_until" timestamp with time zone,
	"risk_score" integer DEFAULT 0 NOT NULL,
	"review_status" text DEFAULT 'not_required' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissions_status_check" CHECK (status in ('pending', 'hold', 'approved', 'payable', 'paid', 'reversed', 'rejected')),
	CONSTRAINT "commissions_amount_check" CHECK (original_amount >= 0 and amount >= 0 and amount <= original_amount),
	CONSTRAINT "commissions_paid_check" CHECK ((status <> 'paid' or paid_amount is not null) and (paid_amount is null or paid_amount >= amount)),
	CONSTRAINT "commissions_rate_check" CHECK (rate_type in ('PERCENTAGE', 'FIXED') and rate_value >= 0 and rate_source in ('product', 'campaign', 'merchant', 'platform')),
	CONSTRAINT "commissions_review_check" CHECK (review_status in ('not_required', 'required', 'approved', 'rejected') and risk_score between 0 and 100),
	CONSTRAINT "commissions_hold_check" CHECK (status <> 'hold' or hold_until is not null),
	CONSTRAINT "commissions_currency_check" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"affiliate_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"currency" text NOT NULL,
	"account" text NOT NULL,
	"amount" bigint NOT NULL,
	"kind" text NOT NULL,
	"commission_id" text,
	"commission_event_id" bigint,
	"payout_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_account_check" CHECK (account in ('pending', 'payable', 'paid')),
	CONSTRAINT "ledger_entries_kind_check" CHECK (kind in ('commission_earned', 'commission_reduced', 'commission_reversed', 'commission_settled', 'commission_paid', 'clawback')),
	CONSTRAINT "ledger_entries_amount_check" CHECK (amount <> 0),
	CONSTRAINT "ledger_entries_target_check" CHECK (commission_id is not null or payout_id is not null),
	CONSTRAINT "ledger_entries_currency_check" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "affiliate_ip_sightings" (
	"affiliate_id" text NOT NULL,
	"ip_hash" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliate_ip_sightings_affiliate_id_ip_hash_pk" PRIMARY KEY("affiliate_id","ip_hash")
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"conversion_id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"signals" jsonb NOT NULL,
	"threshold" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_assessments_score_check" CHECK (score between 0 and 100 and threshold between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "sandbox_affiliates" (
	"merchant_id" text PRIMARY KEY NOT NULL,
	"affiliate_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_order_ref_orders_id_fk" FOREIGN KEY ("order_ref") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversions" ADD CONSTRAINT "conversions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_events" ADD CONSTRAINT "commission_events_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_conversion_id_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_order_ref_orders_id_fk" FOREIGN KEY ("order_ref") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_commission_event_id_commission_events_id_fk" FOREIGN KEY ("commission_event_id") REFERENCES "public"."commission_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliate_ip_sightings" ADD CONSTRAINT "affiliate_ip_sightings_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_conversion_id_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_affiliates" ADD CONSTRAINT "sandbox_affiliates_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_affiliates" ADD CONSTRAINT "sandbox_affiliates_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_merchant_order_idx" ON "orders" USING btree ("merchant_id","livemode","order_id");--> statement-breakpoint
CREATE INDEX "orders_merchant_occurred_idx" ON "orders" USING btree ("merchant_id","livemode","occurred_at");--> statement-breakpoint
CREATE INDEX "orders_merchant_currency_idx" ON "orders" USING btree ("merchant_id","livemode","currency","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversions_order_idx" ON "conversions" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "conversions_click_idx" ON "conversions" USING btree ("merchant_id","livemode","click_id");--> statement-breakpoint
CREATE INDEX "commission_events_commission_idx" ON "commission_events" USING btree ("commission_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_conversion_idx" ON "commissions" USING btree ("conversion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_order_idx" ON "commissions" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "commissions_merchant_idx" ON "commissions" USING btree ("merchant_id","livemode","status","created_at");--> statement-breakpoint
CREATE INDEX "commissions_affiliate_idx" ON "commissions" USING btree ("affiliate_id","livemode","created_at");--> statement-breakpoint
CREATE INDEX "commissions_hold_idx" ON "commissions" USING btree ("hold_until") WHERE status = 'hold';--> statement-breakpoint
CREATE INDEX "commissions_review_idx" ON "commissions" USING btree ("created_at") WHERE review_status = 'required';--> statement-breakpoint
CREATE INDEX "ledger_entries_wallet_idx" ON "ledger_entries" USING btree ("affiliate_id","livemode","currency","account");--> statement-breakpoint
CREATE INDEX "ledger_entries_recent_idx" ON "ledger_entries" USING btree ("affiliate_id","livemode","seq");--> statement-breakpoint
CREATE INDEX "ledger_entries_commission_idx" ON "ledger_entries" USING btree ("commission_id");--> statement-breakpoint
CREATE INDEX "affiliate_ip_sightings_recent_idx" ON "affiliate_ip_sightings" USING btree ("affiliate_id","last_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_affiliates_affiliate_idx" ON "sandbox_affiliates" USING btree ("affiliate_id");