// What every importer returns: documents, or a reason the input was skipped.
import type { DocumentSection, SourceDocument } from "../types";

export type ImportResult = { ok: true; file: string; document: SourceDocument } | { ok: false; file: string; reason: string };

export interface ImportContext {
  /** Path relative to the folder being ingested (or the file name): part of default ids. */
  relPath: string;
  /** Overrides the source when the file does not name one (CLI --source). */
  source?: string;
  licence?: string;
}

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

/** "Heart Disease.md" → "heart-disease"; keeps ids readable and URL-safe. */
export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Default document id for a file: "<source slug>:<relative path without extension>". */
export function fileDocumentId(source: string, relPath: string): string {
  const withoutExt = relPath.replace(/\\/g, "/").replace(/\.[^./]+$/, "");
  return `${slugify(source)}:${slugify(withoutExt)}`;
}

export function titleFromPath(relPath: string): string {
  const base = relPath.replace(/\\/g, "/").split("/").pop() ?? relPath;
  const stem = base
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : "Untitled";
}

export const DEFAULT_FILE_SOURCE = "Local documents";

/** A document imported from a file: source, id and licence from the context, the file in metadata. */
export function fileDocument(
  ctx: ImportContext,
  doc: { title: string; sections: DocumentSection[]; url?: string | null; metadata?: Record<string, unknown> },
): SourceDocument {
  const source = ctx.source || DEFAULT_FILE_SOURCE;
  return {
    id: fileDocumentId(source, ctx.relPath),
    source,
    title: doc.title,
    url: httpUrlOrNull(doc.url),
    licence: ctx.licence ?? null,
    metadata: { file: ctx.relPath, ...doc.metadata },
    sections: doc.sections,
  };
}

/**
 * A source link as stored and shown under answers: only an absolute http(s) URL; anything
 * else (javascript:, data:, file:, relative or unparsable) is refused as null, so a
 * knowledge-base file can never put a script or local link under a citation.
 */
export function httpUrlOrNull(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    // Kept as written (not normalised), so stored checksums of existing documents do not change.
    return url.protocol === "http:" || url.protocol === "https:" ? raw : null;
  } catch {
    return null;
  }
}
