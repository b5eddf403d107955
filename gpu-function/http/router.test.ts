import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { ApiError, bearerMatches, createRouter, parseBody, sendJson, SseWriter, type Route } from "./router";

let server: Server;
let base: string;

const routes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/jobs/:id/events",
    async handler(_req, res, ctx) {
      sendJson(res, 200, { id: ctx.params.id, limit: ctx.url.searchParams.get("limit") });
    },
  },
  {
    method: "POST",
    pattern: "/v1/echo",
    maxBodyBytes: 64,
    async handler(_req, res, ctx) {
      const body = parseBody(z.object({ a: z.object({ b: z.number() }) }), await ctx.readJson());
      sendJson(res, 200, body);
    },
  },
  {
    method: "GET",
    pattern: "/v1/limited",
    async handler() {
      throw new ApiError(429, "slow down", { code: "queue_full", headers: { "retry-after": "3" } });
    },
  },
  {
    method: "GET",
    pattern: "/v1/boom",
    async handler() {
      throw new Error("secret internals");
    },
  },
  {
    method: "GET",
    pattern: "/v1/sse",
    async handler(_req, res) {
      const sse = new SseWriter(res);
      sse.data({ n: 1 });
      sse.done();
    },
  },
  {
    method: "GET",
    pattern: "/v1/sse-burst",
    async handler(_req, res) {
      const sse = new SseWriter(res);
      const write = res.write.bind(res) as (chunk: string) => boolean;
      let writes = 0;
      res.write = ((chunk: string) => (writes++, write(chunk))) as typeof res.write;
      sse.coalesce(60_000);
      for (let n = 1; n <= 4; n++) sse.data({ n }); // #1 at once, #2–#4 wait for the window
      sse.comment(`writes before done: ${writes}`);
      sse.done(); // flushes what waits, with [DONE], in one write
      res.write = write as typeof res.write;
      sseBurstWrites = writes;
    },
  },
  {
    method: "GET",
    pattern: "/v1/sse-render",
    async handler(_req, res) {
      const sse = new SseWriter(res);
      sse.coalesce(60_000);
      let text = "";
      const frame = () => {
        const out = `data: ${JSON.stringify({ text })}\n\n`;
        text = "";
        return out;
      };
      text += "a";
      sse.render(frame); // the first event after coalesce() goes out at once
      text += "b";
      sse.render(frame); // waits for the window…
      text += "c"; // …so text added before the write joins it
      sse.data({ n: 2 });
      sse.done();
    },
  },
  {
    method: "GET",
    pattern: "/healthz",
    async handler(_req, res) {
      sendJson(res, 200, { ok: true });
    },
  },
];

beforeAll(async () => {
  server = createServer(
    createRouter(routes, { maxBodyBytes: 1024, authorize: (req) => bearerMatches(req, "k"), publicPaths: ["/healthz"] }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const auth = { authorization: "Bearer k" };
let sseBurstWrites = 0;

describe("router", () => {
  it("matches :params and query strings, decoding components", async () => {
    const res = await fetch(`${base}/v1/jobs/ft%2D1/events?limit=5`, { headers: auth });
    expect(await res.json()).toEqual({ id: "ft-1", limit: "5" });
  });

  it("requires the bearer token except on public paths", async () => {
    const res = await fetch(`${base}/v1/jobs/x/events`, { headers: { authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { message: "Missing or invalid bearer token", type: "invalid_request_error", param: null, code: "invalid_api_key" },
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("names the invalid field, limits bodies per route, and rejects bad JSON", async () => {
    const post = (body: string) => fetch(`${base}/v1/echo`, { method: "POST", headers: auth, body });
    const bad = await post(JSON.stringify({ a: { b: "x" } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe("a.b");
    expect((await post(JSON.stringify({ a: { b: 1 }, pad: "x".repeat(100) }))).status).toBe(413);
    expect((await post("{")).status).toBe(400);
    expect(await (await post(JSON.stringify({ a: { b: 2 } }))).json()).toEqual({ a: { b: 2 } });
  });

  it("answers 404/405, passes error headers, and hides internal errors", async () => {
    expect((await fetch(`${base}/v1/nothing`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${base}/v1/echo`, { headers: auth })).status).toBe(405);
    const limited = await fetch(`${base}/v1/limited`, { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    const boom = await fetch(`${base}/v1/boom`, { headers: auth });
    expect(boom.status).toBe(500);
    expect(JSON.stringify(await boom.json())).not.toContain("secret");
  });

  it("frames server-sent events the way OpenAI clients parse them", async () => {
    const res = await fetch(`${base}/v1/sse`, { headers: auth });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(await res.text()).toBe('data: {"n":1}\n\ndata: [DONE]\n\n');
  });

  it("coalesces events that come within the window into one write, in order, none lost", async () => {
    const res = await fetch(`${base}/v1/sse-burst`, { headers: auth });
    expect(await res.text()).toBe(
      'data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\ndata: {"n":4}\n\n: writes before done: 1\n\ndata: [DONE]\n\n',
    );
    expect(sseBurstWrites).toBe(2);
  });

  it("renders a queued event when it is written, so what is added meanwhile joins it", async () => {
    const res = await fetch(`${base}/v1/sse-render`, { headers: auth });
    expect(await res.text()).toBe('data: {"text":"a"}\n\ndata: {"text":"bc"}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
  });
});
