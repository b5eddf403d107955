// Plain text: one section; the first short line is taken as the title when it looks like one.
import type { SourceDocument } from "../types";
import { ImportError, fileDocument, titleFromPath, type ImportContext } from "./types";

export function importPlainText(text: string, ctx: ImportContext, titleHint?: string): SourceDocument {
  const body = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "")
    .trim();
  if (!body) throw new ImportError("no text content");
  let title = titleHint?.trim() || "";
  let rest = body;
  if (!title) {
    const firstBreak = body.indexOf("\n");
    const first = (firstBreak < 0 ? body : body.slice(0, firstBreak)).trim();
    if (firstBreak > 0 && first.length <= 120 && !/[.:;,]$/.test(first)) {
      title = first;
      rest = body.slice(firstBreak + 1).trim() || first;
    } else {
      title = titleFromPath(ctx.relPath);
    }
  }
  return fileDocument(ctx, { title, sections: [{ headingPath: [title], text: rest }] });
}
