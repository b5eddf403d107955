// The follow-up conversations on the real starter knowledge base (eval-sets/follow-up-conversations.jsonl):
// every follow-up of the development split finds a right page among the sources the chat shows, as
// measured when follow-up.ts learnt to keep the conversation's subject (docs/answer-eval.md), and the
// held-out split keeps at least what it measured then — so a retrieval or starter-page change that
// loses a conversation's subject fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { ensureStarterKnowledgeBase } from "@/lib/rag/starter";
import { freshDb } from "@/lib/rag/test-helpers";
import { runConversations, type TurnOutcome } from "./follow-up-eval";

describe("follow-up conversations over the starter knowledge base", () => {
  let h: DbHandle;
  let outcomes: TurnOutcome[] = [];
  beforeAll(async () => {
    h = await freshDb();
    expect((await ensureStarterKnowledgeBase(h.db, createHashingEmbedder())).failed).toEqual([]);
    outcomes = await runConversations(h.db, "starter");
  }, 180_000);
  afterAll(() => h.close());

  const missed = (os: TurnOutcome[]) => os.filter((o) => !o.inTop).map((o) => `${o.id} ${o.q} → ${o.found.join(" | ") || "(none)"}`);

  it("answers every development turn from a right page among the sources shown (the lead's gout conversation too)", () => {
    const dev = outcomes.filter((o) => o.split === "dev");
    expect(dev.length).toBeGreaterThanOrEqual(120);
    expect(missed(dev)).toEqual([]);
    expect(outcomes.filter((o) => o.id.startsWith("fu-001#")).map((o) => o.first)).toEqual([true, true, true]);
  });

  it("keeps the held-out follow-ups it measured (20 of 25 right page among the sources shown)", () => {
    const final = outcomes.filter((o) => o.split === "final" && o.kind !== "first");
    expect(final.length).toBe(25);
    expect(final.filter((o) => o.inTop).length, missed(final).join("\n")).toBeGreaterThanOrEqual(20);
  });
});
