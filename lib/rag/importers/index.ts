// Turns a path (file or folder) into documents: picks the importer by extension,
// recognises MedQuAD XML, skips hidden files and files starting with "_" (READMEs of
// a content folder), and reports unreadable files instead of throwing.
import fs from "node:fs";
import path from "node:path";
import { MedQuadParseError, readMedQuadFile } from "@/gpu-function/shared/medquad";
import { importHtml } from "./html";
import { importJsonl } from "./jsonl";
import { importMarkdown } from "./markdown";
import { medQuadToDocuments, type MedQuadImportOptions } from "./medquad";
import { importPlainText } from "./text";
import type { ImportContext, ImportResult } from "./types";
import { findUnstorableText, unstorableTextReason } from "@/lib/http/storable-text";

export type { ImportResult } from "./types";

export interface ImportPathOptions extends MedQuadImportOptions {
  source?: string;
  licence?: string;
}

export const SUPPORTED_EXTENSIONS = [".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".jsonl", ".xml"];

/** Files to import under `root`, sorted so every run sees the same order. */
export function listImportableFiles(root: string): string[] {
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (!stat) throw new Error(`no such file or folder: ${root}`);
  if (stat.isFile()) return [root];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".") || e.name.startsWith("_") || e.name === "node_modules") continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && SUPPORTED_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(full);
    }
  };
  walk(root);
  return out;
}

/** Imports one file; every failure becomes an `ok: false` result with the reason. */
export async function importFile(file: string, ctx: ImportContext, opts: MedQuadImportOptions = {}): Promise<ImportResult[]> {
  return (await importFileAsParsed(file, ctx, opts)).map(storable);
}

const NUL = "\u0000";

/**
 * A document Postgres can store, or the reason it cannot: a NUL in its text (a PDF's extracted
 * text, an escape in a JSONL row) carries nothing and is dropped; one left in an id, URL or source,
 * or an unpaired surrogate escape (JSONL), refuses the document — writing it failed the whole upload.
 */
function storable(result: ImportResult): ImportResult {
  if (!result.ok) return result;
  const doc = result.document;
  const document = {
    ...doc,
    title: doc.title.replaceAll(NUL, ""),
    sections: doc.sections.map((s) => ({
      ...s,
      text: s.text.replaceAll(NUL, ""),
      headingPath: s.headingPath.map((h) => h.replaceAll(NUL, "")),
    })),
  };
  const problem = findUnstorableText(document);
  return problem ? { ok: false, file: result.file, reason: unstorableTextReason(problem) } : { ...result, document };
}

async function importFileAsParsed(file: string, ctx: ImportContext, opts: MedQuadImportOptions): Promise<ImportResult[]> {
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === ".xml") {
      const doc = readMedQuadFile(file);
      const documents = medQuadToDocuments(doc, opts);
      if (documents.length === 0) return [{ ok: false, file, reason: "no answered questions in this MedQuAD file" }];
      return documents.map((document) => ({ ok: true, file, document }));
    }
    if (ext === ".pdf") {
      // PDF.js is large: loaded only when a PDF is actually imported.
      const { importPdf } = await import("./pdf");
      return [{ ok: true, file, document: await importPdf(fs.readFileSync(file), ctx) }];
    }
    const text = fs.readFileSync(file, "utf8");
    if (text.includes("\uFFFD")) return [{ ok: false, file, reason: "not valid UTF-8 text" }];
    switch (ext) {
      case ".md":
      case ".markdown":
        return [{ ok: true, file, document: importMarkdown(text, ctx) }];
      case ".txt":
        return [{ ok: true, file, document: importPlainText(text, ctx) }];
      case ".html":
      case ".htm":
        return [{ ok: true, file, document: importHtml(text, ctx) }];
      case ".jsonl":
        return importJsonl(text, file, ctx);
      default:
        return [{ ok: false, file, reason: `unsupported file type "${ext}" (supported: ${SUPPORTED_EXTENSIONS.join(" ")})` }];
    }
  } catch (err) {
    const reason = err instanceof MedQuadParseError ? err.message.replace(`${file}: `, "") : (err as Error).message;
    return [{ ok: false, file, reason }];
  }
}

/** Streams import results for a file or folder, file by file. */
export async function* importPath(root: string, opts: ImportPathOptions = {}): AsyncGenerator<ImportResult> {
  const files = listImportableFiles(root);
  const base = fs.statSync(root).isFile() ? path.dirname(root) : root;
  for (const file of files) {
    const relPath = path.relative(base, file).split(path.sep).join("/");
    yield* await importFile(file, { relPath, source: opts.source, licence: opts.licence }, opts);
  }
}
