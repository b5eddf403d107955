// Sources for a question that asks several things: each asked part's best passage is a
// source of its own (so "What is hemochromatosis and how is it treated?" shows the overview
// and the treatment section, even when both are sections of one page and the message as a
// whole ranks only one of them high), then the whole message's passages as usual. The parts'
// source numbers go to the gpu-function as `grounding.parts` (quote mode answers each part in
// turn: gpu-function/engine/quote-prior.ts).
import { words } from "@/lib/rag/query-terms";
import { type AskedPart, askedParts, asksWhatItIs, namesOwnTopic, partContext } from "./asked-parts";
import { passagePosition, sourceOfPassage } from "./passage-text";
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
  /** Per asked part, in the order asked: the 1-based numbers of the sources that answer it, best first, and the part's text. [] for a single-part question. */
  parts: Array<{ sources: number[]; asks: string }>;
}

/**
 * Numbers the sources of a turn. `perPart` holds each asked part's own passages (best first);
 * with fewer than two parts that found something, this is `numberSources(whole)` and no parts.
 */
export function numberPartSources(whole: RetrievedChunk[], perPart: RetrievedChunk[][], message = ""): PartSources {
  // A part searched on its own words and the message's topic can land on another subject ("will it
  // go away?" after a story about ringing ears finds "ring chromosome 20"): a part keeps only
  // passages of a page the whole message found, or of a page whose title the message names. A
  // part that names nothing of its own ("what can we do?", "how is it treated?") is about the
  // message's subject: it keeps only passages on that subject (`subjectOf`), not another page
  // the message happened to find ("Is this dementia and what can we do?" found an ADHD page).
  const asked = askedParts(message).slice(0, MAX_ANSWER_PARTS);
  const onTopic = onTopicFor(whole, message);
  const onSubject = onSubjectFor(whole, perPart, message);
  const leans = perPart.map((_, i) => asked[i] !== undefined && !namesOwnTopic(asked[i]!.text));
  const own = perPart.map((list, i) =>
    leadFirst(
      // A side of a comparison names its own subject ("heartburn" of "heartburn or a heart attack?"): its page stands.
      list.filter((c) => (asked[i]?.compared || onTopic(c)) && (!leans[i] || onSubject(c))),
      asked[i],
    ),
  );
  const kept = own
    .map((list, i) => {
      if (list.length > 0 || !leans[i]) return list;
      // A part that leans on the message and found nothing on its subject: the message's passages on it
      // that no other part starts from (sharing another part's passage adds nothing to the answer).
      const othersFirst = new Set(own.flatMap((l) => (l[0] ? [l[0].chunkId] : [])));
      return whole.filter((c) => onSubject(c) && !othersFirst.has(c.chunkId));
    })
    .map((list, i) => ({ list, asks: asked[i]?.text ?? message }))
    .filter(({ list }) => list.length > 0);
  const found = kept.map(({ list }) => list);
  if (found.length < 2) return { sources: numberSources(whole, { leadFirst: asked.length < 2 && asksWhatItIs(message) }), parts: [] };
  const sources: ChatSource[] = [];
  const byChunk = new Map<string, number>();
  const add = (c: RetrievedChunk): number => {
    const known = byChunk.get(c.chunkId);
    if (known !== undefined) return known;
    const n = sources.length + 1;
    sources.push(sourceOfPassage(c, n));
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
    asks: kept[i]!.asks,
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

const byPosition = (a: RetrievedChunk, b: RetrievedChunk) => passagePosition(a) - passagePosition(b);

/** A part asking what something is ("What is gout", a side of a comparison): its passages with its best page's lead (position 0) first, when the part found it. */
function leadFirst(list: RetrievedChunk[], part: AskedPart | undefined): RetrievedChunk[] {
  if (!part || list.length === 0 || !(part.compared || asksWhatItIs(part.text))) return list;
  const lead = list.filter((c) => c.documentId === list[0]!.documentId).sort(byPosition)[0]!;
  return passagePosition(lead) === 0 ? [lead, ...list.filter((c) => c !== lead)] : list;
}

/** A passage's subject: the first heading of its path (the page's topic: "Gout" of "Gout > Symptoms"; MedQuAD's focus), else its title. */
const subjectOf = (c: RetrievedChunk) => (c.headingPath.split(" > ")[0] || c.title).trim().toLowerCase();

/** Whether a passage is on the message's subject: that of the message's best passage, or one the message names. */
function onSubjectFor(whole: RetrievedChunk[], perPart: RetrievedChunk[][], message: string): (c: RetrievedChunk) => boolean {
  const named = namedBy(message);
  const subjects = new Set(whole.slice(0, 1).map(subjectOf));
  for (const c of [...whole, ...perPart.flat()]) if (named(subjectOf(c))) subjects.add(subjectOf(c));
  return (c) => subjects.has(subjectOf(c));
}

/** Whether the message names a title or subject: every word of it starts like a word of the message (at least three letters). */
function namedBy(message: string): (name: string) => boolean {
  const said = words(message);
  // "eating" names "eat", "diabetes" names "diabetes": a shared start of at least three letters.
  const names = (w: string) => said.some((m) => (m.length >= 3 && w.startsWith(m)) || (w.length >= 3 && m.startsWith(w)));
  return (name) => words(name).length > 0 && words(name).every(names);
}

/** Whether a part's passage is on a page the whole message found (same document or title), or on one whose title the message names. */
function onTopicFor(whole: RetrievedChunk[], message: string): (c: RetrievedChunk) => boolean {
  const documents = new Set(whole.map((c) => c.documentId));
  const titles = new Set(whole.map((c) => c.title.toLowerCase()));
  const named = namedBy(message);
  return (c) => documents.has(c.documentId) || titles.has(c.title.toLowerCase()) || named(c.title);
}
