CREATE TABLE "import_chunks" (
	"import_id" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_records" (
	"import_id" text NOT NULL,
	"seq" integer NOT NULL,
	"line" integer NOT NULL,
	"group_key" text NOT NULL,
	"cells" jsonb NOT NULL,
	"outcome" text,
	"errors" jsonb,
	CONSTRAINT "import_records_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"livemode" boolean NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text,
	"bytes" integer NOT NULL,
	"header" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"staged" boolean DEFAULT false NOT NULL,
	"rows_total" integer,
	"rows_processed" integer DEFAULT 0 NOT NULL,
	"rows_succeeded" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"rows_deduplicated" integer DEFAULT 0 NOT NULL,
	"failure_message" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "imports_type_check" CHECK (type in ('products', 'orders', 'order-status')),
	CONSTRAINT "imports_status_check" CHECK (status in ('queued', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "import_chunks" ADD CONSTRAINT "import_chunks_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_records" ADD CONSTRAINT "import_records_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_records_pending_idx" ON "import_records" USING btree ("import_id","group_key","seq") WHERE outcome is null;--> statement-breakpoint
CREATE INDEX "imports_merchant_idx" ON "imports" USING btree ("merchant_id","livemode","created_at");