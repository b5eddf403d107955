// Knowledge-base-grounded training examples, generated from the current knowledge base in
// the prompt format the chat pipeline uses in quote mode: a question derived from a
// passage's document title and heading, the passages the app's lexical retrieval finds for
// it as numbered sources (the passage itself always among them), and as the answer the
// passage's first sentences, verbatim, each ending with its [n] — exactly what quote mode
// writes. Deterministic (passages chosen by the hash of their id, lexical retrieval) and
// bounded (RETRAIN_KB_EXAMPLES).
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { clipToUnits, formatQuotedAnswer, quoteUnits } from "@/gpu-function/shared/quote-units";
import { numberSources, PROMPT_LEVELS } from "@/lib/chat/prompt";
import type { Db } from "@/lib/db";
import { chunks, documents } from "@/lib/db/schema";
import { retrieveHybrid } from "@/lib/rag/retrieve";
import { TRAINING_PROMPT_LEVEL, type SourceText, type TrainingExample } from "./dataset";

export const DEFAULT_KB_EXAMPLES = 60;
/** Passages shorter than this hold too little to answer from. */
const MIN_PASSAGE_CHARS = 120;
/** Longest quoted answer (characters before markers): the first sentences, like the default adapter's answers. */
const ANSWER_CHARS = 320;

export function kbExampleLimit(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.RETRAIN_KB_EXAMPLES ?? DEFAULT_KB_EXAMPLES);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 5000) : DEFAULT_KB_EXAMPLES;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** A question a person could ask that this section answers; null when the heading says nothing usable. */
export function questionForSection(title: string, headingPath: string): string | null {
  const parts = headingPath
    .split(" > ")
    .map((p) => p.trim())
    .filter(Boolean);
  const topic = (parts[0] || title).trim().slice(0, 120);
  if (!topic) return null;
  const heading = (parts.length > 1 ? parts.at(-1)! : "").slice(0, 200);
  if (heading.endsWith("?")) return heading.replace(/\s+\?$/, "?"); // MedQuAD headings are the questions
  const h = heading.toLowerCase();
  const has = (...words: string[]) => words.some((w) => h.includes(w));
  if (!h || has("what it is", "overview", "summary", "about", "definition", "what is")) return `What is ${topic}?`;
  if (has("symptom", "signs")) return `What are the symptoms of ${topic}?`;
  if (has("cause", "risk factor")) return `What causes ${topic}?`;
  if (has("diagnos", "test")) return `How is ${topic} diagnosed?`;
  if (has("treat", "manage", "medicine")) return `How is ${topic} treated?`;
  if (has("prevent")) return `How can ${topic} be prevented?`;
  if (has("seek care", "see a doctor", "when to", "emergency")) return `When should I get medical help for ${topic}?`;
  if (has("complication", "outlook", "prognosis")) return `What is the outlook for ${topic}?`;
  if (has("living with", "self-care", "self care", "home")) return `How can I look after myself with ${topic}?`;
  return `What should I know about ${heading} in ${topic}?`;
}

/** The passage's first whole sentences (as the prompt shows them), each a verbatim quote citing source n. */
function quotedAnswer(text: string, n: number): string | null {
  const units = quoteUnits(text);
  const picked: string[] = [];
  let chars = 0;
  for (const u of units) {
    if (picked.length > 0 && chars + u.text.length > ANSWER_CHARS) break;
    picked.push(u.text);
    chars += u.text.length;
    if (u.text.includes("\n")) break; // a list ends the answer's first paragraph
  }
  if (picked.length === 0) return null;
  return formatQuotedAnswer(picked.map((t) => ({ text: t, source: n })));
}

export async function knowledgeBaseExamples(db: Db, limit = kbExampleLimit()): Promise<TrainingExample[]> {
  if (limit === 0) return [];
  const rows = await db
    .select({ id: chunks.id, documentId: chunks.documentId, headingPath: chunks.headingPath, title: documents.title })
    .from(chunks)
    .innerJoin(documents, eq(documents.id, chunks.documentId))
    .where(and(eq(documents.status, "active"), sql`length(${chunks.text}) >= ${MIN_PASSAGE_CHARS}`));
  const chosen = rows
    .map((r) => ({ ...r, question: questionForSection(r.title, r.headingPath), key: sha(`kb-example:${r.id}`) }))
    .filter((r): r is typeof r & { question: string } => r.question !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
  if (chosen.length === 0) return [];
  const texts = new Map(
    (
      await db
        .select({ id: chunks.id, text: chunks.text })
        .from(chunks)
        .where(
          sql`${chunks.id} IN (${sql.join(
            chosen.map((c) => sql`${c.id}`),
            sql`, `,
          )})`,
        )
    ).map((r) => [r.id, r.text]),
  );
  const size = PROMPT_LEVELS[TRAINING_PROMPT_LEVEL];
  const out: TrainingExample[] = [];
  for (const c of chosen) {
    const own = texts.get(c.id);
    if (!own) continue;
    let retrieved: Awaited<ReturnType<typeof retrieveHybrid>> = [];
    try {
      retrieved = await retrieveHybrid(db, null, c.question, { mode: "text", k: 4, maxPerDocument: 2 });
    } catch {
      // nothing found lexically: the passage alone is the source
    }
    const others = numberSources(retrieved.filter((r) => r.documentId !== c.documentId)).slice(0, size.sources - 1);
    // The passage's position among the sources comes from its hash, so the model does not learn "always [1]".
    const at = parseInt(c.key.slice(0, 4), 16) % (others.length + 1);
    const ordered = [...others.map((o) => ({ title: o.headingPath || o.title, text: o.text }))];
    ordered.splice(at, 0, { title: c.headingPath || c.title, text: own });
    const sources: SourceText[] = ordered.map((s, i) => ({ n: i + 1, title: s.title, text: s.text }));
    const right = at + 1;
    // Quote from the passage as the prompt shows it (clipped to whole sentences).
    const answer = quotedAnswer(clipToUnits(sources[at].text, size.sourceChars), right);
    if (!answer) continue;
    out.push({ question: c.question, sources, answer, origin: `kb:${c.id}`, rightSources: [right] });
  }
  return out;
}
