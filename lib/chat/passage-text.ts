// The text of a retrieved passage as the chat shows and quotes it. A chunk never crosses a
// section (lib/rag/chunk.ts), and a section that opens with a list ("## Symptoms" then
// "- sudden, intense pain…") gives a chunk whose text starts with bare bullets: its heading
// is only in the heading path. Quote mode keeps a list with the sentence that introduces it
// (gpu-function/shared/quote-units.ts), so such a list was quoted with no lead-in at all.
// The passage gets its section heading back as that introduction ("Symptoms of Gout:"):
// words of the source page itself, shown in the source's text (the sources list and the
// prompt), so a quote of it is still verbatim from the source it cites.
import { quoteUnits, startsWithListItem } from "@/gpu-function/shared/quote-units";
import { aspectsAsked } from "@/lib/rag/query-terms";
import type { ChatSource, RetrievedChunk } from "./types";

/** Section headings that read as "<heading> of <topic>" ("Symptoms of Gout", "Side effects of Metformin"). */
const OF_HEADINGS =
  /^(symptoms|signs|signs and symptoms|causes|causes and risk factors|risk factors|treatment|treatments|treatment and management|management|prevention|diagnosis|complications|side effects|safety|safety and interactions|interactions|types|stages|common uses|uses)$/i;

/**
 * The line that introduces a list opening a passage, from its heading path ("Gout > Symptoms"
 * → "Symptoms of Gout:", "Gout > When to seek care" → "When to seek care (Gout):"); the title
 * alone when the path has no section. Ends with ":" so the list and it make one quote unit.
 */
export function listLeadIn(headingPath: string, title: string): string {
  const headings = headingPath
    .split(" > ")
    .map((h) => h.trim())
    .filter(Boolean);
  const topic = headings[0] ?? title.trim();
  const section = headings.length > 1 ? headings.at(-1)! : "";
  // A heading that ends a sentence or asks a question is no lead-in, nor one the topic already says
  // ("Heart attack warning signs > Symptoms"): the topic alone is.
  const said = aspectsAsked(topic);
  if (!section || /[.?!:]$/.test(section) || aspectsAsked(section).some((a) => said.includes(a)))
    return `${topic.replace(/[.?!:]+$/, "")}:`;
  // The topic as written: "Lyme disease", "Crohn's disease" are names (a lower-cased "gout" would need to know which are).
  return OF_HEADINGS.test(section) ? `${section} of ${topic}:` : `${section} (${topic}):`;
}

/**
 * The starter pages' "Other names: sore knee, runner's knee, …" line is for search (lib/rag/aliases.ts records it as
 * synonyms): a list of names, not a sentence a reader is answered with, so a source does not show it and quote mode
 * cannot quote it ("is hand foot and mouth contagious?" ended its answer with "Other names: HFMD, …").
 */
const OTHER_NAMES_LINE = "Other names:";
function withoutOtherNamesLine(text: string): string {
  if (!text.includes(OTHER_NAMES_LINE)) return text;
  const kept = text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith(OTHER_NAMES_LINE))
    .join("\n");
  return kept.trim() ? kept : text;
}

/** A passage's text as a source shows it: a list it opens with gets its lead-in line; the "Other names:" line is left out. */
export function passageText(chunk: { text: string; headingPath: string; title: string }): string {
  const text = withoutOtherNamesLine(chunk.text);
  return startsWithListItem(text.trimStart()) ? `${listLeadIn(chunk.headingPath, chunk.title)}\n${text.trimStart()}` : text;
}

/** A retrieved passage as numbered source `n` (its text as `passageText` shows it). */
export function sourceOfPassage(c: RetrievedChunk, n: number): ChatSource {
  return { n, chunkId: c.chunkId, documentId: c.documentId, title: c.title, url: c.url, headingPath: c.headingPath, text: passageText(c) };
}

/** A passage's place in its page: the chunk position ingestion writes into its id ("<document>#<position>"); unknown ids sort last. */
export function passagePosition(c: { chunkId: string }): number {
  const hash = c.chunkId.lastIndexOf("#");
  const position = hash >= 0 ? Number(c.chunkId.slice(hash + 1)) : Number.NaN;
  return Number.isInteger(position) && position >= 0 ? position : Number.MAX_SAFE_INTEGER;
}

/**
 * How a unit that only points elsewhere opens: MedQuAD's genetics pages end a section with lists of links
 * ("These resources address the diagnosis or management of…: - Gene Review: …", "These resources from
 * MedlinePlus offer information about…: - Diagnostic Tests - Drug Therapy…") and its symptom pages with
 * notes about a table and a dictionary a chat answer cannot show. Quoted, they answer nothing.
 */
const POINTER_OPENINGS = [
  "These resources address",
  "These resources from",
  "You can use the MedlinePlus Medical Dictionary",
  "If the information is available, the table below",
];

/** Whether a quote unit only points to other resources (`POINTER_OPENINGS`). */
export const pointsElsewhere = (unit: string) => POINTER_OPENINGS.some((p) => unit.startsWith(p));

/** What stands for a source's text when all of it only points elsewhere: a source needs text, and this offers no quote. */
export const NOTHING_TO_QUOTE = "…";

/**
 * A source's text without its units that only point elsewhere (each cut as a whole unit, so what is left
 * stays verbatim); `NOTHING_TO_QUOTE` when nothing is left.
 */
export function withoutPointers(text: string): string {
  let out = "";
  let from = 0;
  for (const u of quoteUnits(text)) {
    if (!pointsElsewhere(u.text)) continue;
    out += text.slice(from, u.start);
    from = u.end;
  }
  if (from === 0) return text;
  return (out + text.slice(from)).trim() || NOTHING_TO_QUOTE;
}
