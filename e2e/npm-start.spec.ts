// `npm start` as a person runs it (issue 19 and the supervision part of issue 9): one
// embedded database shared by the app and the CLI beside it, nothing lost across a
// restart, a second npm start on the same folder refused, a killed database server's
// stale lock taken over, a crashed gpu-function restarted while the app says "model
// unavailable". No browser: plain HTTP against the real processes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { chatClient, kb, NpmStart, writeLeaflet, writeTinyModels } from "./npm-start-process";

test.describe.configure({ mode: "serial" });

let dir: string;
let models: Record<string, string>;
let dataDir: string;
let current: NpmStart | undefined;
const client = chatClient(() => current!.appUrl);

async function askAndExpectAnswer(id: string, text: string): Promise<void> {
  const res = await client.ask(id, text);
  expect(res.status, res.body).toBe(200);
  expect(res.body).toContain('"type":"finish"');
}

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "medchat-npm-start-"));
  models = await writeTinyModels(path.join(dir, "models"));
  dataDir = path.join(dir, "data");
});

test.afterAll(async () => {
  if (current) {
    current.kill();
    current = undefined;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the app's conversations and the CLI's document, written side by side, all survive a restart", async () => {
  test.setTimeout(420_000);
  current = await NpmStart.launch({ ...models, MEDCHAT_DATA_DIR: dataDir });
  await current.ready();

  await askAndExpectAnswer("conv-1", "What is asthma?");
  await askAndExpectAnswer("conv-2", "How is the flu spread?");

  // The README's way to add documents, beside the running app.
  const docs = writeLeaflet(path.join(dir, "docs"));
  const ingest = await kb(dataDir, "ingest", docs, "--embedder", "hashing");
  expect(ingest.stderr).toMatch(/added 1, updated 0, unchanged 0/);
  // The CLI's search beside the running app finds what it just ingested.
  const search = await kb(dataDir, "search", "purple rash on the elbows", "--embedder", "hashing", "--json", "--k", "1");
  expect(JSON.parse(search.stdout)[0]).toMatchObject({ title: "Zorblax fever" });

  await askAndExpectAnswer("conv-3", "What helps with a sore throat?");
  await askAndExpectAnswer("conv-4", "Is eczema contagious?");
  expect((await client.conversations()).map((c) => c.id).sort()).toEqual(["conv-1", "conv-2", "conv-3", "conv-4"]);

  // Ctrl-C: everything stops, the database last, flushed.
  expect([0, "SIGINT"]).toContain(await current.interrupt());
  expect(current.log()).toMatch(/\[db\] SIGTERM: database flushed and closed/);
  expect(current.log()).not.toMatch(/could NOT be flushed|stopped unexpectedly/);
  expect(fs.existsSync(path.join(dataDir, "medchat.lock"))).toBe(false);

  current = await NpmStart.launch({ ...models, MEDCHAT_DATA_DIR: dataDir });
  await current.ready();
  const kept = await client.conversations();
  expect(kept.map((c) => c.id).sort()).toEqual(["conv-1", "conv-2", "conv-3", "conv-4"]);
  for (const { id } of kept) {
    const view = await client.conversation(id);
    expect(view.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  }
  const again = await kb(dataDir, "search", "purple rash on the elbows", "--embedder", "hashing", "--json", "--k", "1");
  expect(JSON.parse(again.stdout)[0]).toMatchObject({ title: "Zorblax fever" });
});

test("a second npm start on the same data folder refuses with a clear error and changes nothing", async () => {
  test.setTimeout(180_000);
  expect(current, "the previous test leaves npm start running").toBeDefined();
  const lockBefore = fs.readFileSync(path.join(dataDir, "medchat.lock"), "utf8");
  const holderPid = JSON.parse(lockBefore).pid as number;
  const second = await NpmStart.launch({ ...models, MEDCHAT_DATA_DIR: dataDir });
  try {
    expect(await second.exited(120_000)).not.toBe(0);
  } finally {
    second.kill();
  }
  expect(second.log()).toContain(`The data folder ${dataDir} is in use by process ${holderPid}`);
  expect(second.log()).toContain("which already serves this database");
  expect(fs.readFileSync(path.join(dataDir, "medchat.lock"), "utf8")).toBe(lockBefore);
  // The first one is untouched.
  await askAndExpectAnswer("conv-5", "What is a migraine?");
});

test("a killed database server's stale lock is taken over and the data is recovered", async () => {
  test.setTimeout(240_000);
  const lock = JSON.parse(fs.readFileSync(path.join(dataDir, "medchat.lock"), "utf8")) as { pid: number };
  process.kill(lock.pid, "SIGKILL"); // a crash or power cut of the database owner
  await current!.waitFor(/the database server stopped unexpectedly \(SIGKILL\)/);
  await current!.waitFor(/took over the data folder from process \d+, which is gone/);
  // The app's pool reconnects on its own; the data written before the kill is there.
  await expect.poll(async () => (await client.conversations().catch(() => [])).length, { timeout: 60_000 }).toBe(5);
  await askAndExpectAnswer("conv-6", "What causes heartburn?");
  expect((await client.conversations()).length).toBe(6);
});

test("a crashed gpu-function is restarted while the app answers that the model is unavailable", async () => {
  test.setTimeout(240_000);
  const pids = [...current!.log().matchAll(/gpu-function pid (\d+)/g)].map((m) => Number(m[1]));
  process.kill(pids.at(-1)!, "SIGKILL");
  await current!.waitFor(/the gpu-function stopped unexpectedly \(SIGKILL\); restarting/);
  // A question the knowledge base covers (the leaflet ingested above), so the model is asked.
  const down = await client.ask("conv-down", "What is the main sign of Zorblax fever?");
  expect(down.status).toBe(200);
  expect(down.body).toContain("unavailable");
  await current!.waitFor(/gpu-function pid \d+ \(restart 1\)/);
  await expect
    .poll(
      async () =>
        fetch(`${current!.gpuUrl}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 120_000 },
    )
    .toBe(200);
  const up = await client.ask("conv-up", "What is the main sign of Zorblax fever?");
  expect(up.status).toBe(200);
  expect(up.body).toContain('"type":"finish"');
  expect(up.body).not.toContain("unavailable");
  expect([0, "SIGINT"]).toContain(await current!.interrupt());
  expect(current!.log()).toMatch(/\[db\] SIGTERM: database flushed and closed/);
  current = undefined;
});
