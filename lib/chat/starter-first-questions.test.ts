// The first questions a member of the public types into a health chat (lay words, typos, short
// and long; lib/rag/eval-sets/starter-first-questions.jsonl, written before any change it measures), over
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

interface FirstQuestion {
  id: string;
  q: string;
  /** Starter pages whose passage is a right first passage; [] = the starter base had no page for it. */
  expect: string[];
  /** The section the question asks for, when it asks for one. */
  section?: string;
  /** What the question is about when the starter base had no page for it when the set was written. */
  missing?: string;
}

/**
 * Questions still answered from another page first (or another section), as measured after the
 * changes this set was written for — README of eval-sets, "starter-first-questions": the
 * stemmer and the small knowledge base's headings decide them; listed so that any other
 * question going wrong fails the test.
 */
const KNOWN_MISSES = new Set([
  "sf-020", // "spots on my back" → Chickenpox > Treatment (Acne's "spots" is an alias, weighed less)
  "sf-021", // "I keep getting UTIs, how do I stop them" → What it is (asks prevention in other words)
  "sf-029", // "my blood pressure is 150 over 95" → Blood pressure medicines (shorter title)
  "sf-048", // "hit his head … sick and dizzy" → Nausea / Dizziness (their titles name the symptoms)
  "sf-052", // "bullseye rash after a tick bite" → Insect bites and stings (title names "bites")
  "sf-056", // "stomach hurts after I eat and I burp" → Gastroenteritis (stomach bug) (title names "stomach")
]);

/** Starter pages written after the set, for its `missing` subjects (each also a right first passage). */
const ADDED_PAGES: Record<string, string> = {
  indigestion: "Indigestion (dyspepsia)",
  cough: "Cough",
  nausea: "Nausea (feeling sick)",
  toothache: "Toothache",
  "mouth ulcers": "Mouth ulcers (canker sores)",
  warts: "Warts and verrucas",
  cramps: "Leg cramps",
};

const QUESTIONS: FirstQuestion[] = fs
  .readFileSync(path.join(process.cwd(), "lib/rag/eval-sets/starter-first-questions.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as FirstQuestion);

interface Outcome {
  question: FirstQuestion;
  title: string | null;
  heading: string | null;
  /** The first passage is from a right page (or, for a question the base has no page for, there is none). */
  right: boolean;
  /** The first passage is from the section asked for (when one is). */
  rightSection: boolean | null;
}

/** Starter pages retitled after the set, in lay words too ("I can't sleep" found Obstructive sleep apnoea, whose title says "sleep"). */
const RETITLED: Record<string, string> = { Insomnia: "Insomnia (trouble sleeping)" };

const rightTitles = (q: FirstQuestion) => [
  ...q.expect.map((t) => RETITLED[t] ?? t),
  ...(q.missing && ADDED_PAGES[q.missing] ? [ADDED_PAGES[q.missing]] : []),
];

describe("first questions of the public over the starter knowledge base", () => {
  let h: DbHandle;
  const outcomes: Outcome[] = [];
  /** Off-topic questions (not about health) that found a starter passage. */
  const offTopicFound: string[] = [];
  beforeAll(async () => {
    h = await freshDb();
    const report = await ensureStarterKnowledgeBase(h.db, createHashingEmbedder());
    expect(report.failed).toEqual([]);
    for (const question of QUESTIONS) {
      const [top] = await retrieveHybrid(h.db, null, question.q, { mode: "text", k: MAX_SOURCES, maxPerDocument: 2 });
      const titles = rightTitles(question);
      outcomes.push({
        question,
        title: top?.title ?? null,
        heading: top?.headingPath ?? null,
        right: titles.length === 0 ? !top : titles.includes(top?.title ?? ""),
        rightSection: question.section ? (top?.headingPath.endsWith(question.section) ?? false) : null,
      });
    }
    for (const q of [...OFF_TOPIC_QUERIES, ...OFF_TOPIC_HELD_OUT_QUERIES]) {
      const [top] = await retrieveHybrid(h.db, null, q, { mode: "text", k: MAX_SOURCES, maxPerDocument: 2 });
      if (top) offTopicFound.push(`${q} → ${top.headingPath}`);
    }
    if (process.env.STARTER_QUESTIONS_REPORT) {
      console.log(
        `off-topic: ${offTopicFound.length} of ${OFF_TOPIC_QUERIES.length + OFF_TOPIC_HELD_OUT_QUERIES.length} found a passage\n${offTopicFound.join("\n")}`,
      );
      for (const o of outcomes)
        console.log(
          `${o.right ? "ok " : "BAD"} ${o.rightSection === false ? "sec" : "   "} ${o.question.id} ${o.question.q} → ${o.heading ?? "(no passage)"}`,
        );
      const covered = outcomes.filter((o) => rightTitles(o.question).length > 0);
      console.log(
        `covered ${covered.length}: passage ${covered.filter((o) => o.title).length}, right page ${covered.filter((o) => o.right).length}; ` +
          `uncovered ${outcomes.length - covered.length}: no passage ${outcomes.filter((o) => rightTitles(o.question).length === 0 && !o.title).length}; ` +
          `section asked ${outcomes.filter((o) => o.rightSection !== null).length}: right ${outcomes.filter((o) => o.rightSection).length}`,
      );
    }
  }, 120_000);
  afterAll(() => h.close());

  it("has at least 60 questions", () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
  });

  it("finds a passage for every question the starter base covers, and the right page first for all but the known misses", () => {
    const covered = outcomes.filter((o) => rightTitles(o.question).length > 0);
    expect(covered.filter((o) => !o.title).map((o) => o.question.q)).toEqual([]);
    const wrong = covered
      .filter((o) => !o.right && !KNOWN_MISSES.has(o.question.id))
      .map((o) => `${o.question.q} → ${o.heading ?? "(no passage)"}`);
    expect(wrong).toEqual([]);
  });

  it("quotes the section asked for (all but the known misses)", () => {
    const wrong = outcomes
      .filter((o) => o.rightSection === false && !KNOWN_MISSES.has(o.question.id))
      .map((o) => `${o.question.q} → ${o.heading ?? "(no passage)"}`);
    expect(wrong).toEqual([]);
  });

  it("rejects off-topic questions (not about health) at least as well as before this set", () => {
    // Before the changes measured with this set: 6 of 104 found a starter passage.
    expect(offTopicFound.length).toBeLessThanOrEqual(5);
  });

  it("finds no unrelated page for a question the starter base has no page for", () => {
    const wrong = outcomes.filter((o) => rightTitles(o.question).length === 0 && o.title).map((o) => `${o.question.q} → ${o.heading}`);
    expect(wrong).toEqual([]);
  });
});
