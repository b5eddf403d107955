import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PreparedLora } from "../models/types";
import { EngineMetrics } from "./metrics";
import { GREEDY } from "./sampler";
import { QueueFullError, Scheduler, ShuttingDownError, type GenerationRequest } from "./scheduler";
import { ScriptedModel, writeByteTokenizer } from "./test-fixtures";
import { ChatTokenizer } from "./tokenizer";

let dir: string;
let tok: ChatTokenizer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sched-"));
  await writeByteTokenizer(dir);
  tok = await ChatTokenizer.fromDir(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const bytes = (s: string) => [...new TextEncoder().encode(s)];
const lora = (name: string): PreparedLora => ({ name, rank: 1, scale: 1, weights: new Map() });

/** Writes `script` forever (position = context length), shifted per adapter so outputs differ. */
function scriptedModel(script: string, opts: { eosAt?: number; maxSeq?: number } = {}) {
  const b = bytes(script);
  return new ScriptedModel((ctx, adapter) => {
    if (opts.eosAt !== undefined && ctx.length >= opts.eosAt) return 258;
    const shift = adapter === "a" ? 1 : adapter === "b" ? 2 : 0;
    return b[(ctx.length + shift) % b.length]!;
  }, opts.maxSeq ?? 64);
}

function request(promptText: string, extra: Partial<GenerationRequest> = {}): GenerationRequest {
  return { promptTokens: bytes(promptText), lora: null, sampling: GREEDY, maxTokens: 8, stop: [], ...extra };
}

describe("Scheduler", () => {
  it("batches concurrent sequences into one forward per step, each output equal to its solo run", async () => {
    const model = scriptedModel("abcdefghij");
    const metrics = new EngineMetrics();
    const s = new Scheduler(model, tok, { maxBatch: 4, maxQueue: 8, metrics });
    const solo = await s.submit(request("xy", { lora: lora("a") }));
    const soloB = await s.submit(request("xyz", { lora: lora("b"), maxTokens: 5 }));
    const callsBefore = model.calls.length;
    const [ra, rb, rc] = await Promise.all([
      s.submit(request("xy", { lora: lora("a") })),
      s.submit(request("xyz", { lora: lora("b"), maxTokens: 5 })),
      s.submit(request("q")),
    ]);
    expect(ra!.content).toBe(solo.content);
    expect(rb!.content).toBe(soloB.content);
    expect(ra!.content).not.toBe(rb!.content);
    expect(rc!.content.length).toBe(8);
    const calls = model.calls.slice(callsBefore);
    // All three prefill together in the first step, then decode one token each.
    expect(calls[0]).toEqual({ rows: 3, tokens: [2, 3, 1], loras: ["a", "b", null] });
    expect(calls[1]).toEqual({ rows: 3, tokens: [1, 1, 1], loras: ["a", "b", null] });
    expect(calls.length).toBe(8);
    expect(calls.at(-1)!.rows).toBe(2); // b (5 tokens) left after its last step
    expect(metrics.mixedAdapterSteps.get()).toBeGreaterThan(0);
    expect(ra!.firstStep).toBe(rb!.firstStep);
    expect(model.caches.every((c) => c.released)).toBe(true);
  });

  it("lets a new request join while others decode", async () => {
    const model = scriptedModel("0123456789");
    model.stepDelayMs = 5;
    const s = new Scheduler(model, tok, { maxBatch: 4, maxQueue: 8 });
    const first = s.submit(request("a", { maxTokens: 20 }));
    await new Promise((r) => setTimeout(r, 30));
    const second = s.submit(request("bb", { maxTokens: 3 }));
    const [r1, r2] = await Promise.all([first, second]);
    expect(r2.firstStep).toBeGreaterThan(r1.firstStep);
    expect(r2.lastStep).toBeLessThan(r1.lastStep);
    const joinStep = model.calls[r2.firstStep - 1]!;
    expect(joinStep).toEqual({ rows: 2, tokens: [1, 2], loras: [null, null] });
  });

  it("admits a burst of long prompts over several steps", async () => {
    const model = scriptedModel("abc", { maxSeq: 200 });
    const s = new Scheduler(model, tok, { maxBatch: 8, maxQueue: 8, maxPrefillTokensPerStep: 100 });
    await Promise.all([0, 1, 2].map(() => s.submit(request("p".repeat(60), { maxTokens: 4 }))));
    expect(model.calls[0]!.tokens).toEqual([60]);
    expect(model.calls[1]!.tokens).toEqual([1, 60]);
    expect(model.calls[2]!.tokens).toEqual([1, 1, 60]);
  });

  it("finishes on EOS, max_tokens, stop sequences and the context length", async () => {
    const eosSched = new Scheduler(scriptedModel("abc", { eosAt: 4 }), tok, { maxBatch: 2, maxQueue: 2 });
    const eos = await eosSched.submit(request("x"));
    expect(eos).toMatchObject({ finishReason: "stop", content: "bca", completionTokens: 4 }); // script wraps; EOS token not shown
    expect(await eosSched.submit(request("x", { ignoreEos: true }))).toMatchObject({
      finishReason: "length",
      content: "bca",
      completionTokens: 8,
    });
    const s = new Scheduler(scriptedModel("hello world "), tok, { maxBatch: 2, maxQueue: 2 });
    expect(await s.submit(request("h", { maxTokens: 4 }))).toMatchObject({ finishReason: "length", content: "ello", completionTokens: 4 });
    expect(await s.submit(request("h", { maxTokens: 30, stop: ["wor", "zzz"] }))).toMatchObject({ finishReason: "stop", content: "ello " });
    const ctx = new Scheduler(scriptedModel("abcdef", { maxSeq: 10 }), tok, { maxBatch: 2, maxQueue: 2 });
    const r = await ctx.submit(request("abcdef", { maxTokens: 100 }));
    expect(r).toMatchObject({ finishReason: "length", completionTokens: 4 });
    await expect(ctx.submit(request("abcdefghij"))).rejects.toThrow(/no room in a 10-token context/);
  });

  it("stops generating when the client aborts", async () => {
    const model = scriptedModel("abcdefghij", { maxSeq: 1000 });
    model.stepDelayMs = 2;
    const s = new Scheduler(model, tok, { maxBatch: 4, maxQueue: 4 });
    const controller = new AbortController();
    let received = 0;
    const pending = s.submit(
      request("x", { maxTokens: 500, signal: controller.signal, onDelta: () => ++received === 5 && controller.abort() }),
    );
    const other = s.submit(request("y", { maxTokens: 30 }));
    const r = await pending;
    expect(r.finishReason).toBe("abort");
    expect(r.completionTokens).toBeLessThan(8);
    expect((await other).completionTokens).toBe(30);
    expect(model.caches.every((c) => c.released)).toBe(true);
    expect(model.calls.filter((c) => c.rows === 2).length).toBeLessThan(8);
  });

  it("refuses work beyond the queue bound and drains on shutdown", async () => {
    const model = scriptedModel("abc", { maxSeq: 1000 });
    model.stepDelayMs = 2;
    const metrics = new EngineMetrics();
    const s = new Scheduler(model, tok, { maxBatch: 1, maxQueue: 1, metrics });
    const running = s.submit(request("a", { maxTokens: 10 }));
    await new Promise((r) => setImmediate(r));
    const queued = s.submit(request("b", { maxTokens: 10 }));
    await expect(s.submit(request("c"))).rejects.toBeInstanceOf(QueueFullError);
    expect(metrics.rejected.get()).toBe(1);
    await s.drain();
    expect((await running).completionTokens).toBe(10);
    expect((await queued).completionTokens).toBe(10);
    await expect(s.submit(request("d"))).rejects.toBeInstanceOf(ShuttingDownError);
  });
});
