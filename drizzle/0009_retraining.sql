-- Scheduled retraining (issue 15): the dataset and golden-set versions a run used, and
-- single-flight: at most one run may be in a non-terminal state (safe with several app
-- instances, enforced by the database, not by a process-local flag).
ALTER TABLE "training_runs" ADD COLUMN "dataset_version" text;--> statement-breakpoint
ALTER TABLE "training_runs" ADD COLUMN "golden_version" text;--> statement-breakpoint
CREATE UNIQUE INDEX "training_runs_single_flight_idx" ON "training_runs" USING btree ((true)) WHERE "status" IN ('queued', 'running', 'evaluating');
