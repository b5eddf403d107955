// Entry of the training child process (forked by worker-process.ts). It waits for one
// "start" message, runs the job, reports over IPC and exits; "cancel" aborts the
// trainer at its next step. If the server goes away, the worker goes too.

import os from "node:os";
import type { ServerToWorker, WorkerToServer } from "./protocol";
import { JobAbortedError, runTrainingJob } from "./train-job";

const controller = new AbortController();

function emit(msg: WorkerToServer): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

process.on("disconnect", () => process.exit(1));

// Serving shares the machine: the trainer yields the CPU to inference when both want it.
try {
  os.setPriority(10);
} catch {
  // not permitted in some containers; training then competes at normal priority
}

process.on("message", (raw) => {
  const msg = raw as ServerToWorker;
  if (msg.type === "cancel") {
    controller.abort(new Error("cancelled"));
    return;
  }
  if (msg.type !== "start") return;
  void (async () => {
    try {
      const { trainerBackend } = await import("./trainer-backend");
      await runTrainingJob(msg.spec, trainerBackend, (m) => void emit(m), controller.signal);
      await emit({ type: "log", level: "info", message: "Training process finished" });
      process.exit(0);
    } catch (err) {
      if (controller.signal.aborted || err instanceof JobAbortedError) process.exit(0);
      const e = err as Error;
      await emit({ type: "failed", code: "training_failed", message: e.message || String(err) });
      process.stderr.write(`${e.stack ?? e}\n`);
      process.exit(1);
    }
  })();
});
