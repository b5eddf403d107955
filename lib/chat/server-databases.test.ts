// The production path (issue 20), offline: the project's database factory with a Neon
// URL (through a Neon-style WebSocket proxy, no test-side WebSocket setup) and with a
// plain postgres:// URL (pg), each against a fresh PostgreSQL (PGlite served by
// pglite-socket): migrations, the schema check, the chat pipeline's queries, pgvector.
// Also: six concurrent `npm run db:migrate` on one fresh database, the 503 while the
// schema is behind, and a database restart under a live pool.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { createDb, type DbHandle } from "@/lib/db/client";
import { servePglite } from "@/lib/db/embedded-server";
import { openPglite } from "@/lib/db/pglite-open";
import { closeDb, getDbHandle, SchemaNotCurrentError } from "@/lib/db";
import { journalEntries, migrateDb, schemaStatus } from "@/lib/db/migrate";
import { listMessages } from "@/lib/db/messages";
import { startNeonWsProxy, type NeonWsProxy } from "@/lib/db/neon-ws-proxy.test-helper";
import { createKnowledgeBaseRetriever } from "@/lib/chat/retriever";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { runChatTurn } from "@/lib/chat/pipeline";
import { startFakeGpuFunction } from "@/lib/chat/fake-gpu-function.test-helper";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { ingestSourceDocuments } from "@/lib/rag/ingest";
import { CONDITIONS } from "@/lib/rag/test-helpers";
import { proxy } from "@/proxy";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  vi.unstubAllEnvs();
});

/** A fresh PostgreSQL (in-memory PGlite + pgvector) served on 127.0.0.1. */
async function freshServer(): Promise<{ pglite: PGlite; host: string; port: number; url: string; restart(): Promise<void> }> {
  const pglite = await openPglite(null);
  let served = await servePglite(pglite);
  const [host, port] = served.address.split(":");
  cleanups.push(async () => {
    await served.stop();
    await pglite.close();
  });
  return {
    pglite,
    host,
    port: Number(port),
    url: `postgres://postgres:postgres@${host}:${port}/postgres`,
    async restart() {
      await served.stop();
      served = await servePglite(pglite, { port: Number(port) });
    },
  };
}

async function exerciseChatPipeline(handle: DbHandle): Promise<void> {
  const embedder = createHashingEmbedder();
  const report = await ingestSourceDocuments(handle.db, embedder, CONDITIONS, { batchDocuments: 2 });
  expect(report.added).toBe(CONDITIONS.length);
  const gpu = await startFakeGpuFunction({ deltas: ["Asthma ", "narrows ", "the airways [1]."] });
  cleanups.push(() => gpu.close());
  const events = await runChatTurn(
    {
      surface: "web",
      visitorId: "visitor_cccccccccccccccc",
      conversationId: "conv-neon",
      userMessage: { id: "conv-neon-u1", text: "Why does asthma cause wheezing?" },
      consent: true,
    },
    {
      db: handle.db,
      gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: gpu.url, CHAT_MODEL: "fake-model" }),
      retriever: createKnowledgeBaseRetriever(async () => handle.db, embedder),
      env: {},
    },
  );
  const sources = events.find((e) => e.type === "sources") as { sources: { documentId: string }[] } | undefined;
  expect(sources?.sources[0]?.documentId).toBe("asthma");
  expect(events.at(-1)).toMatchObject({ type: "finish", status: "complete" });
  const stored = await listMessages(handle.db, "conv-neon");
  expect(stored.map((m) => [m.role, m.status])).toEqual([
    ["user", "complete"],
    ["assistant", "complete"],
  ]);
  // pgvector through the driver: the nearest chunk to asthma's own vector is asthma's.
  const vector = JSON.stringify(await embedder.embedQuery("Asthma narrows the airways and causes wheezing"));
  const nearest = await handle.db.execute(sql`select document_id from chunks order by embedding <=> ${vector}::vector limit 1`);
  expect((nearest as unknown as { rows: { document_id: string }[] }).rows[0].document_id).toBe("asthma");
}

describe("server database drivers", () => {
  it("Neon: the factory with a Neon URL migrates and runs the chat pipeline through a Neon-style WebSocket proxy", async () => {
    const server = await freshServer();
    const wsProxy: NeonWsProxy = await startNeonWsProxy({ host: server.host, port: server.port });
    cleanups.push(() => wsProxy.close());
    vi.stubEnv("NEON_LOCAL_PROXY", wsProxy.address);
    // No WebSocket set up here: on Node 20 the factory must supply `ws` itself.
    const handle = await createDb({
      url: "postgres://medchat:secret@ep-quiet-field-123456.us-east-2.aws.neon.tech/medchat?sslmode=require",
    });
    cleanups.push(() => handle.close());
    expect(handle.kind).toBe("neon");
    expect((await schemaStatus(handle)).current).toBe(false);
    const { applied } = await migrateDb(handle);
    expect(applied).toHaveLength(journalEntries().length);
    expect(await schemaStatus(handle)).toMatchObject({ current: true });
    await exerciseChatPipeline(handle);
    expect(wsProxy.connections).toBeGreaterThan(0);
  });

  it("pg: the same migrations and chat pipeline over node-postgres", async () => {
    const server = await freshServer();
    const handle = await createDb({ url: server.url });
    cleanups.push(() => handle.close());
    expect(handle.kind).toBe("pg");
    await migrateDb(handle);
    expect(await schemaStatus(handle)).toMatchObject({ current: true });
    await exerciseChatPipeline(handle);
  });

  it("six concurrent `npm run db:migrate` on one fresh database all succeed and apply the schema once", async () => {
    const server = await freshServer();
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        run(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: server.url },
          timeout: 300_000,
        }).then(
          (r) => ({ code: 0, out: r.stdout + r.stderr }),
          (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, out: `${e.stdout}${e.stderr}` }),
        ),
      ),
    );
    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.out).join("\n"),
    ).toEqual([0, 0, 0, 0, 0, 0]);
    for (const r of runs) expect(r.out).toMatch(/schema current/);
    const rows = await server.pglite.query<{ n: number; distinct_n: number }>(
      "select count(*)::int as n, count(distinct created_at)::int as distinct_n from drizzle.__drizzle_migrations",
    );
    expect(rows.rows[0]).toEqual({ n: journalEntries().length, distinct_n: journalEntries().length });
  });

  it("an app instance on a server database that is behind answers 503 naming npm run db:migrate, and recovers after it", async () => {
    const server = await freshServer();
    vi.stubEnv("DATABASE_URL", server.url);
    cleanups.push(() => closeDb());
    const error = await getDbHandle().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaNotCurrentError);
    expect((error as Error).message).toMatch(/0 of \d+ migrations applied\)\. Run `npm run db:migrate`/);
    const api = await proxy(new NextRequest("http://127.0.0.1/api/chat", { method: "POST" }));
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({
      error: { code: "schema_not_current", message: expect.stringContaining("npm run db:migrate") },
    });
    expect((await proxy(new NextRequest("http://127.0.0.1/"))).status).toBe(503);
    // The release step runs; the instance recovers without a restart.
    const migrator = await createDb({ url: server.url });
    await migrateDb(migrator);
    await migrator.close();
    const handle = await getDbHandle();
    expect(handle.kind).toBe("pg");
    await new Promise((r) => setTimeout(r, 0));
    expect((await proxy(new NextRequest("http://127.0.0.1/api/health"))).status).not.toBe(503);
  });

  it("a database restart under a live pool logs one line and the next query reconnects", async () => {
    const server = await freshServer();
    const handle = await createDb({ url: server.url });
    cleanups.push(() => handle.close());
    await handle.db.execute(sql`select 1`);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    cleanups.push(async () => errors.mockRestore());
    await server.restart();
    await expect.poll(() => errors.mock.calls.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(String(errors.mock.calls[0][0])).toMatch(/^\[db\] connection lost: .*\(the next query reconnects\)$/);
    const result = await handle.db.execute(sql`select 41 + 1 as n`);
    expect((result as unknown as { rows: { n: number }[] }).rows[0].n).toBe(42);
  });
});
