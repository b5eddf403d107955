// Killing the app mid-answer must not lose the answer without a trace: the answer row is
// stored when the answer starts and checkpointed as it grows, so after a kill -9 the next
// read shows the text so far, marked interrupted, with the notice and the disclaimer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { startFakeGpuFunction } from "./fake-gpu-function.test-helper";
import { loadConversationView } from "./history";

const child = fileURLToPath(new URL("./answer-child.test-helper.ts", import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "medchat-killed-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("an app killed mid-answer", () => {
  it("leaves the answer stored so far, which the next read shows as interrupted", { timeout: 200_000 }, async () => {
    const gpu = await startFakeGpuFunction({
      deltas: ["Asthma ", "is ", "a ", "long-term ", "condition ", "of ", "the ", "airways."],
      delayMs: 700,
    });
    try {
      // One process (node with the tsx loader), so SIGKILL reaches the process that holds the database;
      // the tsx binary would leave its node child running with the data folder locked.
      const proc = spawn(process.execPath, ["--import", "tsx", child], {
        env: { ...process.env, MEDCHAT_TEST_DATA: dataDir, GPU_FUNCTION_URL: gpu.url },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no checkpoint within 150 s: ${out}`)), 150_000);
        proc.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("CHECKPOINTED")) {
            clearTimeout(timer);
            proc.kill("SIGKILL");
            resolve();
          }
        });
        proc.on("exit", () => reject(new Error(`the child exited before the kill: ${out}`)));
      });
      await new Promise((r) => proc.once("exit", r));
      expect(out).not.toContain("FINISHED");

      const handle = await createDb({ url: "", dataDir });
      try {
        // Right after the kill the heartbeat is recent: still shown as streaming.
        const early = await loadConversationView(handle.db, "conv-killed", "visitor_killkillkillkill");
        expect(early?.messages.map((m) => m.metadata?.status)).toEqual(["complete", "streaming"]);
        // Once the heartbeat is stale, the answer is marked interrupted, for good.
        const later = await loadConversationView(handle.db, "conv-killed", "visitor_killkillkillkill", { now: Date.now() + 60_000 });
        const answer = later!.messages[1];
        expect(answer.metadata?.status).toBe("interrupted");
        const types = answer.parts.map((p) => p.type);
        expect(types.slice(-2)).toEqual(["data-error", "data-disclaimer"]);
        expect(answer.parts.find((p) => p.type === "text")).toMatchObject({ text: expect.stringContaining("Asthma"), state: "done" });
        expect(answer.parts.find((p) => p.type === "data-error")).toMatchObject({ data: { code: "stream_interrupted" } });
        const again = await loadConversationView(handle.db, "conv-killed", "visitor_killkillkillkill");
        expect(again!.messages[1].metadata?.status).toBe("interrupted");
      } finally {
        await handle.close();
      }
    } finally {
      await gpu.close();
    }
  });
});
