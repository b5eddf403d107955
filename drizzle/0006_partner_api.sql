-- Partner API (issue 12): key scopes, allowed browser origins, expiry and a concurrency
-- limit on api_keys; usage_records holds one row per request (reservation while it runs,
-- actual tokens once settled, the stored response for Idempotency-Key replays).
ALTER TABLE "api_keys" ADD COLUMN "scopes" jsonb DEFAULT '["chat","models"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "allowed_origins" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "concurrent_requests" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" text PRIMARY KEY NOT NULL,
	"surface" text DEFAULT 'api' NOT NULL,
	"api_key_id" text,
	"conversation_id" text,
	"model" text,
	"stream" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"reserved_tokens" integer DEFAULT 0 NOT NULL,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"charged_tokens" integer DEFAULT 0 NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"error_code" text,
	"idempotency_key" text,
	"request_hash" text,
	"response" jsonb,
	"lease_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_records_key_created_idx" ON "usage_records" USING btree ("api_key_id","created_at");--> statement-breakpoint
CREATE INDEX "usage_records_surface_created_idx" ON "usage_records" USING btree ("surface","created_at");--> statement-breakpoint
CREATE INDEX "usage_records_active_idx" ON "usage_records" USING btree ("api_key_id") WHERE "usage_records"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "usage_records_idempotency_idx" ON "usage_records" USING btree ("api_key_id","idempotency_key");
