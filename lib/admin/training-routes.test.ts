// The admin console's retraining endpoints over a real database and a real HTTP
// gpu-function stand-in: admin-only with CSRF, runs listed, rollback pushes the previous
// adapter, flips the pointer and is in the audit log.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { adapters } from "@/lib/db/schema";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { handleAdminRequest, type AdminDeps } from "@/lib/admin/api";
import { listAudit } from "@/lib/admin/audit";
import { ensureFirstAdmin } from "@/lib/admin/users";

let handle: DbHandle;
let deps: AdminDeps;
const pushed: string[] = [];
const server = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    if (req.method === "POST" && req.url === "/v1/adapters" && req.headers.authorization === "Bearer admin-training-token") {
      pushed.push(JSON.parse(raw).name);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    } else res.writeHead(404).end("{}");
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  process.env.GPU_FUNCTION_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.GPU_FUNCTION_TOKEN = "admin-training-token";
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  const embedder = createHashingEmbedder();
  deps = { getDb: async () => handle.db, embedder: () => embedder };
  await ensureFirstAdmin(handle.db, { ADMIN_EMAIL: "admin@clinic.example", ADMIN_PASSWORD: "correct horse battery" });
});
afterAll(async () => {
  server.close();
  await handle?.close();
});

async function call(method: string, path: string, session?: { cookie: string; csrf: string | null }, body?: unknown) {
  const headers: Record<string, string> = { "x-forwarded-for": "10.1.1.1" };
  if (session) headers.cookie = session.cookie;
  if (session?.csrf) headers["x-csrf-token"] = session.csrf;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await handleAdminRequest(
    new Request(`http://127.0.0.1:3000/api/admin/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    path.split("/"),
    deps,
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("admin retraining endpoints", () => {
  it("need a session and CSRF; list runs; rollback flips the pointer back, pushes the adapter and is audited", async () => {
    expect((await call("GET", "training/runs")).status).toBe(401);
    const login = await handleAdminRequest(
      new Request("http://127.0.0.1:3000/api/admin/login", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "10.1.1.1" },
        body: JSON.stringify({ email: "admin@clinic.example", password: "correct horse battery" }),
      }),
      ["login"],
      deps,
    );
    expect(login.status).toBe(200);
    const session = {
      cookie: login.headers.get("set-cookie")!.split(";")[0],
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };

    expect(await call("GET", "training/runs", session)).toEqual({ status: 200, json: { runs: [], adapters: [], active: null } });
    expect((await call("POST", "training/rollback", session, {})).status).toBe(409); // nothing to roll back
    expect((await call("POST", "training/rollback", { ...session, csrf: null }, {})).status).toBe(403);

    const config = { peft_type: "LORA", r: 8 };
    await handle.db.insert(adapters).values([
      { name: "v1", status: "retired", adapterConfig: config, weights: Buffer.from([1]), promotedAt: new Date(Date.now() - 60_000) },
      { name: "v2", status: "active", adapterConfig: config, weights: Buffer.from([2]), promotedAt: new Date() },
    ]);
    const rolled = await call("POST", "training/rollback", session, {});
    expect(rolled).toEqual({ status: 200, json: { from: "v2", to: "v1" } });
    expect(pushed).toEqual(["v1"]);
    const [v1] = await handle.db.select().from(adapters).where(eq(adapters.name, "v1"));
    expect(v1.status).toBe("active");
    expect((await call("GET", "training/runs", session)).json.active).toBe("v1");
    const audit = await listAudit(handle.db);
    expect(JSON.stringify(audit)).toContain("adapter.rollback");
  });
});
