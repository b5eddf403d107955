CREATE TABLE "term_stats" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"chunks" integer NOT NULL
);
