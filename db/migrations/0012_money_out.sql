CREATE TABLE "statement_lines" (
	"statement_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"kind" text NOT NULL,
	"commission_id" text,
	"order_id" text,
	"affiliate_id" text,
	"amount" bigint NOT NULL,
	CONSTRAINT "statement_lines_statement_id_line_no_pk" PRIMARY KEY("statement_id","line_no"),
	CONSTRAINT "statement_lines_kind_check" CHECK (kind in ('commission', 'credit', 'fee')),
	CONSTRAINT "statement_lines_amount_check" CHECK ((kind = 'commission' and amount >= 0 and commission_id is not null) or (kind = 'credit' and amount < 0 and commission_id is not null) or (kind = 'fee' and amount >= 0 and commission_id is null))
);
--> statement-breakpoint
CREATE TABLE "statement_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"statement_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"reference" text NOT NULL,
	"paid_on" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_payments_amount_check" CHECK (amount > 0)
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"number" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"commission_count" integer NOT NULL,
	"commission_total" bigint NOT NULL,
	"fee_percent" integer NOT NULL,
	"platform_fee" bigint NOT NULL,
	"credits" bigint NOT NULL,
	"total" bigint NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "statements_status_check" CHECK (status in ('issued', 'paid') and (status <> 'paid' or paid_at is not null)),
	CONSTRAINT "statements_amounts_check" CHECK (commission_count >= 0 and commission_total >= 0 and platform_fee >= 0 and credits >= 0 and total = commission_total + platform_fee - credits and amount_paid >= 0 and amount_paid <= greatest(total, 0)),
	CONSTRAINT "statements_currency_check" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"currency" text NOT NULL,
	"count" integer NOT NULL,
	"total" bigint NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_batches_amount_check" CHECK (count > 0 and total >= 0)
);
--> statement-breakpoint
CREATE TABLE "payout_items" (
	"payout_id" text NOT NULL,
	"item_no" integer NOT NULL,
	"kind" text NOT NULL,
	"commission_id" text,
	"clawback_entry_id" text,
	"merchant_id" text,
	"amount" bigint NOT NULL,
	"released" boolean DEFAULT false NOT NULL,
	CONSTRAINT "payout_items_payout_id_item_no_pk" PRIMARY KEY("payout_id","item_no"),
	CONSTRAINT "payout_items_kind_check" CHECK ((kind = 'commission' and commission_id is not null and clawback_entry_id is null) or (kind = 'clawback' and clawback_entry_id is not null and commission_id is null)),
	CONSTRAINT "payout_items_amount_check" CHECK (amount >= 0)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"affiliate_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"withholding_percent" integer NOT NULL,
	"withheld_amount" bigint NOT NULL,
	"net_amount" bigint NOT NULL,
	"shortfall" bigint DEFAULT 0 NOT NULL,
	"payout_method_id" text NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"reference" text,
	"batch_id" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"settled_by" text,
	"settled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_status_check" CHECK (status in ('requested', 'approved', 'processing', 'paid', 'rejected', 'cancelled', 'failed')),
	CONSTRAINT "payouts_amount_check" CHECK (amount > 0 and withheld_amount >= 0 and net_amount = amount - withheld_amount and shortfall >= 0 and withholding_percent between 0 and 10000),
	CONSTRAINT "payouts_paid_check" CHECK ((status = 'paid') = (reference is not null)),
	CONSTRAINT "payouts_batch_check" CHECK (status not in ('processing', 'paid', 'failed') or batch_id is not null),
	CONSTRAINT "payouts_currency_check" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_account_check";--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_kind_check";--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "merchant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "minimum_payout" bigint DEFAULT 100000 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "platform_fee_percent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "payout_withholding_percent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "billing_period" text DEFAULT 'monthly' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "wallet_transfer_limit" bigint DEFAULT 5000000 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD COLUMN "bank_transfer_limit" bigint DEFAULT 20000000 NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_payments" ADD CONSTRAINT "statement_payments_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_clawback_entry_id_ledger_entries_id_fk" FOREIGN KEY ("clawback_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_affiliate_id_affiliates_id_fk" FOREIGN KEY ("affiliate_id") REFERENCES "public"."affiliates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_payout_method_id_payout_methods_id_fk" FOREIGN KEY ("payout_method_id") REFERENCES "public"."payout_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statement_lines_billed_idx" ON "statement_lines" USING btree ("commission_id") WHERE kind = 'commission';--> statement-breakpoint
CREATE INDEX "statement_lines_credit_idx" ON "statement_lines" USING btree ("commission_id") WHERE kind = 'credit';--> statement-breakpoint
CREATE UNIQUE INDEX "statement_payments_reference_idx" ON "statement_payments" USING btree ("statement_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_number_idx" ON "statements" USING btree ("merchant_id","number");--> statement-breakpoint
CREATE INDEX "statements_merchant_idx" ON "statements" USING btree ("merchant_id","issued_at");--> statement-breakpoint
CREATE INDEX "statements_status_idx" ON "statements" USING btree ("status","issued_at");--> statement-breakpoint
CREATE INDEX "payout_batches_created_idx" ON "payout_batches" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_items_commission_idx" ON "payout_items" USING btree ("commission_id") WHERE commission_id is not null and not released;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_items_clawback_idx" ON "payout_items" USING btree ("clawback_entry_id") WHERE clawback_entry_id is not null and not released;--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_reference_idx" ON "payouts" USING btree ("reference") WHERE reference is not null;--> statement-breakpoint
CREATE INDEX "payouts_affiliate_idx" ON "payouts" USING btree ("affiliate_id","requested_at");--> statement-breakpoint
CREATE INDEX "payouts_status_idx" ON "payouts" USING btree ("status","method","requested_at");--> statement-breakpoint
CREATE INDEX "payouts_batch_idx" ON "payouts" USING btree ("batch_id") WHERE batch_id is not null;--> statement-breakpoint
CREATE INDEX "ledger_entries_payout_idx" ON "ledger_entries" USING btree ("payout_id") WHERE payout_id is not null;--> statement-breakpoint
ALTER TABLE "platform_settings" ADD CONSTRAINT "platform_settings_money_check" CHECK (minimum_payout > 0 and platform_fee_percent between 0 and 10000 and payout_withholding_percent between 0 and 10000 and billing_period in ('weekly', 'monthly') and wallet_transfer_limit > 0 and bank_transfer_limit > 0);--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_merchant_check" CHECK (commission_id is null or merchant_id is not null);--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_check" CHECK (account in ('pending', 'payable', 'processing', 'paid'));--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_kind_check" CHECK (kind in ('commission_earned', 'commission_reduced', 'commission_reversed', 'commission_settled', 'commission_paid', 'clawback', 'payout_reserved', 'payout_released', 'payout_posted', 'clawback_netted', 'withholding'));