// One place that turns a numbered source into the AI SDK source part streamed to the
// client and stored with the answer. The snippet rides in providerMetadata.medchat so the
// sources list can show what the passage says (title, link, snippet) without a second request.
import type { ChatSource } from "./types";

const SNIPPET_CHARS = 220;

/** A line's Markdown list marker ("- ", "* ", "1. "), and a heading's ("## "). */
const ITEM_MARKER = /^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+/;
const HEADING_MARKER = /^\s*#{1,6}\s+/;

/**
 * The passage as one line of plain text: list items joined with "; " instead of showing
 * their Markdown dashes ("Signs include: blackheads; small red bumps").
 */
function flatten(text: string): string {
  let out = "";
  let previousWasItem = false;
  for (const raw of text.split("\n")) {
    const isItem = ITEM_MARKER.test(raw);
    const line = raw.replace(ITEM_MARKER, "").replace(HEADING_MARKER, "").replace(/\*\*/g, "").trim();
    if (!line) continue;
    out += out ? (isItem && previousWasItem ? "; " : " ") + line : line;
    previousWasItem = isItem;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** The passage's first words as plain text, whitespace collapsed, cut at a word boundary. */
export function sourceSnippet(text: string, max = SNIPPET_CHARS): string {
  const flat = flatten(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

export function sourcePart(s: ChatSource) {
  const providerMetadata = { medchat: { snippet: sourceSnippet(s.text), headingPath: s.headingPath } };
  return s.url
    ? { type: "source-url" as const, sourceId: s.chunkId, url: s.url, title: s.title, providerMetadata }
    : { type: "source-document" as const, sourceId: s.chunkId, mediaType: "text/plain", title: s.title, providerMetadata };
}

/**
 * The section of its page a source quotes, from its heading path ("Gout > Treatment and
 * management" → "Treatment and management"); null when the path names only the page.
 */
export function sourceSection(title: string, headingPath: string): string | null {
  const headings = headingPath.split(" > ");
  const section = headings.length > 1 ? headings.at(-1)!.trim() : "";
  return section && section !== title.trim() ? section : null;
}

/**
 * How every surface names a source: its page and the section quoted, "Asthma — What it is"
 * (the web chat's and the widget's sources lists, the partner API's citation titles, the
 * admin console's conversation review); the page title alone when the path names no section.
 */
export function sourceLabel(source: { title: string; headingPath: string }): string {
  const section = sourceSection(source.title, source.headingPath);
  return section ? `${source.title} — ${section}` : source.title;
}

/** The section a stored source part quotes, from the heading path `sourcePart` stores; null without one. */
export function sectionOfSourcePart(part: { title?: string; providerMetadata?: Record<string, Record<string, unknown>> }): string | null {
  const headingPath = part.providerMetadata?.medchat?.headingPath;
  return typeof headingPath === "string" ? sourceSection(part.title ?? "", headingPath) : null;
}

/** `sourceLabel` of a stored source part (older parts without a heading path: their title). */
export function labelOfSourcePart(part: {
  title?: string;
  url?: string;
  providerMetadata?: Record<string, Record<string, unknown>>;
}): string {
  const title = part.title || part.url || "";
  const section = sectionOfSourcePart(part);
  return section ? `${title} — ${section}` : title;
}

/** The snippet stored by `sourcePart`, if the part has one (older stored answers do not). */
export function snippetOfSourcePart(part: { providerMetadata?: Record<string, Record<string, unknown>> }): string | null {
  const snippet = part.providerMetadata?.medchat?.snippet;
  return typeof snippet === "string" && snippet ? snippet : null;
}
