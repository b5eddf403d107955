-- Synonyms the knowledge base states (lib/rag/aliases.ts): per document, an alias and what it
-- stands for, both stored as English lexemes separated by spaces (as the chunks are indexed).
-- Written with the document's chunks at ingestion; deleted with the document.
CREATE TABLE "term_aliases" (
	"document_id" text NOT NULL,
	"alias" text NOT NULL,
	"expansion" text NOT NULL,
	CONSTRAINT "term_aliases_document_id_alias_expansion_pk" PRIMARY KEY("document_id","alias","expansion")
);
--> statement-breakpoint
ALTER TABLE "term_aliases" ADD CONSTRAINT "term_aliases_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
