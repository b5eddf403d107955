// Structure-aware chunking: a chunk never crosses a section (heading or QA pair), is
// at most `maxChars` long, and repeats the tail of the previous chunk of the same
// section (`overlapChars`) so a sentence cut at a boundary is still retrievable.
import type { DocumentChunk, DocumentSection, SourceDocument } from "./types";

export interface ChunkOptions {
  /** Upper bound on chunk text length in characters (~4 characters per token). */
  maxChars: number;
  /** Characters of the previous chunk repeated at the start of the next one. */
  overlapChars: number;
  /** Sections shorter than this are merged into the following section of the same parent. */
  minChars: number;
}

/** Sized for the default embedder (256 tokens): ~900 characters of text plus headings. */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 900, overlapChars: 150, minChars: 80 };

/** Bump when chunking changes: it is part of every document checksum, so re-ingest re-chunks. */
export const CHUNKER_VERSION = 1;

const SENTENCE_END = /(?<=[.!?;:])\s+(?=\S)/;

/** Splits text that is too long for one chunk: paragraphs, then lines, then sentences, then words. */
function splitToPieces(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  const push = (s: string, level: number) => {
    const t = s.trim();
    if (!t) return;
    if (t.length <= maxChars) {
      pieces.push(t);
      return;
    }
    const separators = [/\n\s*\n/, /\n/, SENTENCE_END];
    if (level < separators.length) {
      const parts = t.split(separators[level]);
      if (parts.length > 1) {
        for (const p of parts) push(p, level + 1);
        return;
      }
      push(t, level + 1);
      return;
    }
    // One enormous "sentence": cut at word boundaries.
    let line = "";
    for (const word of t.split(/\s+/)) {
      if (line && line.length + 1 + word.length > maxChars) {
        pieces.push(line);
        line = "";
      }
      line = line ? `${line} ${word}` : word.slice(0, maxChars);
    }
    if (line) pieces.push(line);
  };
  push(text, 0);
  return pieces;
}

/** The last `n` characters of `text`, starting at a word boundary. */
function tailOf(text: string, n: number): string {
  if (n <= 0 || text.length <= n) return n <= 0 ? "" : text;
  const cut = text.slice(text.length - n);
  const space = cut.search(/\s/);
  return space >= 0 ? cut.slice(space + 1) : cut;
}

/** Packs pieces of one section into chunks ≤ maxChars with overlap between consecutive chunks. */
function packSection(text: string, opts: ChunkOptions): string[] {
  const pieces = splitToPieces(text, opts.maxChars);
  const out: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current ? `${current}\n${piece}` : piece;
    if (joined.length <= opts.maxChars) {
      current = joined;
      continue;
    }
    if (current) out.push(current);
    const overlap = tailOf(current, opts.overlapChars);
    current = overlap && overlap.length + 1 + piece.length <= opts.maxChars ? `${overlap} ${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}

/** Merges tiny sections (a heading with one line) into the next sibling so chunks carry enough context. */
function mergeTinySections(sections: DocumentSection[], minChars: number): DocumentSection[] {
  const out: DocumentSection[] = [];
  let pending: DocumentSection | null = null;
  for (const s of sections) {
    const text = s.text.trim();
    if (!text) continue;
    if (pending) {
      const sameParent = pending.headingPath.slice(0, -1).join("\u0000") === s.headingPath.slice(0, -1).join("\u0000");
      if (sameParent) {
        const label = pending.headingPath.at(-1);
        const merged = label ? `${label}: ${pending.text}` : pending.text;
        pending = null;
        out.push({ headingPath: s.headingPath, text: `${merged}\n\n${text}` });
        continue;
      }
      out.push(pending);
      pending = null;
    }
    if (text.length < minChars) pending = { headingPath: s.headingPath, text };
    else out.push({ headingPath: s.headingPath, text });
  }
  if (pending) out.push(pending);
  return out;
}

export function chunkSections(sections: DocumentSection[], options: Partial<ChunkOptions> = {}): DocumentChunk[] {
  const opts = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  if (opts.maxChars < 50) throw new Error(`maxChars must be at least 50 (got ${opts.maxChars})`);
  if (opts.overlapChars < 0 || opts.overlapChars >= opts.maxChars / 2) {
    throw new Error(`overlapChars must be in [0, maxChars/2) (got ${opts.overlapChars})`);
  }
  const chunks: DocumentChunk[] = [];
  for (const section of mergeTinySections(sections, opts.minChars)) {
    const headingPath = section.headingPath
      .map((h) => h.trim())
      .filter(Boolean)
      .join(" > ");
    for (const text of packSection(section.text, opts)) {
      chunks.push({ position: chunks.length, headingPath, text });
    }
  }
  return chunks;
}

export function chunkDocument(doc: SourceDocument, options: Partial<ChunkOptions> = {}): DocumentChunk[] {
  return chunkSections(doc.sections, options);
}

/** The text that is embedded for a chunk: headings (which start at the title) give the vector its topic. */
export function embeddingTextOf(title: string, chunk: DocumentChunk): string {
  return `${chunk.headingPath || title}\n${chunk.text}`;
}
