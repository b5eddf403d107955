// A replica that starts before the app (npm start starts the gpu-function first) must still
// end up serving the promoted adapter: the pull is retried until the app answers.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomAdapter, writeTinyModelWithAdapters } from "../adapter-fixture.test-helper";
import type { LoraTarget } from "../models/types";
import { AdapterRegistry } from "./adapters";
import { pullActiveAdapter } from "./active-adapter-pull";
import { encodePeftWeights, peftConfigFor } from "./peft";

let dir: string;
let targets: LoraTarget[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "active-pull-"));
  targets = await writeTinyModelWithAdapters(dir, 11);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

function fakeApp(answers: ((res: import("node:http").ServerResponse) => void)[]): { server: Server; seen: number } {
  const state = { server: null as unknown as Server, seen: 0 };
  state.server = createServer((req, res) => {
    const answer = answers[Math.min(state.seen, answers.length - 1)];
    state.seen++;
    answer(res);
  });
  return state;
}

const adapterBody = (name: string) =>
  JSON.stringify({
    name,
    adapter_config: peftConfigFor(randomAdapter(targets, 5)),
    adapter_model_base64: Buffer.from(encodePeftWeights(randomAdapter(targets, 5))).toString("base64"),
  });

describe("pulling the active adapter at start", () => {
  it("keeps asking while the app is down or starting, then loads the promoted adapter", async () => {
    const port = await freePort();
    const registry = new AdapterRegistry(targets);
    const lines: string[] = [];
    const pull = pullActiveAdapter({
      appUrl: `http://127.0.0.1:${port}`,
      adapters: registry,
      log: (l) => lines.push(l),
      backoffMs: [50],
    });
    await pull.first;
    expect(registry.has("promoted")).toBe(false);
    // The app comes up: first a 503 (database not ready), then the adapter.
    const app = fakeApp([
      (res) => res.writeHead(503).end(),
      (res) => res.writeHead(200, { "content-type": "application/json" }).end(adapterBody("promoted")),
    ]);
    await new Promise<void>((r) => app.server.listen(port, "127.0.0.1", r));
    try {
      await pull.settled;
    } finally {
      await new Promise((r) => app.server.close(r));
    }
    expect(registry.has("promoted")).toBe(true);
    expect(app.seen).toBe(2);
    // One "not answering yet" line, not one per attempt.
    expect(lines.filter((l) => l.includes("not answering yet"))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/pulled active adapter 'promoted'/);
  });

  it("stops at once on an answer that asking again cannot change (none promoted, refused)", async () => {
    for (const [answer, expected] of [
      [(res: import("node:http").ServerResponse) => res.writeHead(204).end(), /no active adapter/],
      [(res: import("node:http").ServerResponse) => res.writeHead(401).end(), /HTTP 401/],
      [
        (res: import("node:http").ServerResponse) =>
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ name: "x" })),
        /could not pull/,
      ],
    ] as const) {
      const app = fakeApp([answer]);
      await new Promise<void>((r) => app.server.listen(0, "127.0.0.1", r));
      const lines: string[] = [];
      const registry = new AdapterRegistry(targets);
      const pull = pullActiveAdapter({
        appUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
        adapters: registry,
        log: (l) => lines.push(l),
        backoffMs: [50],
      });
      await pull.settled;
      await new Promise((r) => app.server.close(r));
      expect(app.seen).toBe(1);
      expect(registry.size).toBe(0);
      expect(lines.join("\n")).toMatch(expected);
    }
  });

  it("stop() ends the retries of a server that closes before the app ever answered", async () => {
    const pull = pullActiveAdapter({
      appUrl: `http://127.0.0.1:${await freePort()}`,
      adapters: new AdapterRegistry(targets),
      log: () => {},
      backoffMs: [60_000],
    });
    await pull.first;
    pull.stop();
    await pull.settled; // resolves without waiting for the 60 s back-off
  });
});
