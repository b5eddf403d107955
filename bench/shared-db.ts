// Shared embedded database benchmark (issue 19): what serving the data folder over the
// PostgreSQL protocol costs the chat and ingestion, against the peer measured in the same
// run — the same PGlite folder opened in-process (how the app reached it before).
// For each: ingestion chunks/s alone; chat turn latency (the real /api/chat handler with
// hybrid retrieval over the knowledge base, a fake model answering instantly, so the time
// is the app's and the database's) alone, and with an ingestion running beside it.
//   npm run bench:shared-db -- [--docs 1500] [--turns 40]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createKnowledgeBaseRetriever } from "@/lib/chat/retriever";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { handleChatRequest } from "@/lib/chat/web-handler";
import { VISITOR_COOKIE } from "@/lib/chat/visitor";
import { startFakeGpuFunction } from "@/lib/chat/fake-gpu-function.test-helper";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import type { SourceDocument } from "@/lib/rag/types";
import { freePort, startDbServer, waitForDbServer } from "../scripts/start";

const { values } = parseArgs({ options: { docs: { type: "string", default: "1500" }, turns: { type: "string", default: "40" } } });
const DOCS = Number(values.docs);
const TURNS = Number(values.turns);
const log = (s: string) => process.stderr.write(`${s}\n`);

const WORDS =
  "asthma airway wheeze inhaler diabetes insulin glucose kidney stone pain fever infection virus bacteria heart blood pressure stroke migraine headache nausea skin rash allergy vaccine child adult elderly diet exercise sleep anxiety depression liver lung cough chest joint arthritis bone fracture cancer screening dose symptom treatment prevention risk".split(
    " ",
  );
function documents(count: number, prefix: string): SourceDocument[] {
  let seed = 4242;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}:${i}`,
    source: "Bench",
    title: `${WORDS[i % WORDS.length]} topic ${i}`,
    sections: [
      {
        headingPath: [`Topic ${i}`],
        text: Array.from(
          { length: 10 },
          () => Array.from({ length: 14 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ") + ".",
        ).join(" "),
      },
    ],
  }));
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function ingest(handle: DbHandle, docs: SourceDocument[]): Promise<number> {
  const report = await ingestSourceDocuments(handle.db, createHashingEmbedder(), docs, { batchDocuments: 32 });
  return report.chunksWritten / (report.elapsedMs / 1000);
}

async function chatTurns(handle: DbHandle, gpuUrl: string, label: string): Promise<number[]> {
  const embedder = createHashingEmbedder();
  const deps = {
    getDb: async () => handle.db,
    gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: gpuUrl, CHAT_MODEL: "fake-model" }),
    retriever: createKnowledgeBaseRetriever(async () => handle.db, embedder),
    env: { CHAT_RATE_LIMIT_PER_MINUTE: "0", CHAT_RATE_LIMIT_PER_DAY: "0", CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "0" },
  };
  const ms: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const id = `${label.replace(/[^A-Za-z0-9]+/g, "-")}-${i}`;
    const request = new Request("http://127.0.0.1/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `${VISITOR_COOKIE}=visitor_benchbenchbenchbe` },
      body: JSON.stringify({
        id,
        consent: true,
        message: {
          id: `${id}-u`,
          role: "user",
          parts: [{ type: "text", text: `How is ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} treated?` }],
        },
      }),
    });
    const t = performance.now();
    const res = await handleChatRequest(request, deps);
    const body = await res.text();
    ms.push(performance.now() - t);
    if (res.status !== 200 || !body.includes('"finish"')) throw new Error(`chat turn failed: ${res.status} ${body.slice(0, 200)}`);
  }
  return ms;
}

interface Row {
  name: string;
  ingestAlone: number;
  chatAlone: number[];
  chatLoaded: number[];
  ingestLoaded: number;
}

async function measure(
  name: string,
  open: () => Promise<{ app: DbHandle; cli: DbHandle; stop: () => Promise<void> }>,
  gpuUrl: string,
): Promise<Row> {
  log(`${name}: opening`);
  const { app, cli, stop } = await open();
  try {
    const ingestAlone = await ingest(cli, documents(DOCS, `${name}-base`));
    log(`${name}: ingested alone at ${ingestAlone.toFixed(0)} chunks/s`);
    await chatTurns(app, gpuUrl, `${name}-warm`);
    const chatAlone = await chatTurns(app, gpuUrl, `${name}-alone`);
    // Chat while an ingestion runs beside it (the CLI beside the app).
    const loaded = ingest(cli, documents(DOCS, `${name}-more`));
    const chatLoaded = await chatTurns(app, gpuUrl, `${name}-loaded`);
    const ingestLoaded = await loaded;
    return { name, ingestAlone, chatAlone, chatLoaded, ingestLoaded };
  } finally {
    await stop();
  }
}

async function main(): Promise<void> {
  const gpu = await startFakeGpuFunction({ deltas: ["Asthma ", "is ", "treated ", "with ", "inhalers."] });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-shared-db-"));
  try {
    const direct = await measure(
      "in-process PGlite (before)",
      async () => {
        const handle = await createDb({ dataDir: path.join(root, "direct") });
        await migrateDb(handle);
        // Before: one process had the folder; its app code and ingestion shared the handle.
        return { app: handle, cli: handle, stop: () => handle.close() };
      },
      gpu.url,
    );
    const served = await measure(
      "served by the database server, pg (after)",
      async () => {
        const folder = path.join(root, "served");
        const env = { ...process.env, MEDCHAT_DATA_DIR: folder, MEDCHAT_DB_PORT: String(await freePort()) };
        const server = startDbServer(env);
        await waitForDbServer(folder, server, 300_000);
        const app = await createDb({ dataDir: folder });
        const cli = await createDb({ dataDir: folder });
        return {
          app,
          cli,
          stop: async () => {
            await Promise.all([app.close(), cli.close()]);
            await new Promise((r) => {
              server.once("exit", r);
              server.kill("SIGTERM");
            });
          },
        };
      },
      gpu.url,
    );
    const f = (x: number) => x.toFixed(1).padStart(9);
    console.log(
      `\nshared embedded database: ${DOCS} documents per ingestion, ${TURNS} chat turns per measurement; load: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `${"".padEnd(44)}${"ingest/s".padStart(9)}${"chat p50".padStart(9)}${"chat p95".padStart(9)}${"+ingest".padStart(9)}${"p50".padStart(9)}${"p95".padStart(9)}`,
    );
    for (const r of [direct, served]) {
      console.log(
        `${r.name.padEnd(44)}${f(r.ingestAlone)}${f(percentile(r.chatAlone, 50))}${f(percentile(r.chatAlone, 95))}${f(r.ingestLoaded)}${f(percentile(r.chatLoaded, 50))}${f(percentile(r.chatLoaded, 95))}`,
      );
    }
    const ratio = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
    console.log(
      `served / in-process: ingestion ${ratio(served.ingestAlone, direct.ingestAlone)} (beside chat ${ratio(served.ingestLoaded, direct.ingestLoaded)}); ` +
        `chat p50 ${ratio(percentile(served.chatAlone, 50), percentile(direct.chatAlone, 50))} (beside ingestion ${ratio(percentile(served.chatLoaded, 50), percentile(direct.chatLoaded, 50))})`,
    );
  } finally {
    await gpu.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
