// Shared set-up of the partner API tests: an in-memory PGlite with the migrations and
// a small knowledge base (real hybrid retrieval, hashing embedder), an OpenAI-compatible
// fake gpu-function, and the partner routes on a real HTTP server.
import { eq } from "drizzle-orm";
import OpenAI from "openai";
import { startFakeGpuFunction, type FakeServer, type FakeServerOptions } from "@/lib/chat/fake-gpu-function.test-helper";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { createKnowledgeBaseRetriever } from "@/lib/chat/retriever";
import { createDb, type Db, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { usageRecords } from "@/lib/db/schema";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import { createApiKey, type NewApiKey } from "./keys";
import { startPartnerApp, type PartnerApp } from "./partner-app.test-helper";

export const KB_DOCS = [
  {
    id: "asthma",
    source: "test",
    title: "Asthma",
    url: "https://example.org/asthma",
    sections: [
      {
        headingPath: ["Asthma", "What is asthma?"],
        text: "Asthma is a long-term condition in which the airways narrow and swell. Asthma causes wheezing, coughing and shortness of breath. An inhaler relieves asthma symptoms.",
      },
    ],
  },
  {
    id: "flu",
    source: "test",
    title: "Influenza",
    url: "https://example.org/flu",
    sections: [
      {
        headingPath: ["Influenza", "Flu vaccine"],
        text: "The flu vaccine lowers the risk of influenza. Common side effects of the flu shot are a sore arm and a mild fever.",
      },
    ],
  },
  {
    // A question with no passage gets a fixed answer and no model call (lib/chat/no-passage.ts),
    // so the emergency question needs a passage for the model to be asked.
    id: "heart-attack",
    source: "test",
    title: "Heart attack warning signs",
    url: "https://example.org/heart-attack",
    sections: [
      {
        headingPath: ["Heart attack", "Warning signs"],
        text: "Crushing chest pain spreading to the left arm, with sweating, can be a sign of a heart attack. Call 911 at once.",
      },
    ],
  },
];

export interface PartnerFixture {
  handle: DbHandle;
  db: Db;
  gpu: FakeServer;
  app: PartnerApp;
  /** Another app instance on the same database, with its own fake gpu-function. */
  startApp(
    gpuOptions: FakeServerOptions,
    env?: Record<string, string>,
  ): Promise<{ app: PartnerApp; gpu: FakeServer; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function startPartnerFixture(gpuOptions: FakeServerOptions, env: Record<string, string> = {}): Promise<PartnerFixture> {
  const handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  const embedder = createHashingEmbedder();
  await ingestSourceDocuments(handle.db, embedder, KB_DOCS);
  const getDb = async () => handle.db;
  const retriever = createKnowledgeBaseRetriever(getDb, embedder);
  const startApp = async (options: FakeServerOptions, appEnv: Record<string, string> = {}) => {
    const gpu = await startFakeGpuFunction(options);
    const app = await startPartnerApp({
      getDb,
      retriever,
      gpu: gpuFunctionConfig({
        GPU_FUNCTION_URL: gpu.url,
        CHAT_MODEL: "fake-model",
        CHAT_MAX_TOKENS: "64",
        CHAT_TIMEOUT_MS: "20000",
        ...appEnv,
      }),
      env: appEnv,
    });
    return {
      app,
      gpu,
      async close() {
        await app.close();
        await gpu.close();
      },
    };
  };
  const main = await startApp(gpuOptions, env);
  return {
    handle,
    db: handle.db,
    gpu: main.gpu,
    app: main.app,
    startApp,
    async close() {
      await main.close();
      // Let settlements of abandoned streams land before the database goes.
      await new Promise((r) => setTimeout(r, 200));
      await handle.close();
    },
  };
}

export async function newKey(db: Db, overrides: Partial<NewApiKey> = {}): Promise<{ key: string; id: string }> {
  const { key, info } = await createApiKey(db, {
    name: "test partner",
    requestsPerMinute: 1000,
    tokensPerDay: 1_000_000,
    concurrentRequests: 100,
    ...overrides,
  });
  return { key, id: info.id };
}

export function client(app: PartnerApp, apiKey: string, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}): OpenAI {
  return new OpenAI({ baseURL: app.baseURL, apiKey, maxRetries: 0, timeout: 60_000, ...options });
}

export async function usageRows(db: Db, apiKeyId: string) {
  return db.select().from(usageRecords).where(eq(usageRecords.apiKeyId, apiKeyId)).orderBy(usageRecords.createdAt);
}

/** Reads an SSE body into its data payloads (JSON objects, and the final "[DONE]"). */
export async function readSse(response: Response): Promise<(Record<string, unknown> | "[DONE]")[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("data: "))
    .map((block) => block.slice("data: ".length))
    .map((data) => (data === "[DONE]" ? "[DONE]" : (JSON.parse(data) as Record<string, unknown>)));
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
