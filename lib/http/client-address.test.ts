// Client addresses and body deadlines at the real socket: a node:http server on 127.0.0.1
// with the server guard installed (as instrumentation.ts installs it in `next start`),
// turning each request into a fetch Request the way Next.js hands it to route handlers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { startFakeGpuFunction, type FakeServer } from "@/lib/chat/fake-gpu-function.test-helper";
import { gpuFunctionConfig } from "@/lib/chat/model";
import { VISITOR_COOKIE } from "@/lib/chat/visitor";
import { handleChatRequest, type WebChatDeps } from "@/lib/chat/web-handler";
import { addressKey, clientAddressOf } from "./client-address";
import { installServerGuard, isClientAbort, PEER_HEADER, withoutClientAborts } from "./server-guard";

const IDLE_MS = 600;
const BUDGET_BASE_MS = 2_000;
let env: Record<string, string> = {};
let app: http.Server;
let base: string;
let handle: DbHandle;
let gpu: FakeServer;

function toRequest(req: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
}

beforeAll(async () => {
  installServerGuard({ idleMs: IDLE_MS, budget: { baseMs: BUDGET_BASE_MS, minBytesPerSecond: 16 * 1024 } });
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  gpu = await startFakeGpuFunction({ deltas: ["Rest."] });
  const deps = (): WebChatDeps => ({
    getDb: async () => handle.db,
    gpu: gpuFunctionConfig({ GPU_FUNCTION_URL: gpu.url, CHAT_MODEL: "fake-model" }),
    env,
  });
  app = http.createServer(async (req, res) => {
    if (req.url === "/buffered") {
      // What Next.js does for proxy.ts before any route handler: wait for the whole body.
      for await (const chunk of req) void chunk;
      return void res.writeHead(200).end("{}");
    }
    const request = toRequest(req);
    const response =
      req.url === "/address" ? Response.json({ address: clientAddressOf(request, env) }) : await handleChatRequest(request, deps());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  app?.closeAllConnections();
  await new Promise((r) => app?.close(r));
  await gpu?.close();
  await handle?.close();
});

const addressFor = async (headers: Record<string, string>) =>
  ((await (await fetch(`${base}/address`, { headers })).json()) as { address: string | null }).address;

describe("client address", () => {
  it("is the socket address by default: X-Forwarded-For and a forged peer header are ignored", async () => {
    env = {};
    expect(await addressFor({})).toBe("127.0.0.1");
    expect(await addressFor({ "x-forwarded-for": "203.0.113.50" })).toBe("127.0.0.1");
    expect(await addressFor({ "x-forwarded-for": "203.0.113.50", [PEER_HEADER]: "guess 198.51.100.1", "x-real-ip": "198.51.100.2" })).toBe(
      "127.0.0.1",
    );
  });

  it("is taken TRUSTED_PROXIES hops back in X-Forwarded-For, never further left", async () => {
    env = { TRUSTED_PROXIES: "1" };
    expect(await addressFor({ "x-forwarded-for": "203.0.113.50, 198.51.100.7" })).toBe("198.51.100.7");
    expect(await addressFor({})).toBe("127.0.0.1"); // no proxy header: the socket
    env = { TRUSTED_PROXIES: "2" };
    expect(await addressFor({ "x-forwarded-for": "6.6.6.6, 203.0.113.50, 198.51.100.7" })).toBe("203.0.113.50");
  });

  it("keys IPv6 clients by their /64 and IPv4-mapped addresses as IPv4", () => {
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::1")).toBe(addressKey("2001:db8:1:2:ffff::9"));
    expect(addressKey("::ffff:192.0.2.4")).toBe("192.0.2.4");
    expect(addressKey("not an address")).toBeNull();
  });

  it("cannot be reset by a fresh cookie and a new X-Forwarded-For per request", async () => {
    env = { CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "3", CHAT_RATE_LIMIT_PER_MINUTE: "100" };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${base}/api/chat`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: `${VISITOR_COOKIE}=visitor_fresh_${String(i).padStart(10, "0")}`,
          "x-forwarded-for": `203.0.113.${i + 1}`,
        },
        body: JSON.stringify({
          id: `c-spoof-${i}`,
          message: { id: `m-spoof-${i}`, role: "user", parts: [{ type: "text", text: "What is a cold?" }] },
          consent: true,
        }),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    // Fixed one-minute windows: a run that straddles a minute boundary may get a second window's 3.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(6);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
  });
});

describe("request bodies", () => {
  it("a declared body that never arrives gets a 408 within seconds", async () => {
    env = {};
    const url = new URL(base);
    const started = Date.now();
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () =>
        socket.write(
          `POST /buffered HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{"id":"x"`,
        ),
      );
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (d) => (received += d));
      socket.on("close", () => resolve(received.split("\r\n")[0] ?? ""));
      socket.on("error", reject);
      setTimeout(() => socket.destroy(), 15_000);
    });
    expect(statusLine).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(IDLE_MS + 3_000);
  });

  it("a body trickled a byte at a time (never idle) gets a 408 when its bytes' time budget is spent", async () => {
    // Was held until Node's requestTimeout (300 s): each byte came before the idle deadline.
    const url = new URL(base);
    const started = Date.now();
    const response = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () =>
        socket.write(`POST /buffered HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`),
      );
      const drip = setInterval(() => socket.writable && socket.write(" "), IDLE_MS / 3);
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (d) => (received += d));
      socket.on("close", () => (clearInterval(drip), resolve(received)));
      socket.on("error", (e) => (clearInterval(drip), reject(e)));
      setTimeout(() => socket.destroy(), 15_000);
    });
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4)).error).toMatchObject({
      code: "request_timeout",
      message: expect.stringMatching(/did not arrive within 2 s/),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(BUDGET_BASE_MS);
    expect(Date.now() - started).toBeLessThan(BUDGET_BASE_MS + 3_000);
  });

  it("a large body sent at a normal pace is not cut by the budget", async () => {
    const body = JSON.stringify({ text: "x".repeat(2_000_000) });
    const res = await fetch(`${base}/buffered`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(200);
  });
});

describe("requests Node's HTTP parser refuses", () => {
  it("get a JSON reason in the API's error shape, not Node's empty 400", async () => {
    const url = new URL(base);
    const exchange = (bytes: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(url.port), url.hostname, () => socket.write(bytes));
        let received = "";
        socket.setEncoding("utf8");
        socket.on("data", (d) => (received += d));
        socket.on("close", () => resolve(received));
        socket.on("error", reject);
        setTimeout(() => socket.destroy(), 15_000);
      });
    const badLength = await exchange(`POST /api/chat HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: 12abc\r\n\r\n{}`);
    expect(badLength).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(badLength.slice(badLength.indexOf("\r\n\r\n") + 4)).error).toMatchObject({
      type: "invalid_request_error",
      message: expect.stringContaining("Content-Length"),
    });
    const notHttp = await exchange("HELLO\r\n\r\n");
    expect(notHttp).toMatch(/^HTTP\/1\.1 400/);
    expect(notHttp).toContain('"message":"The request is not valid HTTP/1.1"');
  });
});

describe("a client that hangs up mid-body", () => {
  it("is not logged as a server error (Node's 'aborted' ECONNRESET), while other errors still are", async () => {
    // The error Node gives a body reader when the client hangs up mid-body, from a real socket.
    const aborted = await new Promise<unknown>((resolve) => {
      const probe = http.createServer((req) => req.on("error", (e) => (resolve(e), probe.close())));
      probe.listen(0, "127.0.0.1", () => {
        const socket = net.connect((probe.address() as AddressInfo).port, "127.0.0.1", () => {
          socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\n{"a":`);
          setTimeout(() => socket.destroy(), 100);
        });
      });
    });
    expect(isClientAbort(aborted)).toBe(true);
    const logged: unknown[][] = [];
    const log = withoutClientAborts((...args: unknown[]) => void logged.push(args));
    const real = new Error("database down");
    log(aborted); // what Next.js does with a body read that failed
    log(real);
    log("Failed to handle request", aborted); // anything else around it still prints
    expect(logged).toEqual([[real], ["Failed to handle request", aborted]]);
  });
});
