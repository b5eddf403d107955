// Capacity and shutdown behaviour of a real gpu-function: a full queue answers 429 with
// Retry-After, and close() (what SIGTERM runs) lets running streams finish cleanly.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeTinyModel } from "./models/tiny";
import { createGpuFunctionServer, type GpuFunctionServer } from "./server";

let dir: string;
let server: GpuFunctionServer;
let baseURL: string;

const chat = (body: Record<string, unknown>) =>
  fetch(`${baseURL}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "default",
      messages: [{ role: "user", content: "Hello there" }],
      temperature: 0,
      ignore_eos: true,
      ...body,
    }),
  });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gpu-function-cap-"));
  await writeTinyModel(path.join(dir, "model"), { family: "llama", seed: 11, maxPositions: 2048 });
  server = await createGpuFunctionServer({ modelDir: path.join(dir, "model"), maxBatch: 1, maxQueue: 1, intraOpThreads: 1, log: () => {} });
  baseURL = await server.listen();
});

afterAll(async () => {
  await server?.close(1_000);
  await rm(dir, { recursive: true, force: true });
});

/** Reads an SSE response to the end; returns the data payloads. */
async function readSse(res: Response): Promise<string[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((e) => e.startsWith("data: "))
    .map((e) => e.slice(6));
}

describe("gpu-function capacity and shutdown", () => {
  it("answers 429 with Retry-After when the queue is full", async () => {
    const running = chat({ max_tokens: 300, stream: true });
    await new Promise((r) => setTimeout(r, 50));
    const queued = chat({ max_tokens: 5 });
    await new Promise((r) => setTimeout(r, 20));
    const refused = await chat({ max_tokens: 5 });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("queue_full");
    expect((await queued).status).toBe(200);
    await readSse(await running);
  });

  it("drains on shutdown: the running stream ends with finish_reason and [DONE], new work is refused", async () => {
    const res = await chat({ max_tokens: 200, stream: true, stream_options: { include_usage: true } });
    expect(res.status).toBe(200);
    const events = readSse(res);
    await new Promise((r) => setTimeout(r, 30));
    const closed = server.close(10_000);
    const data = await events;
    await closed;
    expect(data.at(-1)).toBe("[DONE]");
    const chunks = data
      .slice(0, -1)
      .map((d) => JSON.parse(d) as { choices: Array<{ finish_reason: string | null }>; usage?: { completion_tokens: number } | null });
    expect(chunks.some((c) => c.choices[0]?.finish_reason === "length" || c.choices[0]?.finish_reason === "stop")).toBe(true);
    expect(chunks.at(-1)!.usage!.completion_tokens).toBeGreaterThan(0);
    await expect(chat({ max_tokens: 5 })).rejects.toThrow();
  });
});
