// A real HTTP server on 127.0.0.1 that serves the partner API's route handlers the way
// the Next.js routes do (app/api/v1/**), so the official clients talk to them over a
// socket: requests become web Requests (aborted when the client goes away), responses
// are streamed back chunk by chunk.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/db/client";
import { handleChatCompletions, type PartnerDeps } from "./chat-handler";
import { handlePreflight } from "./cors";
import { openApiDocument } from "./openapi";
import { handleModels, handleUsage } from "./usage";

export interface PartnerApp {
  url: string;
  /** Base URL for OpenAI clients: …/api/v1 */
  baseURL: string;
  close(): Promise<void>;
}

function route(request: Request, deps: PartnerDeps): Promise<Response> | Response {
  const { pathname } = new URL(request.url);
  const getDb: () => Promise<Db> = deps.getDb;
  if (request.method === "OPTIONS") return handlePreflight(request, getDb);
  if (pathname === "/api/v1/chat/completions" && request.method === "POST") return handleChatCompletions(request, deps);
  if (pathname === "/api/v1/models" && request.method === "GET") return handleModels(request, getDb);
  const model = /^\/api\/v1\/models\/([^/]+)$/.exec(pathname);
  if (model && request.method === "GET") return handleModels(request, getDb, decodeURIComponent(model[1]));
  if (pathname === "/api/v1/usage" && request.method === "GET") return handleUsage(request, getDb);
  if (pathname === "/api/v1/openapi.json") return Response.json(openApiDocument());
  return Response.json({ error: { message: "not found", type: "not_found_error", param: null, code: "not_found" } }, { status: 404 });
}

export async function startPartnerApp(deps: PartnerDeps): Promise<PartnerApp> {
  const server = http.createServer(async (req, res) => {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
      else if (value !== undefined) headers.set(name, value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
    // Read whole (as Next.js's server leaves a connection reusable even when a handler refuses early).
    const chunks: Buffer[] = [];
    if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url}`, {
      method: req.method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
      signal: abort.signal,
    });
    let response: Response;
    try {
      response = await route(request, deps);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) {
      res.end();
      return;
    }
    const reader = response.body.getReader();
    res.on("close", () => {
      if (!res.writableFinished) void reader.cancel().catch(() => {});
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
      res.end();
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/api/v1`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
