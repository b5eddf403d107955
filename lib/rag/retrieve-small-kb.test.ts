// Tiny knowledge bases (a clinic's two or five uploaded leaflets): the relevance floors are
// computed from the knowledge base's own statistics, so they must still let a natural
// question find its document and still reject an unrelated one when the vocabulary is small.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "./embed-hashing";
import { retrieveHybrid } from "./retrieve";
import { CONDITIONS, doc, freshDbWith } from "./test-helpers";

const TWO = [
  doc(
    "sore-throat",
    "Sore throat remedies",
    "A sore throat is pain or irritation in the throat, usually caused by a viral infection. " +
      "Warm drinks, rest and throat lozenges can ease it. See a clinician if it lasts more than a week.",
  ),
  doc("back-pain", "Back pain", "Back pain is very common and usually improves within a few weeks with gentle activity."),
];

const OFF_TOPIC = [
  "What is the capital of Australia?",
  "How do I change a flat tyre on my bicycle?",
  "What is the speed of light in a vacuum?",
  "Find a hotel in the heart of the city",
  "How do I back up my phone to the cloud?",
  "Recommend a good science fiction novel",
];

describe.each([
  {
    size: 2,
    docs: TWO,
    questions: [
      ["How can I treat a sore throat?", "sore-throat"],
      ["What helps with back pain?", "back-pain"],
      ["hi, my throat has been really sore for 3 days and it hurts to swallow, what can I do? thanks", "sore-throat"],
      ["my lower back pain started when I moved house last weekend, should I rest or keep going?", "back-pain"],
    ],
  },
  {
    size: 5,
    docs: CONDITIONS,
    questions: [
      ["What are the symptoms of type 2 diabetes?", "diabetes-2"],
      ["I keep waking up wheezing and my chest feels tight, could it be asthma?", "asthma"],
      ["my dad has a really painful swollen big toe since last night, is that gout??", "gout"],
      ["Hello, I get these throbbing headaches with nausea and light hurts my eyes. What is going on?", "migraine"],
      ["kidney stone pain", "kidney-stones"],
    ],
  },
])("a knowledge base of $size documents", ({ docs, questions }) => {
  let h: DbHandle;
  const embedder = createHashingEmbedder();
  beforeAll(async () => {
    h = await freshDbWith(embedder, docs);
  });
  afterAll(() => h.close());

  it("finds the right document for natural questions (hybrid and full-text)", async () => {
    for (const [q, id] of questions) {
      expect((await retrieveHybrid(h.db, embedder, q))[0]?.documentId, q).toBe(id);
      expect((await retrieveHybrid(h.db, null, q, { mode: "text" }))[0]?.documentId, `${q} (text)`).toBe(id);
    }
  });

  it("returns nothing for unrelated questions", async () => {
    for (const q of OFF_TOPIC) expect(await retrieveHybrid(h.db, embedder, q), q).toEqual([]);
  });
});
