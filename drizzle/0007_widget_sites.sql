-- Widget sites: the public site key is the id; a configurable "talk to a person" link per site;
-- updated_at for the admin console.
ALTER TABLE "widget_sites" ADD COLUMN "talk_to_person_url" text;--> statement-breakpoint
ALTER TABLE "widget_sites" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;
