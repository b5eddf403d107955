import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GREEDY } from "./sampler";
import { QuoteConstraint, QuoteTables } from "./quote-constraint";
import { Scheduler } from "./scheduler";
import { ScriptedModel, writeByteTokenizer } from "./test-fixtures";
import { ChatTokenizer } from "./tokenizer";

let dir: string;
let tok: ChatTokenizer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "quote-"));
  await writeByteTokenizer(dir, "{% for m in messages %}{{ m.content }}{% endfor %}<|start|>assistant{# <|channel|> #}");
  tok = await ChatTokenizer.fromDir(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SOURCES = [
  { id: "a", text: "Insulin is made by the pancreas. It lowers blood sugar after meals." },
  { id: "b", text: "Insulin is made by the pancreas. Exercise lowers blood sugar too." },
];

describe("QuoteConstraint", () => {
  it("lets a reasoning model think freely, then constrains only its final answer", async () => {
    const id = (t: string) => tok.tokenId(t)!;
    // gpt-oss style: analysis channel with invented text, then the final channel, where the
    // script tries to write an invented sentence; the mask keeps it to source units.
    const script = [
      id("<|channel|>"),
      ...tok.encode("analysis"),
      id("<|message|>"),
      ...tok.encode("Made-up thought."),
      id("<|end|>"),
      id("<|start|>"),
      ...tok.encode("assistant"),
      id("<|channel|>"),
      ...tok.encode("final"),
      id("<|message|>"),
      ...tok.encode("Insulin cures everything."),
    ];
    const promptTokens = tok.encodeChat([{ role: "user", content: "q" }]);
    const model = new ScriptedModel((ctx) => script[ctx.length - promptTokens.length] ?? id("<|im_end|>"), 512, id("<|im_end|>"));
    const scheduler = new Scheduler(model, tok, { maxBatch: 2, maxQueue: 2 });
    const constraint = new QuoteConstraint(new QuoteTables(tok, SOURCES), {
      eosTokenIds: [id("<|im_end|>")],
      reasoningOpeners: tok.reasoningOpenerIds(),
    });
    const r = await scheduler.submit({ promptTokens, lora: null, sampling: GREEDY, maxTokens: 200, stop: [], constraint });
    expect(r.reasoning).toBe("Made-up thought.");
    // "Insulin " matches both sources' first sentence; the script's " c" is not allowed, so the
    // unit's remaining text (shared by both sources) is appended and the model picks a marker.
    expect(r.content).toMatch(/^Insulin is made by the pancreas\. \[[12]\]/);
    expect(constraint.quotes.map((q) => q.text)[0]).toBe("Insulin is made by the pancreas.");
    expect(r.content).toBe(constraint.answer);
    // The same sentence from the other source is not quoted again.
    expect(r.content.match(/Insulin is made/g)).toHaveLength(1);
  });

  it("offers the end of the answer only between units, and forces it when nothing fits", () => {
    const eos = tok.tokenId("<|im_end|>")!;
    const c = new QuoteConstraint(new QuoteTables(tok, SOURCES), { eosTokenIds: [eos] });
    expect(c.allowedTokens(1000)).not.toContain(eos);
    expect(c.allowedTokens(5)).toEqual([eos]); // no unit is 5 byte-tokens long
    const first = c.allowedTokens(1000);
    expect(new Set(first)).toEqual(new Set(tok.encode("IE"))); // "Insulin…", "It…", "Exercise…"
    const forced = c.accept(tok.encode("E")[0]!);
    expect(tok.decode([tok.encode("E")[0]!, ...forced])).toBe("Exercise lowers blood sugar too. [2]");
    expect(c.allowedTokens(1000)).toContain(eos);
    expect(c.allowedTokens(1000)).toContain(tok.encode(" ")[0]!);
  });
});
