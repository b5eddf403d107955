// Grounded-answer scoring with greedy generation through a real tiny model (onnxruntime).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatTokenizer } from "../engine/tokenizer";
import { asChatTemplateTokenizer } from "./chat-tokenizer";
import { loadModel } from "../runtime/load";
import { writeTinyModel } from "../models/tiny";
import type { LoadedModel } from "../runtime/types";
import { answerProse, evaluateGrounded, greedyGenerator, type GroundedItem } from "./eval-grounded";
import { rougeL } from "./eval-rouge";

describe("evaluateGrounded", () => {
  it("scores prose with ROUGE-L and the decision line with yes/no/maybe accuracy", async () => {
    const items: GroundedItem[] = [
      { id: "a", prompt: [{ role: "user", content: "q1" }], reference: "walking lowers glucose peaks", decision: "yes" },
      { id: "b", prompt: [{ role: "user", content: "q2" }], reference: "no effect was seen", decision: "no" },
    ];
    const canned: Record<string, string> = {
      q1: "Walking lowers glucose peaks [1].\n\nAnswer: yes",
      q2: "Unclear from the sources.\nAnswer: maybe",
    };
    const score = await evaluateGrounded(items, async (p) => canned[p[0].content]);
    expect(answerProse(canned.q1)).toBe("Walking lowers glucose peaks [1].");
    const expected =
      (rougeL("Walking lowers glucose peaks [1].", items[0].reference).f1 + rougeL("Unclear from the sources.", items[1].reference).f1) / 2;
    expect(score.rougeL.f1).toBeCloseTo(expected, 12);
    expect(score.decision).toMatchObject({ correct: 1, total: 2, accuracy: 0.5 });
    expect(score.answers.map((a) => a.id)).toEqual(["a", "b"]);
  });
});

describe("greedyGenerator on a real model", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-grounded-"));
  let model: LoadedModel;
  let tok: ChatTokenizer;
  beforeAll(async () => {
    await writeTinyModel(dir, {
      family: "llama",
      seed: 5,
      hiddenSize: 64,
      numLayers: 1,
      numHeads: 4,
      numKvHeads: 2,
      intermediateSize: 64,
      vocabSize: 259,
      maxPositions: 128,
    });
    model = await loadModel(dir, { maxBatch: 1 });
    tok = await ChatTokenizer.fromDir(dir);
  });
  afterAll(async () => {
    await model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is deterministic, respects maxTokens and keeps the end of an over-long prompt", async () => {
    const lengths: number[] = [];
    const decode = (ids: number[]) => (lengths.push(ids.length), tok.decode(ids));
    const gen = greedyGenerator(model, asChatTemplateTokenizer(tok), { maxTokens: 6, decode });
    const prompt = [{ role: "user" as const, content: "What helps a cough?" }];
    const a = await gen(prompt);
    expect(await gen(prompt)).toBe(a);
    expect(lengths[0]).toBeGreaterThan(0);
    expect(lengths[0]).toBeLessThanOrEqual(6);
    const long = await gen([{ role: "user", content: "x".repeat(400) }]);
    expect(typeof long).toBe("string");
  });
});
