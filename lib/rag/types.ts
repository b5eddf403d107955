// Shared shapes of the knowledge base: what importers produce, what the chunker and
// ingestion consume, and what retrieval returns to the chat pipeline.

/** One retrieved passage, ready to be quoted as a numbered source. */
export interface RetrievedChunk {
  chunkId: string;
  documentId: string;
  title: string;
  url: string | null;
  text: string;
  /** Headings from the document root to this chunk, joined with " > ". */
  headingPath: string;
  /** Fused relevance in (0, 1]: 1 means ranked first by every retriever used. */
  score: number;
  source: string;
}

/** A titled part of a document: a Markdown section, a question–answer pair, a page. */
export interface DocumentSection {
  /** Headings from the document title down to this section. */
  headingPath: string[];
  text: string;
}

/** A document as produced by an importer, before chunking and embedding. */
export interface SourceDocument {
  /** Stable id: re-importing the same thing must give the same id (upsert key). */
  id: string;
  source: string;
  title: string;
  url?: string | null;
  licence?: string | null;
  metadata?: Record<string, unknown>;
  sections: DocumentSection[];
}

/** A chunk as stored: position within its document, heading path and text. */
export interface DocumentChunk {
  position: number;
  headingPath: string;
  text: string;
}
