// One place that turns a numbered source into the AI SDK source part streamed to the
// client and stored with the answer. The snippet rides in providerMetadata.medchat so the
// sources list can show what the passage says (title, link, snippet) without a second request.
import type { ChatSource } from "./types";

const SNIPPET_CHARS = 220;

/** The passage's first words, whitespace collapsed, cut at a word boundary. */
export function sourceSnippet(text: string, max = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
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

/** The snippet stored by `sourcePart`, if the part has one (older stored answers do not). */
export function snippetOfSourcePart(part: { providerMetadata?: Record<string, Record<string, unknown>> }): string | null {
  const snippet = part.providerMetadata?.medchat?.snippet;
  return typeof snippet === "string" && snippet ? snippet : null;
}
