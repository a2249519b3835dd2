CREATE TABLE "set_aside_clicks" (
	"click_id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"link_id" text NOT NULL,
	"clicked_at" timestamp with time zone NOT NULL,
	"set_aside_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"click" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "set_aside_clicks_time_idx" ON "set_aside_clicks" USING btree ("set_aside_at");