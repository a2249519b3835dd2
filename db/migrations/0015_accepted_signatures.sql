CREATE TABLE "accepted_signatures" (
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accepted_signatures_key_id_signature_pk" PRIMARY KEY("key_id","signature")
);
--> statement-breakpoint
ALTER TABLE "accepted_signatures" ADD CONSTRAINT "accepted_signatures_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accepted_signatures_expires_idx" ON "accepted_signatures" USING btree ("expires_at");