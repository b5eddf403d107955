// Hostile-but-fair input to a real gpu-function (tiny random llama + embedder, real
// onnxruntime sessions) over HTTP on 127.0.0.1: each case is a request that used to get a
// 500, freeze the server or hold a connection for minutes, and must now get a prompt 4xx.
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { encodePeftWeights, peftConfigFor, type PeftAdapterSpec } from "./engine/peft";
import { ChatTokenizer } from "./engine/tokenizer";
import { DEFAULT_BODY_TIMING } from "./http/router";
import { seededRandom, writeTinyEmbedder, writeTinyModel } from "./models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "./server";

const TOKEN = "hardening-token";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
let dir: string;
let server: GpuFunctionServer;
let baseURL: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gpu-hardening-"));
  await writeTinyModel(path.join(dir, "model"), { family: "llama", seed: 3, maxPositions: 512 });
  await writeTinyEmbedder(path.join(dir, "embedder"), { dim: 64, seed: 4 });
  server = await createGpuFunctionServer({
    modelDir: path.join(dir, "model"),
    modelId: "tiny-base",
    embeddingModelDir: path.join(dir, "embedder"),
    embeddingModelId: "tiny-embedder",
    token: TOKEN,
    maxBatch: 2,
    lora: { maxRank: 16, targetModules: ["q_proj", "v_proj"] },
    fineTuning: { jobsDir: path.join(dir, "jobs") },
    bodyTiming: { idleMs: 1_000 },
    intraOpThreads: 1,
    log: () => {},
  });
  baseURL = await server.listen(0, "127.0.0.1");
});

afterAll(async () => {
  await server?.close(1_000);
  await rm(dir, { recursive: true, force: true });
});

const post = (p: string, body: unknown) => fetch(`${baseURL}${p}`, { method: "POST", headers: auth, body: JSON.stringify(body) });
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { message: string; code: string | null; param: string | null } }).error;

function adapterWith(targetModules: string[] | string): { adapter_config: Record<string, unknown>; adapter_model_base64: string } {
  const rng = seededRandom(1);
  const r = 2;
  const weights = new Map<string, { a: Float32Array; b: Float32Array }>();
  for (const t of server.deps.model.loraTargets) {
    weights.set(t.module, {
      a: Float32Array.from({ length: r * t.inFeatures }, () => rng.normal() * 0.1),
      b: Float32Array.from({ length: t.outFeatures * r }, () => rng.normal() * 0.1),
    });
  }
  const spec: PeftAdapterSpec = { r, loraAlpha: 4, targetModules: ["q_proj", "v_proj"], weights };
  return {
    adapter_config: { ...peftConfigFor(spec), target_modules: targetModules },
    adapter_model_base64: Buffer.from(encodePeftWeights(spec)).toString("base64"),
  };
}

/** Sends raw bytes and resolves with the status line and how long the answer took. */
function rawRequest(head: string, body: string): Promise<{ statusLine: string; ms: number }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(head + body));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => (received += d));
    const done = () => resolve({ statusLine: received.split("\r\n")[0] ?? "", ms: Date.now() - started });
    socket.on("end", done);
    socket.on("close", done);
    socket.on("error", reject);
    setTimeout(() => socket.destroy(), 20_000);
  });
}

describe("gpu-function: bad input gets a prompt 4xx", () => {
  it("refuses embedding token ids outside the vocabulary with a 400", async () => {
    const res = await post("/v1/embeddings", { model: "tiny-embedder", input: [[1, 2, 999_999]] });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.param).toBe("input");
    expect(error.message).toMatch(/outside the vocabulary/);
    expect((await post("/v1/embeddings", { model: "tiny-embedder", input: [[1, 2, 3]] })).status).toBe(200);
  });

  it("refuses a target_modules string that is not a valid regular expression with a 400", async () => {
    for (const pattern of ["(", "[q_proj", "q_proj)", "(a)\\1"]) {
      const res = await post("/v1/adapters", { name: "broken-regex", ...adapterWith(pattern) });
      expect(res.status, pattern).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe("invalid_adapter");
      expect(error.message).toMatch(/target_modules/);
    }
    // A valid PEFT-style pattern still loads.
    const ok = await post("/v1/adapters", { name: "regex-ok", ...adapterWith(".*\\.(q_proj|v_proj)") });
    expect(ok.status).toBe(201);
  });

  it("matches a catastrophic-backtracking target_modules pattern in linear time; /healthz stays responsive", async () => {
    // With a backtracking engine this pattern takes minutes per module name of the model.
    const started = Date.now();
    const upload = post("/v1/adapters", { name: "evil", ...adapterWith("(?:[a-z_.0-9]+)+!") });
    const health = await fetch(`${baseURL}/healthz`);
    expect(health.status).toBe(200);
    const res = await upload;
    expect(res.status).toBe(400); // it matches no module: refused with the reason
    expect((await errorOf(res)).message).toMatch(/match no LoRA-adaptable module/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("answers a declared-but-never-sent body with a 408 in seconds, not minutes", async () => {
    expect(DEFAULT_BODY_TIMING.idleMs).toBeLessThanOrEqual(10_000);
    const url = new URL(baseURL);
    const head = `POST /v1/adapters HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n`;
    const { statusLine, ms } = await rawRequest(head, '{"name":');
    expect(statusLine).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(8_000);
    expect((await fetch(`${baseURL}/healthz`)).status).toBe(200);
  });

  it("refuses a 3.9 MB prompt without tokenising it on the event loop; /healthz answers meanwhile", async () => {
    const huge = "The quick brown fox has chest pain and asthma. ".repeat(83_000);
    // The server runs in this process: a stall of its event loop shows as event-loop delay here
    // (tokenising 3.9 MB whole holds it for seconds; /healthz and every stream would wait).
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const pending = post("/v1/chat/completions", { model: "tiny-base", messages: [{ role: "user", content: huge }], max_tokens: 4 });
    const health = await fetch(`${baseURL}/healthz`);
    expect(health.status).toBe(200);
    const res = await pending;
    delay.disable();
    expect(delay.max / 1e6).toBeLessThan(1_000);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("context_length_exceeded");
    // A passage longer than the encoder's window is embedded truncated to it (as embedding
    // servers do), cut as text first so the 3.9 MB are never tokenised whole.
    const embedDelay = monitorEventLoopDelay({ resolution: 10 });
    embedDelay.enable();
    const embed = await post("/v1/embeddings", { model: "tiny-embedder", input: huge });
    embedDelay.disable();
    expect(embed.status).toBe(200);
    expect(embedDelay.max / 1e6).toBeLessThan(1_000);
  });

  it("refuses fine-tuning hyperparameters the server could not serve, at job creation", async () => {
    const data = JSON.stringify({
      messages: [
        { role: "user", content: "What is a fever?" },
        { role: "assistant", content: "A raised temperature." },
      ],
    });
    const big = await post("/v1/fine_tuning/jobs", { model: "tiny-base", training_data: data, hyperparameters: { lora_r: 1024 } });
    expect(big.status).toBe(400);
    const error = await errorOf(big);
    expect(error.param).toBe("hyperparameters.lora_r");
    expect(error.message).toMatch(/LORA_MAX_RANK=16/);
    const modules = await post("/v1/fine_tuning/jobs", {
      model: "tiny-base",
      training_data: data,
      hyperparameters: { target_modules: ["q_proj", "gate_proj"] },
    });
    expect(modules.status).toBe(400);
    expect((await errorOf(modules)).message).toMatch(/gate_proj/);
    const jobs = (await (await fetch(`${baseURL}/v1/fine_tuning/jobs`, { headers: auth })).json()) as { data: unknown[] };
    expect(jobs.data).toEqual([]);
  });

  it("refuses a training_file_url on a loopback or private address at job creation", async () => {
    for (const url of [
      "http://127.0.0.1:9/x.jsonl",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/x",
      "http://10.1.2.3/x",
      "file:///etc/passwd",
    ]) {
      const res = await post("/v1/fine_tuning/jobs", { model: "tiny-base", training_file_url: url });
      expect(res.status, url).toBe(400);
      expect((await errorOf(res)).param).toBe("training_file_url");
    }
  });
});

/** Sends `head`, then one byte of body every `everyMs` for up to `maxMs`; resolves with what came back and when the server closed. */
function trickleAfter(head: string, everyMs: number, maxMs: number): Promise<{ text: string; closedAfterMs: number; bytesSent: number }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let bytesSent = 0;
    let received = "";
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(head));
    const timer = setInterval(() => {
      if (socket.writable) {
        socket.write("x");
        bytesSent++;
      }
    }, everyMs);
    const giveUp = setTimeout(() => socket.destroy(), maxMs);
    socket.setEncoding("utf8");
    socket.on("data", (d) => (received += d));
    socket.on("error", () => {}); // a write after the server's close
    socket.on("close", () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ text: received, closedAfterMs: Date.now() - started, bytesSent });
    });
    socket.on("connect", () => socket.setNoDelay(true));
    void reject;
  });
}

describe("gpu-function: refusals do not wait for a body nobody will read", () => {
  it("closes the connection after a 401 even while the client keeps trickling its body", async () => {
    const url = new URL(baseURL);
    const head = `POST /v1/chat/completions HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer wrong\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"model":`;
    // Trickled for 30 s at most: the server, which never reads that body (requestTimeout 0), must close first.
    const { text, closedAfterMs, bytesSent } = await trickleAfter(head, 200, 30_000);
    expect(text).toMatch(/^HTTP\/1\.1 401/);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(text).toContain('"code":"invalid_api_key"');
    expect(bytesSent).toBeLessThan(100); // closed long before the trickle would have ended
    expect(closedAfterMs).toBeLessThan(25_000);
  });

  it("answers what Node's HTTP parser refuses with a JSON reason, not an empty 400", async () => {
    const url = new URL(baseURL);
    const cases: Array<[string, RegExp, string]> = [
      [`POST /v1/embeddings HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: abc\r\n\r\n`, /^HTTP\/1\.1 400/, "Content-Length"],
      [`GET /healthz HTTP/1.1\r\nHost: ${url.host}\r\nX-Big: ${"a".repeat(70_000)}\r\n\r\n`, /^HTTP\/1\.1 431/, "headers are too large"],
      ["NOT-HTTP\r\n\r\n", /^HTTP\/1\.1 400/, "not valid HTTP"],
    ];
    for (const [head, status, reason] of cases) {
      const { statusLine, body } = await rawExchange(head);
      expect(statusLine, head.slice(0, 40)).toMatch(status);
      const error = (JSON.parse(body) as { error: { message: string; type: string } }).error;
      expect(error.type).toBe("invalid_request_error");
      expect(error.message).toContain(reason);
    }
  });
});

/** Sends raw bytes; resolves with the status line and the body once the server closes. */
function rawExchange(bytes: string): Promise<{ statusLine: string; body: string }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(bytes));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => (received += d));
    socket.on("close", () => {
      const split = received.indexOf("\r\n\r\n");
      resolve({ statusLine: received.split("\r\n")[0] ?? "", body: split < 0 ? "" : received.slice(split + 4) });
    });
    socket.on("error", reject);
    setTimeout(() => socket.destroy(), 20_000);
  });
}

describe("gpu-function: streams end with the connection", () => {
  it("closes the connection promptly after data: [DONE]", async () => {
    const url = new URL(baseURL);
    const body = JSON.stringify({ model: "tiny-base", stream: true, max_tokens: 4, messages: [{ role: "user", content: "Hello" }] });
    const head = `POST /v1/chat/completions HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const { done, closed, text } = await new Promise<{ done: number; closed: number; text: string }>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => socket.write(head + body));
      let received = "";
      let doneAt = 0;
      socket.setEncoding("utf8");
      socket.on("data", (d) => {
        received += d;
        if (!doneAt && received.includes("data: [DONE]")) doneAt = Date.now();
      });
      socket.on("close", () => resolve({ done: doneAt, closed: Date.now(), text: received }));
      socket.on("error", reject);
      setTimeout(() => socket.destroy(), 30_000);
    });
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(done).toBeGreaterThan(0);
    expect(closed - done).toBeLessThan(1_000); // keep-alive would hold it for Node's 5 s
  });
});

describe("ChatTokenizer.encodeWithin", () => {
  it("counts long text in chunks, yielding to other work between them, and matches encode() when it fits", async () => {
    const tokenizer = await ChatTokenizer.fromDir(path.join(dir, "model"));
    const text = "fever and cough with chest pain ".repeat(4_000); // 128k characters: the chunked path
    let yielded = false;
    setImmediate(() => (yielded = true));
    const ids = await tokenizer.encodeWithin(text, 1_000_000);
    expect(yielded).toBe(true);
    expect(ids).toEqual(tokenizer.encode(text));
    expect(await tokenizer.encodeWithin(text, 1_000)).toBeNull();
  });
});
