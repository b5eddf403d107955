// JSONL rows {id, title, text, url, source?, licence?}: `id` is kept as the document id,
// so an external system can update or re-send its rows. A bad row is reported alone.
import { z } from "zod";
import type { SourceDocument } from "../types";
import { markdownSections } from "./markdown";
import { DEFAULT_FILE_SOURCE, type ImportContext, type ImportResult } from "./types";

const JsonlRow = z.object({
  id: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1),
  text: z.string().trim().min(1),
  url: z.url({ protocol: /^https?$/ }).nullish(),
  source: z.string().trim().min(1).optional(),
  licence: z.string().trim().min(1).optional(),
});

export function importJsonl(content: string, file: string, ctx: ImportContext): ImportResult[] {
  const results: ImportResult[] = [];
  const lines = content.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const where = `${file}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      results.push({ ok: false, file: where, reason: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    const row = JsonlRow.safeParse(json);
    if (!row.success) {
      const reason = row.error.issues.map((iss) => `${iss.path.join(".") || "row"}: ${iss.message}`).join("; ");
      results.push({ ok: false, file: where, reason });
      continue;
    }
    const r = row.data;
    // Texts may carry Markdown headings; plain text becomes one section.
    const { sections } = markdownSections(r.text, r.title);
    const document: SourceDocument = {
      id: r.id,
      source: r.source ?? ctx.source ?? DEFAULT_FILE_SOURCE,
      title: r.title,
      url: r.url ?? null,
      licence: r.licence ?? ctx.licence ?? null,
      metadata: { file: ctx.relPath, line: i + 1 },
      sections,
    };
    results.push({ ok: true, file: where, document });
  }
  return results;
}
