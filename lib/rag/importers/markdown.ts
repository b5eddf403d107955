// Markdown with optional front matter (title, url, source, licence, topic, id).
// Headings become the section path, so each chunk knows which part of the page it is from.
import type { DocumentSection, SourceDocument } from "../types";
import { DEFAULT_FILE_SOURCE, ImportError, fileDocumentId, titleFromPath, type ImportContext } from "./types";

export function parseFrontMatter(text: string): { data: Record<string, string>; body: string } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { data: {}, body: text };
  const data: Record<string, string> = {};
  for (const line of m[1].split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) throw new ImportError(`front matter line is not "key: value": ${JSON.stringify(line.slice(0, 80))}`);
    data[kv[1].toLowerCase()] = kv[2].trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return { data, body: text.slice(m[0].length) };
}

/** Strips inline Markdown that carries no meaning for retrieval: links keep their text, images go. */
function plainInline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/`([^`]+)`/g, "$1");
}

export function markdownSections(body: string, title: string): { title: string; sections: DocumentSection[] } {
  const sections: DocumentSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let docTitle = title;
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    if (text) sections.push({ headingPath: [docTitle, ...stack.map((s) => s.text)], text });
    lines = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const h = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(raw);
    if (!h) {
      lines.push(inFence ? raw : plainInline(raw));
      continue;
    }
    flush();
    const level = h[1].length;
    const text = plainInline(h[2]);
    if (level === 1 && stack.length === 0 && sections.length === 0) {
      docTitle = title || text; // the page's own H1 is its title, not a section
      continue;
    }
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    stack.push({ level, text });
  }
  flush();
  return { title: docTitle, sections };
}

export function importMarkdown(text: string, ctx: ImportContext): SourceDocument {
  const { data, body } = parseFrontMatter(text);
  const { title, sections } = markdownSections(body, data.title ?? "");
  const finalTitle = title || titleFromPath(ctx.relPath);
  for (const s of sections) if (!s.headingPath[0]) s.headingPath[0] = finalTitle;
  if (sections.length === 0) throw new ImportError("no text content");
  const source = data.source || ctx.source || DEFAULT_FILE_SOURCE;
  if (data.url && !/^https?:\/\//.test(data.url)) throw new ImportError(`front matter url is not http(s): ${data.url}`);
  const { title: _t, url, source: _s, licence, id, ...rest } = data;
  return {
    id: id || fileDocumentId(source, ctx.relPath),
    source,
    title: finalTitle,
    url: url || null,
    licence: licence || ctx.licence || null,
    metadata: { file: ctx.relPath, ...rest },
    sections,
  };
}
