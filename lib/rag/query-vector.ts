// The vector the vector side searches with. The embedder (models/embedder) was trained on
// MedQuAD's one-line questions ("What are the treatments for Gout ?") against answers under
// "<topic> > <aspect>" headings; a person's message is a subject line above a story, and its
// embedding alone lands near unrelated passages (consumer dev split: the relevant answer in
// the vector top 10 for 37 % of the messages, MRR 0.23). So the message is also asked the way
// the embedder understands: its subject line as MedQuAD-style questions, one for the overview
// and one per aspect the message asks about (query-terms.ts `aspectsAsked`). The query vector
// is the normalised sum of the message's own embedding and the mean of those questions' (dev
// split, exact cosine over the 9,426-chunk evaluation knowledge base: top-10 hit 37 → 55 %,
// MRR 0.23 → 0.35; docs/retrieval-eval.md, fifth session). A message without a subject line is
// embedded as it is: a topic guessed from its words phrased as a question did worse than the
// message itself.
import type { QueryEmbedder } from "./embed";
import { aspectsAsked, splitSubject } from "./query-terms";

/** MedQuAD's question for each aspect (its heading lexeme in query-terms.ts), `{}` = the topic. */
const ASPECT_QUESTIONS: Record<string, string> = {
  treatment: "What are the treatments for {} ?",
  caus: "What causes {} ?",
  symptom: "What are the symptoms of {} ?",
  diagnos: "How to diagnose {} ?",
  inherit: "Is {} inherited ?",
  prevent: "How to prevent {} ?",
  outlook: "What is the outlook for {} ?",
  risk: "Who is at risk for {} ?",
  frequenc: "How many people are affected by {} ?",
  complic: "What are the complications of {} ?",
};
const OVERVIEW_QUESTION = "What is (are) {} ?";
/** A topic longer than this is not a subject line people summarise with (cut at a word). */
const MAX_TOPIC_CHARS = 100;

/** The MedQuAD-style questions a message's subject line stands for; [] when it has none. */
export function templateQuestions(text: string): string[] {
  const { subject } = splitSubject(text.trim());
  let topic = subject
    .replace(/\s+/g, " ")
    .replace(/[?!.:;,]+$/, "")
    .trim();
  if (!topic) return [];
  if (topic.length > MAX_TOPIC_CHARS) topic = topic.slice(0, MAX_TOPIC_CHARS).replace(/\s+\S*$/, "");
  const templates = [OVERVIEW_QUESTION, ...aspectsAsked(text).flatMap((a) => (ASPECT_QUESTIONS[a] ? [ASPECT_QUESTIONS[a]] : []))];
  return templates.map((t) => t.replace("{}", topic));
}

function unit(v: number[]): number[] {
  const n = Math.hypot(...v);
  return n > 0 ? v.map((x) => x / n) : v;
}

/** The message's query vector: its own embedding, plus its template questions' mean when it has a subject line. */
export async function messageVector(embedder: QueryEmbedder, text: string): Promise<number[]> {
  const questions = templateQuestions(text);
  // The short questions go in their own batch: batched with the message they would be padded to its length.
  const [own, asked] = await Promise.all([
    embedder.embedQuery(text),
    questions.length === 0
      ? []
      : embedder.embedQueries
        ? embedder.embedQueries(questions)
        : Promise.all(questions.map((t) => embedder.embedQuery(t))),
  ]);
  if (asked.length === 0) return own;
  const mean = unit(own.map((_, k) => asked.reduce((s, v) => s + v[k], 0)));
  return unit(own.map((x, k) => x + mean[k]));
}
