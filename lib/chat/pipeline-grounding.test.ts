// How the pipeline grounds answers (CHAT_GROUNDING): quote mode asks the gpu-function for
// verbatim quotes of the prompt's sources, auto picks it for models the server marks small,
// no passage gives a fixed answer without any model call, and free answers lose markers
// that name no source. Against a scripted OpenAI-compatible server and the real gpu-function.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyModel } from "@/gpu-function/models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "@/gpu-function/server";
import { citedSentences, quoteUnits } from "@/gpu-function/shared/quote-units";
import { createDb, type DbHandle } from "@/lib/db/client";
import { listMessages } from "@/lib/db/messages";
import { migrateDb } from "@/lib/db/migrate";
import { startFakeGpuFunction } from "./fake-gpu-function.test-helper";
import { gpuFunctionConfig } from "./model";
import { runChatTurn, type ChatDeps } from "./pipeline";
import { QUOTE_RULE } from "./prompt";
import type { ChatEvent, RetrievedChunk } from "./types";

let handle: DbHandle;
let dir: string;
let real: GpuFunctionServer;
let realUrl: string;

beforeAll(async () => {
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  dir = await mkdtemp(path.join(tmpdir(), "medchat-grounding-"));
  // Byte-level tokens: a 2k context holds the default prompt level with two sources.
  await writeTinyModel(path.join(dir, "model"), { family: "llama", seed: 5, maxPositions: 2048 });
  real = await createGpuFunctionServer({
    modelDir: path.join(dir, "model"),
    modelId: "tiny-chat",
    token: "secret",
    lora: null,
    fineTuning: false,
    log: () => {},
  });
  realUrl = await real.listen(0, "127.0.0.1");
}, 180_000);

afterAll(async () => {
  await real?.close(1_000);
  await handle?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const T2D: RetrievedChunk = {
  chunkId: "t2d#1",
  documentId: "t2d",
  title: "Type 2 diabetes",
  url: "https://medlineplus.gov/diabetestype2.html",
  headingPath: "Type 2 diabetes > Symptoms",
  text: "Type 2 diabetes often develops slowly, and many people have no symptoms for years. When symptoms appear, the common ones are:\n- feeling very thirsty\n- passing urine more often than usual, especially at night\n- blurred vision\nSee a clinician if you have any of these symptoms. A simple blood test can check for diabetes.",
  score: 1,
  source: "starter",
};
const OBESITY_TEXT = [
  "Obesity means having too much body fat.",
  "It raises the risk of type 2 diabetes, heart disease, some cancers and joint problems.",
  "It is usually measured with the body mass index, which compares weight with height.",
  "A body mass index of 30 or more is called obesity in adults.",
  "Eating more energy than the body uses, over a long time, is the main cause.",
  "Genes, some medicines, poor sleep and stress can play a part too.",
  "Losing even a small amount of weight can improve health.",
  "Regular activity, sleep and a balanced diet help keep weight steady.",
  "A clinician can check weight, waist size and blood pressure at a routine visit.",
  "Support from a dietitian or a structured programme helps many people lose weight.",
  "Some people are offered medicines, and a few are offered surgery.",
].join(" ");
const OBESITY: RetrievedChunk = {
  ...T2D,
  chunkId: "ob#0",
  documentId: "obesity",
  title: "Obesity",
  headingPath: "Obesity",
  text: OBESITY_TEXT,
};

let n = 0;
const input = (text: string) => {
  const id = `grounding-${++n}`;
  return {
    surface: "web" as const,
    visitorId: "visitor_gggggggggggggggg",
    conversationId: id,
    userMessage: { id: `${id}-u`, text },
    consent: true,
  };
};
const answerText = (events: ChatEvent[]) => events.map((e) => (e.type === "text-delta" ? e.text : "")).join("");
/** The answer's sentences with the sources they cite, checked against the sources the turn listed. */
const quotedSentences = (events: ChatEvent[]) =>
  citedSentences(
    answerText(events),
    (events.find((e) => e.type === "sources") as Extract<ChatEvent, { type: "sources" }>).sources.map((s) => s.text),
  );
const deps = (url: string, env: Record<string, string>, extra: Partial<ChatDeps> = {}): ChatDeps => ({
  db: handle.db,
  gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: url, GPU_FUNCTION_TOKEN: "secret", ...env }),
  env: {},
  ...extra,
});

describe("answer grounding in the chat pipeline", () => {
  it("quote mode sends the prompt's sources, as shown, as grounding sources numbered like the prompt", async () => {
    const server = await startFakeGpuFunction({ deltas: ["Obesity means having too much body fat. [2]"], models: [{ id: "m" }] });
    try {
      const events = await runChatTurn(
        input("What are the symptoms of type 2 diabetes?"),
        deps(server.url, { CHAT_GROUNDING: "quote", CHAT_MODEL: "m", CHAT_TEMPERATURE: "0.9" }, { retriever: async () => [T2D, OBESITY] }),
      );
      const body = server.requests[0]!.body as {
        grounding?: { mode: string; sources: { id: string; text: string }[] };
        messages: { role: string; content: string }[];
      };
      expect(body.grounding?.mode).toBe("quote");
      expect((body as { temperature?: number }).temperature).toBe(0); // quote mode is greedy whatever CHAT_TEMPERATURE says
      expect(body.grounding?.sources.map((s) => s.id)).toEqual(["1", "2"]);
      // Level 1 shows 500 characters, cut at a whole unit (the one crossing 500 kept if it ends by 750):
      // exactly the text the model was shown.
      expect(body.grounding?.sources[0]!.text).toBe(T2D.text);
      expect(OBESITY_TEXT.length).toBeGreaterThan(750);
      expect(body.grounding?.sources[1]!.text).toBe(OBESITY_TEXT.slice(0, OBESITY_TEXT.indexOf(" A clinician")));
      for (const s of body.grounding!.sources) expect(body.messages.at(-1)!.content).toContain(s.text);
      expect(body.messages[0]!.content).toContain(QUOTE_RULE);
      expect(answerText(events)).toBe("Obesity means having too much body fat. [2]");
    } finally {
      await server.close();
    }
  });

  it("quote mode weighs each unit's relevance to the question, and keeps the one that answers it in view past the clip", async () => {
    const server = await startFakeGpuFunction({ deltas: ["Obesity means having too much body fat. [1]"], models: [{ id: "m" }] });
    try {
      // "What can help someone lose weight?": the answer is the 10th sentence, past where level 1 clips this source (before " A clinician…").
      const answering = "Support from a dietitian or a structured programme helps many people lose weight.";
      expect(OBESITY_TEXT.indexOf(answering)).toBeGreaterThan(OBESITY_TEXT.indexOf(" A clinician"));
      await runChatTurn(
        input("What can help someone lose weight?"),
        deps(server.url, { CHAT_GROUNDING: "quote", CHAT_MODEL: "m" }, { retriever: async () => [OBESITY] }),
      );
      const body = server.requests[0]!.body as {
        grounding: { sources: { id: string; text: string; relevance?: number[] }[] };
        messages: { content: string }[];
      };
      const [shown] = body.grounding.sources;
      // The source's opening, then (after "…") the answering sentence and what follows it: all verbatim from the source.
      expect(shown!.text.startsWith("Obesity means having too much body fat.")).toBe(true);
      expect(shown!.text).toContain(`\n…\n${answering}`);
      expect(body.messages.at(-1)!.content).toContain(answering);
      const units = quoteUnits(shown!.text);
      for (const u of units) expect(OBESITY_TEXT).toContain(u.text);
      // One weight per unit of the shown text, the answering sentence weighed most.
      expect(shown!.relevance).toHaveLength(units.length);
      const best = shown!.relevance!.indexOf(Math.max(...shown!.relevance!));
      expect(units[best]!.text).toBe(answering);
      // A question that tells no sentence apart sends no weights ("Thanks!" now gets the social reply, no model call).
      await runChatTurn(
        input("Tell me more, please."),
        deps(server.url, { CHAT_GROUNDING: "quote", CHAT_MODEL: "m" }, { retriever: async () => [OBESITY] }),
      );
      const plain = server.requests.at(-1)!.body as { grounding: { sources: { relevance?: number[] }[] } };
      expect(plain.grounding.sources[0]!.relevance).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("a question asking two things sends each part's best passage as its own source and grounding.parts; a single question sends none", async () => {
    const server = await startFakeGpuFunction({ deltas: ["Obesity means having too much body fat. [1]"], models: [{ id: "m" }] });
    const T2D_FOOD: RetrievedChunk = {
      ...T2D,
      chunkId: "t2d#4",
      headingPath: "Type 2 diabetes > Eating well",
      text: "Fruit is part of a healthy diet with diabetes. Whole fruit is better than juice, spread over the day.",
    };
    const asked: Array<[string, string | undefined]> = [];
    // The message as a whole ranks the symptoms section and obesity; the fruit part finds the eating section.
    const retriever = async (q: string, _signal?: AbortSignal, options?: { context?: string }) => {
      asked.push([q, options?.context]);
      return q.includes("fruit") && options?.context ? [T2D_FOOD, T2D] : [T2D, OBESITY];
    };
    try {
      const events = await runChatTurn(
        input("My dad has type 2 diabetes – what are the symptoms, and can he still eat fruit?"),
        deps(server.url, { CHAT_GROUNDING: "quote", CHAT_MODEL: "m" }, { retriever }),
      );
      expect(asked.map(([q]) => q)).toEqual([
        "My dad has type 2 diabetes – what are the symptoms, and can he still eat fruit?",
        "what are the symptoms",
        "can he still eat fruit?",
      ]);
      const sources = (events.find((e) => e.type === "sources") as Extract<ChatEvent, { type: "sources" }>).sources;
      // Two sections of one page, each its own source (the page would otherwise be one source cut at 500 characters).
      expect(sources.map((s) => s.headingPath)).toEqual(["Type 2 diabetes > Symptoms", "Type 2 diabetes > Eating well"]);
      const body = server.requests[0]!.body as { grounding?: { sources: { id: string }[]; parts?: unknown } };
      expect(body.grounding?.sources.map((s) => s.id)).toEqual(["1", "2"]);
      expect(body.grounding?.parts).toEqual([{ sources: [1] }, { sources: [2] }]);

      // One question: the request is exactly as before (no parts, retrieval once).
      asked.length = 0;
      await runChatTurn(
        input("What are the symptoms of type 2 diabetes?"),
        deps(server.url, { CHAT_GROUNDING: "quote", CHAT_MODEL: "m" }, { retriever }),
      );
      expect(asked).toHaveLength(1);
      expect(Object.keys((server.requests.at(-1)!.body as { grounding: object }).grounding).sort()).toEqual(["mode", "prior", "sources"]);
    } finally {
      await server.close();
    }
  });

  it("auto quotes for a model the server marks small (or an adapter of it) and lets other models write", async () => {
    const server = await startFakeGpuFunction({
      deltas: ["ok"],
      models: [{ id: "small-base", small_model: true } as { id: string }, { id: "grounded", parent: "small-base" }, { id: "big" }],
    });
    try {
      for (const [model, grounded] of [
        ["grounded", true],
        ["small-base", true],
        ["big", false],
      ] as const) {
        await runChatTurn(
          input("What are the symptoms of type 2 diabetes?"),
          deps(server.url, { CHAT_MODEL: model }, { retriever: async () => [T2D] }),
        );
        expect("grounding" in server.requests.at(-1)!.body, model).toBe(grounded);
      }
      await runChatTurn(
        input("What are the symptoms of type 2 diabetes?"),
        deps(server.url, { CHAT_MODEL: "small-base", CHAT_GROUNDING: "free" }, { retriever: async () => [T2D] }),
      );
      expect("grounding" in server.requests.at(-1)!.body).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("answers a question the knowledge base has nothing for with a fixed message and no model call", async () => {
    const server = await startFakeGpuFunction({ deltas: ["Invented text [1]."], models: [{ id: "m" }] });
    try {
      for (const env of [{ CHAT_GROUNDING: "free" }, { CHAT_GROUNDING: "quote" }]) {
        const q = input("What is the capital of France?");
        const events = await runChatTurn(q, deps(server.url, { ...env, CHAT_MODEL: "m" }, { retriever: async () => [] }));
        expect(events.map((e) => e.type)).toEqual(["start", "text-delta", "disclaimer", "finish"]);
        expect(answerText(events)).toMatch(
          /^I couldn't find this in the MedChat knowledge base.*ask a doctor, nurse or pharmacist.*medlineplus\.gov.*call 911\.$/,
        );
        const stored = await listMessages(handle.db, q.conversationId);
        expect((stored[1]!.parts as { type: string; text?: string }[]).find((p) => p.type === "text")?.text).toBe(answerText(events));
      }
      // An emergency still gets its notice first.
      const events = await runChatTurn(
        input("crushing chest pain and sweating, what is it?"),
        deps(server.url, { CHAT_MODEL: "m" }, { retriever: async () => [] }),
      );
      expect(events.map((e) => e.type).slice(0, 3)).toEqual(["start", "emergency", "text-delta"]);
      // ... and the fixed answer points back to it rather than to reading up on MedlinePlus.
      expect(answerText(events)).toBe(
        "Please follow the emergency advice above: call 911 (or your local emergency number) now. " +
          "MedChat cannot help with an emergency, and it has no reliable information on this question.",
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it("answers suicide or self-harm with the crisis text: no retrieval, no model, also for the turns that follow", async () => {
    // The knowledge base would offer a leaflet on medicines for "pills"; it must never be quoted here.
    const server = await startFakeGpuFunction({ deltas: ["Take your medicines as prescribed [1]."], models: [{ id: "m" }] });
    const asked: string[] = [];
    const retriever = async (q: string) => {
      asked.push(q);
      return [{ ...T2D, chunkId: "ep#0", title: "Epilepsy", text: "Most people with epilepsy are treated with anti-seizure medicines." }];
    };
    try {
      const crisisDeps = deps(server.url, { CHAT_MODEL: "m" }, { retriever });
      const first = input("i dont want to live anymore, i have pills saved up");
      const events = await runChatTurn(first, crisisDeps);
      expect(events.map((e) => e.type)).toEqual(["start", "emergency", "text-delta", "disclaimer", "finish"]);
      const text = answerText(events);
      expect(text).toMatch(/^You are not alone, and support is available right now\. Please call or text 988 .* call 911 /);
      expect(text).toContain("keep pills and other means out of reach");
      // A follow-up in the same conversation still falls in triage's window: the same answer, no passages.
      const followUp = await runChatTurn({ ...input("how many would it take"), conversationId: first.conversationId }, crisisDeps);
      expect(answerText(followUp)).toBe(text);
      expect(followUp.some((e) => e.type === "sources")).toBe(false);
      expect(asked).toEqual([]);
      expect(server.requests).toHaveLength(0);
      // A different emergency reported next (a stroke, in Spanish) is answered as itself.
      const stroke = await runChatTurn(
        { ...input("Mi esposo no puede hablar bien y tiene la cara caída de un lado"), conversationId: first.conversationId },
        crisisDeps,
      );
      expect(stroke.find((e) => e.type === "emergency")).toBeDefined();
      expect(answerText(stroke)).not.toContain("You are not alone");
      expect(asked).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("free mode removes markers that name no source, also when split across deltas", async () => {
    const server = await startFakeGpuFunction({
      deltas: ["Thirst is common [1]", " and so is blurred vision [", "3]. See [1, ", "7] a clinician [", "2]."],
      models: [{ id: "m" }],
    });
    try {
      const events = await runChatTurn(
        input("What are the symptoms of type 2 diabetes?"),
        deps(server.url, { CHAT_GROUNDING: "free", CHAT_MODEL: "m" }, { retriever: async () => [T2D, OBESITY] }),
      );
      expect(answerText(events)).toBe("Thirst is common [1] and so is blurred vision. See [1] a clinician [2].");
    } finally {
      await server.close();
    }
  });

  it("with the real gpu-function, quote mode turns a random model into verbatim quotes of the listed sources", async () => {
    for (const question of ["What are the symptoms of type 2 diabetes?", "Is obesity a risk for diabetes?", "How is it measured?"]) {
      const events = await runChatTurn(
        input(question),
        deps(realUrl, { CHAT_GROUNDING: "quote", CHAT_MAX_TOKENS: "400" }, { retriever: async () => [T2D, OBESITY] }),
      );
      expect(events.find((e) => e.type === "error")).toBeUndefined();
      const sources = (events.find((e) => e.type === "sources") as Extract<ChatEvent, { type: "sources" }>).sources;
      const answer = answerText(events);
      const sentences = citedSentences(
        answer,
        sources.map((s) => s.text),
      );
      expect(sentences.length).toBeGreaterThan(0);
      for (const s of sentences) {
        expect(s.verbatim, s.text).toBe(true);
        expect(s.cites).toHaveLength(1);
      }
    }
  }, 60_000);

  it("with the real gpu-function, quote mode starts from the top-ranked source, whichever source retrieval puts first", async () => {
    // A message whose words tell no sentence apart: retrieval's order alone decides where the answer opens.
    const question = "Tell me more please.";
    for (const ranked of [
      [T2D, OBESITY],
      [OBESITY, T2D],
    ]) {
      const events = await runChatTurn(
        input(question),
        deps(realUrl, { CHAT_GROUNDING: "quote", CHAT_MAX_TOKENS: "400" }, { retriever: async () => ranked }),
      );
      const sentences = quotedSentences(events);
      // A random model has strong whims of its own; the prior still puts the top source first (cited [1]), and says enough.
      expect(sentences[0]!.cites).toEqual([1]);
      expect(sentences[0]!.verbatim).toBe(true);
      expect(quoteUnits(ranked[0]!.text).map((u) => u.text.replace(/\s+/g, " "))).toContain(sentences[0]!.text);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);

  it("with the real gpu-function, quote mode opens in a lower-ranked source when its sentences clearly answer and the top one's do not", async () => {
    const events = await runChatTurn(
      input("What are the symptoms of type 2 diabetes?"),
      deps(realUrl, { CHAT_GROUNDING: "quote", CHAT_MAX_TOKENS: "400" }, { retriever: async () => [OBESITY, T2D] }),
    );
    const sentences = quotedSentences(events);
    // The obesity page ranked first says nothing on symptoms; the type 2 diabetes page's symptom sentences open the answer.
    expect(sentences[0]!.cites).toEqual([2]);
    expect(sentences[0]!.verbatim).toBe(true);
    expect(quoteUnits(T2D.text).map((u) => u.text.replace(/\s+/g, " "))).toContain(sentences[0]!.text);
  }, 60_000);

  it("CHAT_QUOTE_PRIOR=none asks the gpu-function to let the model alone choose", async () => {
    const server = await startFakeGpuFunction({ deltas: ["Obesity means having too much body fat. [2]"], models: [{ id: "m" }] });
    try {
      for (const [env, prior] of [
        [{}, "ranked"],
        [{ CHAT_QUOTE_PRIOR: "none" }, "none"],
      ] as const) {
        await runChatTurn(
          input("What are the symptoms of type 2 diabetes?"),
          deps(server.url, { CHAT_GROUNDING: "quote", CHAT_MODEL: "m", ...env }, { retriever: async () => [T2D, OBESITY] }),
        );
        expect((server.requests.at(-1)!.body as { grounding?: { prior?: string } }).grounding?.prior).toBe(prior);
      }
    } finally {
      await server.close();
    }
  });
});
