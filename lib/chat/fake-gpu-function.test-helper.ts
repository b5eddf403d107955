// A minimal OpenAI-compatible SSE server on 127.0.0.1 for pipeline tests: streams
// the given deltas, optionally destroys the socket midway (a broken stream).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeServerOptions {
  deltas: string[];
  reasoning?: string[];
  /** Destroy the socket after this many content deltas. */
  breakAfter?: number;
  status?: number;
  delayMs?: number;
  /** What GET /v1/models lists. */
  models?: { id: string; parent?: string | null }[];
}

export interface FakeServer {
  url: string;
  requests: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startFakeGpuFunction(opts: FakeServerOptions): Promise<FakeServer> {
  const requests: FakeServer["requests"] = [];
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.url === "/v1/models") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ object: "list", data: (opts.models ?? [{ id: "fake-model" }]).map((m) => ({ object: "model", ...m })) }));
      return;
    }
    requests.push({ headers: req.headers, body: raw ? JSON.parse(raw) : {} });
    if (opts.status && opts.status !== 200) {
      res
        .writeHead(opts.status, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "overloaded", type: "server_error" } }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (delta: Record<string, unknown>, finish: string | null = null, usage?: unknown) =>
      res.write(
        `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "fake-model", choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...(usage ? { usage } : {}) })}\n\n`,
      );
    send({ role: "assistant" });
    for (const r of opts.reasoning ?? []) send({ reasoning_content: r });
    let sent = 0;
    for (const d of opts.deltas) {
      if (opts.breakAfter !== undefined && sent >= opts.breakAfter) {
        // Let the client read what was sent, then break the connection mid-answer.
        await new Promise((r) => setTimeout(r, 100));
        req.socket.destroy();
        return;
      }
      send({ content: d });
      sent++;
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    }
    send({}, "stop");
    res.write(
      `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "fake-model", choices: [], usage: { prompt_tokens: 11, completion_tokens: opts.deltas.length, total_tokens: 11 + opts.deltas.length } })}\n\n`,
    );
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening (the gpu-function is down). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
