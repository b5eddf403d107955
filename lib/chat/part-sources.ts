// Sources for a question that asks several things: each asked part's best passage is a
// source of its own (so "What is hemochromatosis and how is it treated?" shows the overview
// and the treatment section, even when both are sections of one page and the message as a
// whole ranks only one of them high), then the whole message's passages as usual. The parts'
// source numbers go to the gpu-function as `grounding.parts` (quote mode answers each part in
// turn: gpu-function/engine/quote-prior.ts).
import { words } from "@/lib/rag/query-terms";
import { askedParts, partContext } from "./asked-parts";
import { MAX_SOURCES, numberSources } from "./prompt";
import type { ChatSource, RetrievedChunk, Retriever } from "./types";

/** Parts of one message answered in turn (more: the first ones; an answer has room for about three). */
export const MAX_ANSWER_PARTS = 3;

/**
 * Each asked part's own passages, when the message asks several things (else []): the part's
 * words, with the message's topic (`partContext`). One after another; a part whose search
 * fails has none (best effort, as retrieval is).
 */
export async function retrievePerPart(retriever: Retriever, message: string, signal?: AbortSignal): Promise<RetrievedChunk[][]> {
  const parts = askedParts(message).slice(0, MAX_ANSWER_PARTS);
  if (parts.length < 2) return [];
  const lists: RetrievedChunk[][] = [];
  for (const [i, part] of parts.entries()) {
    signal?.throwIfAborted();
    lists.push(
      await retriever(part.text, signal, { context: partContext(message, parts, i) }).catch((error: unknown) => {
        console.warn("[chat] retrieval of an asked part failed:", error instanceof Error ? error.message : error);
        return [];
      }),
    );
  }
  return lists;
}

/** Sources a part names for the engine: its best passage, and the next one when it is a source too. */
const SOURCES_PER_PART = 2;

export interface PartSources {
  sources: ChatSource[];
  /** Per asked part, in the order asked: the 1-based numbers of the sources that answer it, best first. [] for a single-part question. */
  parts: Array<{ sources: number[] }>;
}

/**
 * Numbers the sources of a turn. `perPart` holds each asked part's own passages (best first);
 * with fewer than two parts that found something, this is `numberSources(whole)` and no parts.
 */
export function numberPartSources(whole: RetrievedChunk[], perPart: RetrievedChunk[][], message = ""): PartSources {
  // A part searched on its own words and the message's topic can land on another subject ("will it
  // go away?" after a story about ringing ears finds "ring chromosome 20"): a part keeps only
  // passages of a page the whole message found, or of a page whose title the message names.
  const onTopic = onTopicFor(whole, message);
  const found = perPart.map((list) => list.filter(onTopic)).filter((list) => list.length > 0);
  if (found.length < 2) return { sources: numberSources(whole), parts: [] };
  const sources: ChatSource[] = [];
  const byChunk = new Map<string, number>();
  const add = (c: RetrievedChunk): number => {
    const known = byChunk.get(c.chunkId);
    if (known !== undefined) return known;
    const n = sources.length + 1;
    sources.push({ n, chunkId: c.chunkId, documentId: c.documentId, title: c.title, url: c.url, headingPath: c.headingPath, text: c.text });
    byChunk.set(c.chunkId, n);
    return n;
  };
  // Each part's best passage first, in the order the parts were asked (a section each, even of one page).
  // Two parts whose searches rank the same passage first ("What is gout" and "how is it treated?"
  // both find the overview) differ in what they ask: the later part takes its next passage that
  // on the same page that the whole message ranks too (the page's treatment section), else it
  // shares the passage.
  const wholeIds = new Set(whole.map((c) => c.chunkId));
  const bestOf: RetrievedChunk[] = [];
  for (const list of found) {
    const taken = (c: RetrievedChunk) => bestOf.some((b) => b.chunkId === c.chunkId);
    const first = list[0]!;
    const other = (c: RetrievedChunk) => !taken(c) && c.documentId === first.documentId && wholeIds.has(c.chunkId);
    const best = taken(first) ? (list.find(other) ?? first) : first;
    bestOf.push(best);
    add(best);
  }
  // Then the whole message's passages, one source per page not shown yet, up to MAX_SOURCES.
  const shownDocuments = new Set(sources.map((s) => s.documentId));
  for (const s of numberSources(whole.filter((c) => !byChunk.has(c.chunkId) && !shownDocuments.has(c.documentId)))) {
    if (sources.length >= Math.max(MAX_SOURCES, found.length)) break;
    const n = sources.length + 1;
    sources.push({ ...s, n });
    byChunk.set(s.chunkId, n);
  }
  // A part's further sources never include another part's best one (the answer would stay there for both).
  const bests = bestOf.map((c) => byChunk.get(c.chunkId)!);
  const parts = found.map((list, i) => ({
    sources: [
      ...new Set(
        [bestOf[i]!, ...list]
          .map((c) => byChunk.get(c.chunkId))
          .filter((n): n is number => n !== undefined && (n === bests[i] || !bests.includes(n))),
      ),
    ].slice(0, SOURCES_PER_PART),
  }));
  return { sources, parts };
}

/** Whether a part's passage is on a page the whole message found (same document or title), or on one whose title the message names. */
function onTopicFor(whole: RetrievedChunk[], message: string): (c: RetrievedChunk) => boolean {
  const documents = new Set(whole.map((c) => c.documentId));
  const titles = new Set(whole.map((c) => c.title.toLowerCase()));
  const said = words(message);
  // "eating" names "eat", "diabetes" names "diabetes": a shared start of at least three letters.
  const named = (w: string) => said.some((m) => (m.length >= 3 && w.startsWith(m)) || (w.length >= 3 && m.startsWith(w)));
  return (c) =>
    documents.has(c.documentId) || titles.has(c.title.toLowerCase()) || (words(c.title).length > 0 && words(c.title).every(named));
}
