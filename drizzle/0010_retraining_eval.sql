-- Retraining evaluation gate and datasets (issue 15): uploaded training examples (seed
-- model-card formats, deduplicated by their question), and on each run the side-by-side
-- comparison, the gate's decision, who started it, a heartbeat (a run whose owner stopped
-- is resumed or failed), its own event log, the loss curve and the live progress.
CREATE TABLE "training_uploaded_examples" (
	"id" text PRIMARY KEY NOT NULL,
	"question_key" text NOT NULL,
	"format" text NOT NULL,
	"filename" text NOT NULL,
	"line" integer,
	"example" jsonb NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "training_uploaded_examples_question_idx" ON "training_uploaded_examples" USING btree ("question_key");--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "comparison" jsonb;--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "decision" text;--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "started_by" text;--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "events" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "loss" jsonb;--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "progress" jsonb;
