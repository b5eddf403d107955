// A question that asks two things, end to end: the real chat pipeline over a real PGlite
// knowledge base (starter pages, embedded by the gpu-function's committed embedder), and the
// real gpu-function serving the committed base model with the `grounded` adapter (onnxruntime
// sessions on CPU), in quote mode. Each asked part gets its own passage among the sources,
// and the answer quotes sentences from both, verbatim, with engine-written markers.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGpuFunctionServer, type GpuFunctionServer } from "@/gpu-function/server";
import { citedSentences } from "@/gpu-function/shared/quote-units";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createGpuFunctionEmbedder } from "@/lib/rag/embed";
import { importPath } from "@/lib/rag/importers";
import { ingestDocuments } from "@/lib/rag/ingest";
import { starterKnowledgeBaseDir } from "@/lib/rag/starter";
import { gpuFunctionConfig } from "./model";
import { runChatTurn } from "./pipeline";
import { createKnowledgeBaseRetriever } from "./retriever";
import type { ChatEvent, ChatSource, Retriever } from "./types";

const TOKEN = "secret";
/** Pages of the starter knowledge base: the ones asked about and others that share their words. */
const PAGES = [
  "gout",
  "shingles",
  "pneumonia",
  "acne",
  "chickenpox",
  "vaccination-basics",
  "osteoarthritis",
  "common-cold",
  "influenza",
  "covid-19",
];

let dir: string;
let server: GpuFunctionServer;
let url: string;
let handle: DbHandle;
let retriever: Retriever;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "medchat-multipart-"));
  for (const page of PAGES) await cp(path.join(starterKnowledgeBaseDir(), `${page}.md`), path.join(dir, `${page}.md`));
  server = await createGpuFunctionServer({
    modelDir: "models/base",
    modelId: "medchat-base",
    embeddingModelDir: "models/embedder",
    embeddingModelId: "medchat-embedder",
    token: TOKEN,
    adapterRoots: ["models/adapters"],
    fineTuning: false,
    intraOpThreads: 1,
    log: () => {},
  });
  url = await server.listen(0, "127.0.0.1");
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  const embedder = createGpuFunctionEmbedder({ baseURL: url, token: TOKEN });
  const report = await ingestDocuments(handle.db, embedder, importPath(dir, { source: "starter" }), { embedderId: embedder.id });
  expect(report.failed).toEqual([]);
  retriever = createKnowledgeBaseRetriever(async () => handle.db, embedder);
}, 300_000);

afterAll(async () => {
  await server?.close(1_000);
  await handle?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function ask(text: string, conversationId?: string): Promise<{ answer: string; sources: ChatSource[] }> {
  const id = conversationId ?? `multipart-${++n}`;
  const events: ChatEvent[] = await runChatTurn(
    { surface: "api", visitorId: "visitor_multipart_0000", conversationId: id, userMessage: { id: `${id}-u${++n}`, text }, consent: true },
    {
      db: handle.db,
      retriever,
      gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: url, GPU_FUNCTION_TOKEN: TOKEN, CHAT_MODEL: "grounded", CHAT_GROUNDING: "quote" }),
      env: {},
    },
  );
  expect(events.find((e) => e.type === "error")).toBeUndefined();
  const sources = (events.find((e) => e.type === "sources") as Extract<ChatEvent, { type: "sources" }> | undefined)?.sources ?? [];
  return { answer: events.map((e) => (e.type === "text-delta" ? e.text : "")).join(""), sources };
}

/** The sections the answer quotes, by heading, after checking every sentence is verbatim from the source it cites. */
function quotedSections(answer: string, sources: ChatSource[]): Set<string> {
  const sentences = citedSentences(
    answer,
    sources.map((s) => s.text),
  );
  expect(sentences.length).toBeGreaterThan(0);
  for (const s of sentences) {
    expect(s.verbatim, s.text).toBe(true);
    expect(s.cites).toHaveLength(1);
  }
  return new Set(sentences.map((s) => sources[s.cites[0]! - 1]!.headingPath));
}

describe("a question that asks two things (committed model and grounded adapter, real knowledge base)", () => {
  it("quotes the passage of each part: what gout is, and how it is treated", async () => {
    const { answer, sources } = await ask("What is gout and how is it treated?");
    expect(sources.map((s) => s.headingPath).slice(0, 2)).toEqual(["Gout > What it is", "Gout > Treatment and management"]);
    const quoted = quotedSections(answer, sources);
    expect(quoted).toContain("Gout > What it is");
    expect(quoted).toContain("Gout > Treatment and management");
    // Part 1 first, then part 2, as asked.
    expect(answer.indexOf("[1]")).toBeLessThan(answer.indexOf("[2]"));
  }, 120_000);

  it("quotes the shingles page for the first part and its prevention section for the vaccine", async () => {
    const { answer, sources } = await ask("What are the symptoms of shingles, and is there a vaccine for it?");
    const quoted = [...quotedSections(answer, sources)];
    expect(quoted).toContain("Shingles > Prevention");
    expect(quoted.some((h) => h.startsWith("Shingles >") && h !== "Shingles > Prevention")).toBe(true);
  }, 120_000);

  it("answers a comparison from both pages, each from its lead: a cold, then the flu", async () => {
    for (const question of ["What's the difference between a cold and the flu?", "is this a cold or the flu??"]) {
      const { answer, sources } = await ask(question);
      const quoted = [...quotedSections(answer, sources)];
      expect(quoted, question).toContain("Common cold > What it is");
      expect(quoted, question).toContain("Influenza (flu) > What it is");
      // The sides in the order asked.
      const cold = sources.find((s) => s.headingPath === "Common cold > What it is")!.n;
      const flu = sources.find((s) => s.headingPath === "Influenza (flu) > What it is")!.n;
      expect(answer.indexOf(`[${cold}]`), answer).toBeLessThan(answer.indexOf(`[${flu}]`));
    }
  }, 240_000);

  it("answers a follow-up from the page of the question it follows", async () => {
    const conversation = "multipart-follow-up";
    const first = await ask("What is gout?", conversation);
    expect(first.sources[0]?.headingPath).toBe("Gout > What it is");
    const { answer, sources } = await ask("how is it treated?", conversation);
    const quoted = [...quotedSections(answer, sources)];
    expect(quoted).toContain("Gout > Treatment and management");
  }, 240_000);
});
