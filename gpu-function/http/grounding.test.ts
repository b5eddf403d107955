// Quote mode (grounding extension) on a real gpu-function: tiny random llama, real
// onnxruntime sessions, two LoRA adapters, driven over HTTP by the official openai client
// and the AI SDK. A random model is the hardest case: left alone it writes nonsense, so
// every answer being made of verbatim source sentences shows the constraint does it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeTinyModelWithAdapters } from "../adapter-fixture.test-helper";
import { createGpuFunctionServer, type GpuFunctionServer } from "../server";
import { citationMarkers, quoteMarker, quoteUnits, separatorBetween } from "../shared/quote-units";

const TOKEN = "test-token";
let dir: string;
let server: GpuFunctionServer;
let baseURL: string;
let client: OpenAI;

const SOURCES = [
  {
    id: "t2d",
    text: "Type 2 diabetes often develops slowly, and many people have no symptoms for years. When symptoms appear, the common ones are:\n- feeling very thirsty\n- blurred vision\nSee a clinician if you have any of these symptoms. A simple blood test can check for diabetes.",
  },
  {
    id: "insulin",
    text: "Insulin is a hormone made by the pancreas. It helps glucose move from the blood into cells. Too little insulin makes blood sugar rise.",
  },
  {
    id: "foot",
    text: "Check your feet every day for cuts or blisters. Wear well-fitting shoes. Keep them clean and moisturised every day.",
  },
];

type Params = Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> & { grounding?: unknown; top_k?: number; repetition_penalty?: number };

const ask = (model: string, extra: Params = {}) =>
  client.chat.completions.create({
    model,
    messages: [{ role: "user", content: "What are the symptoms of type 2 diabetes?" }],
    max_tokens: 120,
    temperature: 0,
    grounding: { mode: "quote", sources: SOURCES },
    ...extra,
  } as OpenAI.ChatCompletionCreateParamsNonStreaming);

/**
 * Parses an answer back into the quotes it must consist of: each piece between markers
 * is (after the separator the previous quote implies) exactly one unit of the cited
 * source, no unit twice. Returns the quotes, or throws with what is wrong.
 */
function parseQuotedAnswer(answer: string, sources = SOURCES): Array<{ text: string; source: number }> {
  const quotes: Array<{ text: string; source: number }> = [];
  let from = 0;
  for (const m of citationMarkers(answer)) {
    // The marker is " [n]": its space is not part of the quote.
    let piece = answer.slice(from, m.start - 1);
    if (quotes.length > 0) {
      const sep = piece.startsWith("\n\n") ? "\n\n" : " ";
      if (!piece.startsWith(sep)) throw new Error(`missing separator before ${JSON.stringify(piece)}`);
      piece = piece.slice(sep.length);
      if (sep !== separatorBetween(quotes.at(-1)!.text, piece)) throw new Error(`wrong separator before ${JSON.stringify(piece)}`);
    }
    expect(m.numbers).toHaveLength(1);
    const n = m.numbers[0]!;
    expect(answer.slice(m.start - 1, m.end)).toBe(quoteMarker(n));
    const units = quoteUnits(sources[n - 1]!.text).map((u) => u.text);
    if (!units.includes(piece)) throw new Error(`not a unit of source ${n}: ${JSON.stringify(piece)}`);
    if (quotes.some((q) => q.text === piece)) throw new Error(`repeated: ${JSON.stringify(piece)}`);
    quotes.push({ text: piece, source: n });
    from = m.end;
  }
  expect(answer.slice(from)).toBe("");
  return quotes;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "grounding-"));
  await writeTinyModelWithAdapters(dir, 11);
  server = await createGpuFunctionServer({
    modelDir: path.join(dir, "model"),
    modelId: "tiny-base",
    token: TOKEN,
    maxBatch: 8,
    adapterRoots: [path.join(dir, "adapters")],
    intraOpThreads: 1,
    log: () => {},
  });
  baseURL = await server.listen(0, "127.0.0.1");
  client = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: TOKEN, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await server?.close(1_000);
  await rm(dir, { recursive: true, force: true });
});

describe("quote mode", () => {
  it("answers only with verbatim source units and their engine-written markers, over many seeds, temperatures and lengths", async () => {
    const answers = new Set<string>();
    const free = await ask("tiny-base", { grounding: undefined, max_tokens: 40 });
    // Left alone the random model writes no source sentence.
    expect(() => parseQuotedAnswer(free.choices[0]!.message.content ?? "")).toThrow();
    const runs: Params[] = [];
    for (const temperature of [0, 0.7, 1, 1.6])
      for (const seed of [1, 2, 3, 4, 5]) runs.push({ temperature, seed, top_p: seed % 2 ? 1 : 0.9, max_tokens: 20 + seed * 23 });
    runs.push(
      { temperature: 1.2, top_k: 3, seed: 9 },
      { temperature: 1, frequency_penalty: 1.5, seed: 4 },
      { temperature: 0.8, repetition_penalty: 1.3, seed: 5 },
    );
    const results = await Promise.all(runs.map((r, i) => ask(i % 3 === 0 ? "alpha" : i % 3 === 1 ? "beta" : "tiny-base", r)));
    results.forEach((res, i) => {
      const answer = res.choices[0]!.message.content ?? "";
      parseQuotedAnswer(answer);
      expect(["stop", "length"]).toContain(res.choices[0]!.finish_reason);
      expect(res.usage!.completion_tokens).toBeLessThanOrEqual(runs[i]!.max_tokens ?? 120);
      answers.add(answer);
    });
    // The model still chooses: different seeds and temperatures pick different quotes (fewer kinds
    // than without the prior, which leans every answer toward source 1's lead: 5 of 23 runs differ here).
    expect(answers.size).toBeGreaterThan(3);
    expect([...answers].some((a) => citationMarkers(a).length >= 2)).toBe(true);
  }, 120_000);

  it("gives each sequence of a mixed batch (adapters, quote and free) exactly its solo output", async () => {
    const requests: Array<[string, Params]> = [
      ["alpha", { temperature: 0.9, seed: 3 }],
      ["beta", { temperature: 0 }],
      ["tiny-base", { temperature: 0.9, seed: 3 }],
      ["alpha", { grounding: { mode: "quote", sources: SOURCES, prior: "none" }, temperature: 0 }],
      ["beta", { grounding: { mode: "quote", sources: SOURCES, prior: "none" }, temperature: 0 }],
      ["alpha", { grounding: undefined, temperature: 0.9, seed: 3, max_tokens: 30 }],
      ["beta", { grounding: undefined, temperature: 0, max_tokens: 30 }],
    ];
    const solo: string[] = [];
    for (const [model, extra] of requests) solo.push((await ask(model, extra)).choices[0]!.message.content ?? "");
    const before = Number(
      (await (await fetch(`${baseURL}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text()).match(
        /gpu_function_mixed_adapter_steps_total (\d+)/,
      )?.[1] ?? NaN,
    );
    const batched = await Promise.all(requests.map(([model, extra]) => ask(model, extra)));
    expect(batched.map((r) => r.choices[0]!.message.content)).toEqual(solo);
    const after = Number(
      (await (await fetch(`${baseURL}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text()).match(
        /gpu_function_mixed_adapter_steps_total (\d+)/,
      )?.[1] ?? NaN,
    );
    expect(after).toBeGreaterThan(before);
    // The adapters really differ: left to choose alone, alpha and beta quote differently.
    expect(solo[3]).not.toBe(solo[4]);
    for (const a of solo.slice(0, 5)) parseQuotedAnswer(a);
  }, 120_000);

  it("writes a list without an introducing sentence on a paragraph of its own, wherever the model puts it", async () => {
    const stones = [
      {
        id: "stones",
        text: "Kidney stones are hard deposits made of minerals and salts inside the kidneys. Small stones often pass on their own.\n\n- drink plenty of fluids through the day\n- reduce salt\n\nLarger stones may need a procedure to break them up.",
      },
    ];
    const runs = [0, 0.8, 1.2, 1.6].flatMap((temperature) => [1, 2, 3].map((seed) => ({ temperature, seed })));
    const answers = await Promise.all(
      runs.map(async (r, i) => {
        const res = await ask(i % 2 ? "alpha" : "beta", {
          ...r,
          grounding: { mode: "quote", sources: stones, prior: "none" },
          max_tokens: 160,
        });
        return res.choices[0]!.message.content ?? "";
      }),
    );
    for (const a of answers) parseQuotedAnswer(a, stones);
    // Some answer has the list right after a sentence: its first item starts a paragraph, never inside the sentence's.
    expect(answers.some((a) => a.includes(". [1]\n\n- drink"))).toBe(true);
    for (const a of answers) expect(a).not.toContain("[1] - drink");
  }, 120_000);

  it("streams with usage exactly like the plain response, and through the AI SDK's providerOptions", async () => {
    const plain = await ask("alpha", { temperature: 0.8, seed: 7 });
    const stream = await client.chat.completions.create({
      model: "alpha",
      messages: [{ role: "user", content: "What are the symptoms of type 2 diabetes?" }],
      max_tokens: 120,
      temperature: 0.8,
      seed: 7,
      stream: true,
      stream_options: { include_usage: true },
      grounding: { mode: "quote", sources: SOURCES },
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    let text = "";
    let deltas = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const d = chunk.choices[0]?.delta.content;
      if (d) {
        text += d;
        deltas++;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(plain.choices[0]!.message.content);
    expect(usage).toEqual(plain.usage);
    expect(deltas).toBeGreaterThan(1);

    const provider = createOpenAICompatible({ name: "gpu-function", baseURL: `${baseURL}/v1`, apiKey: TOKEN });
    const result = streamText({
      model: provider.chatModel("alpha"),
      prompt: "What are the symptoms of type 2 diabetes?",
      maxOutputTokens: 120,
      temperature: 0.8,
      seed: 7,
      providerOptions: { gpuFunction: { grounding: { mode: "quote", sources: SOURCES } } },
    });
    let viaSdk = "";
    for await (const d of result.textStream) viaSdk += d;
    expect(viaSdk).toBe(text);
  }, 60_000);

  it("leans toward the top-ranked source's lead and reading order, and says at least two sentences (prior: none lets the model alone choose)", async () => {
    const wordsOf = (quotes: Array<{ text: string }>) => quotes.reduce((n, q) => n + q.text.split(/\s+/).length, 0);
    const leadFirst = { ranked: 0, none: 0 };
    let cases = 0;
    for (let shift = 0; shift < SOURCES.length; shift++) {
      // Every rotation of the sources: which one is "top" is only their order.
      const ranked = [...SOURCES.slice(shift), ...SOURCES.slice(0, shift)];
      const lead = quoteUnits(ranked[0]!.text)[0]!.text;
      for (const model of ["tiny-base", "alpha", "beta"]) {
        cases++;
        for (const prior of ["ranked", "none"] as const) {
          const res = await ask(model, { grounding: { mode: "quote", sources: ranked, prior }, max_tokens: 400 });
          const quotes = parseQuotedAnswer(res.choices[0]!.message.content ?? "", ranked);
          if (quotes[0]!.text === lead && quotes[0]!.source === 1) leadFirst[prior]++;
          if (prior === "ranked") {
            // The answer may only end with two units and 40 words, or when its current source has nothing left.
            const current = quotes.at(-1)!.source;
            const left = quoteUnits(ranked[current - 1]!.text).filter((u) => !quotes.some((q) => q.text === u.text));
            if (left.length > 0) {
              expect(quotes.length, `${model} ${shift}`).toBeGreaterThanOrEqual(2);
              expect(wordsOf(quotes), `${model} ${shift}`).toBeGreaterThanOrEqual(40);
            }
          }
        }
      }
    }
    // Random models have arbitrary, often strong preferences; the prior still moves most answers to the top source's lead.
    expect(leadFirst.ranked).toBeGreaterThanOrEqual(Math.ceil((2 * cases) / 3));
    expect(leadFirst.ranked).toBeGreaterThan(leadFirst.none);
  }, 60_000);

  it("answers every asked part from its own source before it ends (grounding.parts), also batched", async () => {
    // Two parts: source 3 (feet), then source 2 (insulin); the top-ranked source 1 belongs to neither.
    const parts = [{ sources: [3] }, { sources: [2] }];
    const runs: Array<[string, Params]> = [];
    for (const model of ["tiny-base", "alpha", "beta"])
      for (const temperature of [0, 0.8, 1.4]) runs.push([model, { temperature, seed: 5, max_tokens: 400 }]);
    const solo: string[] = [];
    for (const [model, extra] of runs)
      solo.push((await ask(model, { ...extra, grounding: { mode: "quote", sources: SOURCES, parts } })).choices[0]!.message.content ?? "");
    let inOrder = 0;
    for (const answer of solo) {
      const quotes = parseQuotedAnswer(answer);
      // The end is offered only once each part is answered: both parts' sources are quoted, whatever the model prefers.
      expect(
        quotes.some((q) => q.source === 3),
        answer,
      ).toBe(true);
      expect(
        quotes.some((q) => q.source === 2),
        answer,
      ).toBe(true);
      if (quotes[0]!.source === 3 && quotes.findIndex((q) => q.source === 2) > quotes.findLastIndex((q) => q.source === 3)) inOrder++;
    }
    // The prior leads most answers through the parts in the order asked.
    expect(inOrder).toBeGreaterThanOrEqual(Math.ceil((2 * runs.length) / 3));
    // The same requests batched give the same answers.
    const batched = await Promise.all(
      runs.map(([model, extra]) => ask(model, { ...extra, grounding: { mode: "quote", sources: SOURCES, parts } })),
    );
    expect(batched.map((r) => r.choices[0]!.message.content)).toEqual(solo);
    // One part (or none) is the single-part prior: the same answer as without parts.
    for (const [model, extra] of runs.slice(0, 3)) {
      const plain = await ask(model, { ...extra, grounding: { mode: "quote", sources: SOURCES } });
      const onePart = await ask(model, { ...extra, grounding: { mode: "quote", sources: SOURCES, parts: [{ sources: [1] }] } });
      expect(onePart.choices[0]!.message.content).toBe(plain.choices[0]!.message.content);
    }
  }, 120_000);

  it("never ends inside a quote: a budget too small for any unit gives an empty answer", async () => {
    const tiny = await ask("tiny-base", { max_tokens: 3 });
    expect(tiny.choices[0]!.message.content).toBe("");
    expect(tiny.choices[0]!.finish_reason).toBe("stop");
  });

  it("refuses bad grounding bodies with 400 and the reason", async () => {
    const long = "A sentence that is long enough to quote. ".repeat(250);
    const cases: Array<[unknown, Params, RegExp]> = [
      [{ mode: "free", sources: SOURCES }, {}, /grounding.mode must be "quote"/],
      [{ mode: "quote", sources: [] }, {}, /at least one source/],
      [{ mode: "quote" }, {}, /grounding.sources/],
      [{ mode: "quote", sources: [{ id: "a" }] }, {}, /grounding.sources.0.text/],
      [{ mode: "quote", sources: [{ id: { x: 1 }, text: "Text that is long enough." }] }, {}, /grounding.sources.0.id/],
      [
        { mode: "quote", sources: Array.from({ length: 17 }, (_, i) => ({ id: String(i), text: "Text that is long enough." })) },
        {},
        /at most 16 sources/,
      ],
      [{ mode: "quote", sources: [{ id: "a", text: long }] }, {}, /at most 8000 characters/],
      [
        { mode: "quote", sources: Array.from({ length: 5 }, (_, i) => ({ id: String(i), text: long.slice(0, 7000) })) },
        {},
        /at most 32000 characters together/,
      ],
      [{ mode: "quote", sources: [{ id: "a", text: "Too short. What? ## Heading" }] }, {}, /no quotable sentence/],
      ["quote", {}, /grounding/],
      [{ mode: "quote", sources: SOURCES }, { stop: ["."] }, /stop cannot be combined/],
      [{ mode: "quote", sources: SOURCES, prior: "strong" }, {}, /grounding.prior must be "ranked" or "none"/],
      [
        { mode: "quote", sources: SOURCES, parts: [{ sources: [1] }, { sources: [9] }] },
        {},
        /grounding\.parts.*a part names a source position past the last source/,
      ],
      [
        { mode: "quote", sources: SOURCES, parts: [{ sources: [] }, { sources: [1] }] },
        {},
        /grounding\.parts\.0\.sources.*a part needs at least one source/,
      ],
      [{ mode: "quote", sources: SOURCES, parts: [{ sources: [0] }, { sources: [1] }] }, {}, /1-based/],
      [{ mode: "quote", sources: SOURCES, parts: "1,2" }, {}, /grounding.parts/],
      [{ mode: "quote", sources: [{ ...SOURCES[0]!, relevance: [1.5] }] }, {}, /relevance weights are 0\.\.1/],
      [{ mode: "quote", sources: [{ ...SOURCES[0]!, relevance: "1" }] }, {}, /grounding.sources.0.relevance/],
      [
        { mode: "quote", sources: [{ id: "a", text: "One sentence that is quotable here. And a second one to quote.", relevance: [1] }] },
        {},
        /2 quote units but 1 relevance weights/,
      ],
    ];
    for (const [grounding, extra, reason] of cases) {
      const err = await ask("tiny-base", { grounding, ...extra }).catch((e: unknown) => e);
      expect(err, JSON.stringify(grounding).slice(0, 80)).toBeInstanceOf(OpenAI.BadRequestError);
      expect((err as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(reason);
    }
  });
});
