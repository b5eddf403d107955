// The setup the /api/chat handler tests share: a migrated in-memory PGlite, a fake
// gpu-function streaming the given deltas on 127.0.0.1, the handler's deps, and requests
// shaped like the web chat's (and the widget panel's).
import type { Db } from "@/lib/db/client";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { startFakeGpuFunction, type FakeServer } from "./fake-gpu-function.test-helper";
import { gpuFunctionConfig } from "./model";
import { VISITOR_COOKIE } from "./visitor";
import type { WebChatDeps } from "./web-handler";

export interface WebChatFixture {
  handle: DbHandle;
  db: Db;
  gpu: FakeServer;
  deps: WebChatDeps;
  close(): Promise<void>;
}

export async function startWebChatFixture(deltas: string[]): Promise<WebChatFixture> {
  const handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  const gpu = await startFakeGpuFunction({ deltas });
  const deps: WebChatDeps = {
    getDb: async () => handle.db,
    gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: gpu.url, CHAT_MODEL: "fake-model" }),
    env: {},
  };
  return {
    handle,
    db: handle.db,
    gpu,
    deps,
    close: async () => {
      await gpu.close();
      await handle.close();
    },
  };
}

/** The cookie header of a web chat visitor. */
export const visitorCookie = (visitorId: string) => `${VISITOR_COOKIE}=${visitorId}`;

/** A request to an app route on 127.0.0.1 (POST with a JSON body, or GET without one). */
export function appRequest(path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://127.0.0.1${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A chat message body as useChat sends it (the newest user message only). */
export const chatBody = (id: string, messageId: string, text: string, extra: Record<string, unknown> = {}) => ({
  id,
  message: { id: messageId, role: "user", parts: [{ type: "text", text }] },
  consent: true,
  ...extra,
});
