// PDF through unpdf (PDF.js): one section per page so citations can point at a page.
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import type { SourceDocument } from "../types";
import { ImportError, fileDocument, titleFromPath, type ImportContext } from "./types";

export async function importPdf(bytes: Uint8Array, ctx: ImportContext): Promise<SourceDocument> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new ImportError("not a PDF (missing %PDF header)");
  }
  let pages: string[];
  let metaTitle = "";
  try {
    // PDF.js may detach the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const meta = await getMeta(pdf).catch(() => null);
    metaTitle = typeof meta?.info?.Title === "string" ? meta.info.Title.trim() : "";
    pages = (await extractText(pdf, { mergePages: false })).text;
    // Typed without destroy() in unpdf's bundled d.ts, but present at runtime: frees the worker state.
    await (pdf as unknown as { destroy?: () => Promise<void> }).destroy?.();
  } catch (err) {
    throw new ImportError(`unreadable PDF: ${(err as Error).message}`);
  }
  const title = metaTitle || titleFromPath(ctx.relPath);
  const sections = pages
    .map((text, i) => ({ headingPath: [title, `Page ${i + 1}`], text: text.replace(/[ \t]+/g, " ").trim() }))
    .filter((s) => s.text.length > 0);
  if (sections.length === 0) throw new ImportError("PDF has no extractable text (scanned images need OCR)");
  return fileDocument(ctx, { title, sections, metadata: { pages: pages.length } });
}
