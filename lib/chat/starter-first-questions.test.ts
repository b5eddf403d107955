// The first questions a member of the public types into a health chat (lay words, typos, short
// and long; lib/rag/eval-sets/starter-first-questions*.jsonl, each written before any change it measures), over
// the real starter knowledge base with the chat's retrieval options (full text, deterministic):
// every question the starter base covers finds a passage, and its first passage is from the
// right page — and from the section asked for ("when should I worry" → When to seek care).
// A question on something the starter base has no page for finds nothing (an honest "nothing
// found"), not an unrelated page. STARTER_QUESTIONS_REPORT=1 prints the table.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { MAX_SOURCES } from "@/lib/chat/prompt";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { retrieveHybrid } from "@/lib/rag/retrieve";
import { ensureStarterKnowledgeBase } from "@/lib/rag/starter";
import { OFF_TOPIC_HELD_OUT_QUERIES, OFF_TOPIC_QUERIES } from "@/lib/rag/off-topic-queries";
import { freshDb } from "@/lib/rag/test-helpers";
import { currentStarterTitle } from "@/lib/rag/starter-retitled";

interface FirstQuestion {
  id: string;
  q: string;
  /** Starter pages whose passage is a right first passage; [] = the starter base had no page for it. */
  expect: string[];
  /** The section the question asks for, when it asks for one. */
  section?: string;
  /** What the question is about when the starter base had no page for it when the set was written. */
  missing?: string;
  /** The same, in the blind third set's words. */
  gap?: string;
}

interface QuestionSet {
  file: string;
  /**
   * Questions still answered from another page first (or another section), as measured after the
   * changes the set was written for (README of eval-sets); listed so that any other question going
   * wrong fails the test.
   */
  knownMisses: Set<string>;
  /** Starter pages written after the set, for its `missing` subjects (each also a right first passage). */
  addedPages: Record<string, string>;
  /** Starter pages written after the set that answer a question it already had a page for (by question id). */
  alsoAnsweredBy?: Record<string, string>;
  /**
   * The set's `section` is where its judge found the answer in the best page, on every question, not
   * the section the question asks for: at least this many first passages are from it (not each one).
   */
  sectionsWhereAnswered?: number;
}

const SETS: QuestionSet[] = [
  {
    file: "starter-first-questions.jsonl",
    knownMisses: new Set([
      "sf-065", // "red itchy welts after eating shrimp" → Hives (urticaria) (added later; names welts), then Food allergy
    ]),
    addedPages: {
      indigestion: "Indigestion (dyspepsia)",
      cough: "Cough",
      nausea: "Nausea (feeling sick)",
      toothache: "Toothache",
      "mouth ulcers": "Mouth ulcers (canker sores)",
      warts: "Warts and verrucas",
      cramps: "Leg cramps",
      hiccups: "Hiccups",
      "hives/rash": "Hives (urticaria)",
      colic: "Colic",
      dandruff: "Dandruff (flaky scalp)",
    },
    // Knee pain (tenth session) names osteoarthritis as the usual cause of knee pain in older adults.
    alsoAnsweredBy: { "sf-024": "Knee pain" },
  },
  {
    file: "starter-first-questions-2.jsonl",
    knownMisses: new Set([
      "sf2-023", // "blood sugar 250 after eating am i diabetic" → Low blood sugar (its title names "blood sugar")
      "sf2-024", // "diabetic … shaky and sweaty, what should i eat" → Low blood sugar > Symptoms (the symptoms' words), not Treatment
      "sf2-029", // "bloated … between diarrhoea and constipation" → Constipation (its title is named), IBS second
      "sf2-035", // "faint and sick … after a day in the sun" → Sunburn and sun safety (its title names "sun")
    ]),
    addedPages: {
      "nappy rash": "Nappy rash",
      hives: "Hives (urticaria)",
      impetigo: "Impetigo (crusty skin sores)",
      tinnitus: "Tinnitus (ringing in the ears)",
      earwax: "Earwax build-up (blocked ear)",
      "cuts and grazes": "Cuts and grazes",
      "emergency contraception": "Emergency contraception",
      threadworms: "Threadworms (pinworms)",
      stye: "Stye (eyelid lump)",
      teething: "Teething",
      "hair loss": "Hair loss (thinning hair and baldness)",
      "oral thrush": "Oral thrush (mouth thrush)",
      "late periods": "Missed periods",
    },
    // Pages of the eleventh session: sickness in early pregnancy, car sickness, a racing heart.
    alsoAnsweredBy: {
      "sf2-006": "Nausea and vomiting in pregnancy",
      "sf2-007": "Motion sickness (travel sickness)",
      // A racing heart that starts and stops within minutes is a panic attack or a heart rhythm problem:
      // the Palpitations page names both (and panic attacks as a cause); Panic attacks comes second.
      "sf2-008": "Palpitations (feeling your heartbeat)",
    },
  },
  {
    file: "starter-first-questions-new-topics.jsonl",
    knownMisses: new Set([
      "sfn-071", // "itchy red rash on my baby's bottom" → Hives (its other name "itchy rash" is read as a synonym), Nappy rash second; so on main too
    ]),
    // Misjudged when written: the Inhalers page says inhaled steroids can cause thrush in the mouth, and how to prevent it.
    alsoAnsweredBy: { "sfn-009": "Inhalers for asthma and COPD" },
    addedPages: {
      "hand, foot and mouth disease": "Hand, foot and mouth disease",
      croup: "Croup (barking cough in children)",
      bronchiolitis: "Bronchiolitis and RSV",
      teething: "Teething",
      "oral thrush": "Oral thrush (mouth thrush)",
      ringworm: "Ringworm (fungal skin infection)",
      rosacea: "Rosacea",
      cellulitis: "Cellulitis (skin infection)",
      boils: "Skin boils and abscesses",
      "ingrown toenail": "Ingrown toenail",
      "glandular fever": "Glandular fever (mono)",
      "sexually transmitted infections": "Sexually transmitted infections (STIs) and chlamydia",
      "heavy periods": "Heavy periods",
      "morning sickness": "Nausea and vomiting in pregnancy",
      gallstones: "Gallstones",
      "hair loss": "Hair loss (thinning hair and baldness)",
      "deep vein thrombosis": "Deep vein thrombosis (DVT, blood clot in the leg)",
      "heart palpitations": "Palpitations (feeling your heartbeat)",
      "atrial fibrillation": "Atrial fibrillation (AFib)",
      "vitamin D deficiency": "Vitamin D deficiency (low vitamin D)",
      "vitamin B12 deficiency": "Vitamin B12 deficiency (low B12)",
      "varicose veins": "Varicose veins",
      diverticulitis: "Diverticular disease and diverticulitis",
      "neck pain": "Neck pain",
      "shoulder pain": "Shoulder pain and frozen shoulder",
      "tennis elbow": "Tennis elbow (elbow pain)",
      "motion sickness": "Motion sickness (travel sickness)",
      "travellers' diarrhoea": "Tummy bugs when travelling abroad",
      "bed bugs": "Bed bugs",
      "whooping cough": "Whooping cough (pertussis)",
      "bacterial vaginosis": "Bacterial vaginosis (BV)",
      "dry eyes": "Dry eyes",
    },
  },
  {
    file: "starter-first-questions-3.jsonl",
    // Measured on main before any page was written for the set (d983e73) and still so: none is a new page's doing.
    knownMisses: new Set([
      "sf3-018", // "toddler hasnt pooed in 4 days and screams …" → no passage (Constipation)
      "sf3-032", // "loose motions for 5 days now, when should i see a doctor" → no passage (Gastroenteritis)
      "sf3-048", // "forgot my pill yesterday, am i still protected" → no passage (Contraceptive pill)
      "sf3-070", // "what vaccinations do i need for thailand" → no passage (Vaccination basics)
      "sf3-067", // "metformin giving me an upset stomach …" → Indigestion (upset stomach) by its title, Metformin third
      "sf3-089", // "always thirsty and peeing loads, could i have sugar?" → Prediabetes, Type 2 diabetes second
      "sf3-033", // gap (omeprazole long term) → Levothyroxine > Safety and interactions
      "sf3-065", // gap (a missed dose) → Blood pressure medicines > Safety and interactions
      "sf3-066", // gap (out-of-date Panadol) → Acetaminophen (paracetamol) > What it is
    ]),
    addedPages: {
      "hand, foot and mouth disease": "Hand, foot and mouth disease",
      "missed or late periods": "Missed periods",
      "testicular lumps": "Testicle lumps and swellings",
      "jock itch (fungal groin infection)": "Ringworm (fungal skin infection)",
      "travellers' diarrhoea": "Tummy bugs when travelling abroad",
      "motion sickness": "Motion sickness (travel sickness)",
      "DVT and long-haul flights": "Deep vein thrombosis (DVT, blood clot in the leg)",
      "chlamydia and STI testing": "Sexually transmitted infections (STIs) and chlamydia",
      "bacterial vaginosis": "Bacterial vaginosis (BV)",
      "HIV prevention and PrEP": "HIV testing and prevention (PrEP and PEP)",
      // The Acetaminophen page's Safety section now says when paracetamol and ibuprofen can be taken together, and about co-codamol.
      "taking paracetamol and ibuprofen together": "Acetaminophen (paracetamol)",
      teething: "Acetaminophen (paracetamol)",
      "codeine and co-codamol": "Acetaminophen (paracetamol)",
    },
    // Pages written after the set that answer a question it judged answered by another page.
    alsoAnsweredBy: {
      "sf3-012": "Ibuprofen and other NSAIDs",
      "sf3-019": "Croup (barking cough in children)",
      "sf3-076": "Vitamin D deficiency (low vitamin D)",
    },
    sectionsWhereAnswered: 33,
  },
];

const readQuestions = (file: string): FirstQuestion[] =>
  fs
    .readFileSync(path.join(process.cwd(), "lib/rag/eval-sets", file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FirstQuestion)
    .map((q) => (q.gap && !q.missing ? { ...q, missing: q.gap } : q));

interface Outcome {
  question: FirstQuestion;
  title: string | null;
  heading: string | null;
  /** The first passage is from a right page (or, for a question the base has no page for, there is none). */
  right: boolean;
  /** The first passage is from the section asked for (when one is). */
  rightSection: boolean | null;
}

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
  const report = await ensureStarterKnowledgeBase(h.db, createHashingEmbedder());
  expect(report.failed).toEqual([]);
}, 120_000);
afterAll(() => h.close());

const firstPassage = async (q: string) => (await retrieveHybrid(h.db, null, q, { mode: "text", k: MAX_SOURCES, maxPerDocument: 2 }))[0];

describe.each(SETS)("first questions of the public over the starter knowledge base ($file)", (set) => {
  const questions = readQuestions(set.file);
  const rightTitles = (q: FirstQuestion) => [
    ...[
      ...q.expect,
      ...(q.missing && set.addedPages[q.missing] ? [set.addedPages[q.missing]] : []),
      ...(set.alsoAnsweredBy?.[q.id] ? [set.alsoAnsweredBy[q.id]!] : []),
    ].map(currentStarterTitle),
  ];
  const outcomes: Outcome[] = [];
  beforeAll(async () => {
    for (const question of questions) {
      const top = await firstPassage(question.q);
      const titles = rightTitles(question);
      outcomes.push({
        question,
        title: top?.title ?? null,
        heading: top?.headingPath ?? null,
        right: titles.length === 0 ? !top : titles.includes(top?.title ?? ""),
        rightSection: question.section ? (top?.headingPath.endsWith(question.section) ?? false) : null,
      });
    }
    if (process.env.STARTER_QUESTIONS_REPORT) {
      for (const o of outcomes)
        console.log(
          `${o.right ? "ok " : "BAD"} ${o.rightSection === false ? "sec" : "   "} ${o.question.id} ${o.question.q} → ${o.heading ?? "(no passage)"}`,
        );
      const covered = outcomes.filter((o) => rightTitles(o.question).length > 0);
      const uncovered = outcomes.filter((o) => rightTitles(o.question).length === 0);
      console.log(
        `${set.file}: covered ${covered.length}: passage ${covered.filter((o) => o.title).length}, right page ${covered.filter((o) => o.right).length}; ` +
          `uncovered ${uncovered.length}: no passage ${uncovered.filter((o) => !o.title).length}; ` +
          `all: right or honestly nothing ${outcomes.filter((o) => o.right).length}/${outcomes.length}; ` +
          `section asked ${outcomes.filter((o) => o.rightSection !== null).length}: right ${outcomes.filter((o) => o.rightSection).length}`,
      );
    }
  }, 120_000);

  it("has at least 60 questions", () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
  });

  it("finds a passage for every question the starter base covers, and the right page first for all but the known misses", () => {
    const covered = outcomes.filter((o) => rightTitles(o.question).length > 0);
    expect(covered.filter((o) => !o.title && !set.knownMisses.has(o.question.id)).map((o) => o.question.q)).toEqual([]);
    const wrong = covered
      .filter((o) => !o.right && !set.knownMisses.has(o.question.id))
      .map((o) => `${o.question.q} → ${o.heading ?? "(no passage)"}`);
    expect(wrong).toEqual([]);
  });

  it("quotes the section asked for (all but the known misses)", () => {
    if (set.sectionsWhereAnswered !== undefined) {
      expect(outcomes.filter((o) => o.rightSection).length).toBeGreaterThanOrEqual(set.sectionsWhereAnswered);
      return;
    }
    const wrong = outcomes
      .filter((o) => o.rightSection === false && !set.knownMisses.has(o.question.id))
      .map((o) => `${o.question.q} → ${o.heading ?? "(no passage)"}`);
    expect(wrong).toEqual([]);
  });

  it("finds no unrelated page for a question the starter base has no page for (all but the known misses)", () => {
    const wrong = outcomes
      .filter((o) => rightTitles(o.question).length === 0 && o.title && !set.knownMisses.has(o.question.id))
      .map((o) => `${o.question.q} → ${o.heading}`);
    expect(wrong).toEqual([]);
  });
});

describe("off-topic questions over the starter knowledge base", () => {
  it("rejects off-topic questions (not about health) at least as well as before the first set", async () => {
    // Before the changes measured with the first set: 6 of 104 found a starter passage.
    const found: string[] = [];
    for (const q of [...OFF_TOPIC_QUERIES, ...OFF_TOPIC_HELD_OUT_QUERIES]) {
      const top = await firstPassage(q);
      if (top) found.push(`${q} → ${top.headingPath}`);
    }
    if (process.env.STARTER_QUESTIONS_REPORT)
      console.log(
        `off-topic: ${found.length} of ${OFF_TOPIC_QUERIES.length + OFF_TOPIC_HELD_OUT_QUERIES.length} found a passage\n${found.join("\n")}`,
      );
    expect(found.length).toBeLessThanOrEqual(5);
  }, 120_000);
});
