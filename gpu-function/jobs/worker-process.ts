// Runs one training worker as a child process and turns whatever happens to it into
// exactly one outcome: a result, a failure with its reason (error message, exit code,
// signal, stderr tail, timeout) or a cancellation. Nothing can leave a job hanging:
// cancel escalates to SIGKILL after a grace period, and a silent exit is a failure.

import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { JobResultMetrics } from "./job";
import type { ServerToWorker, WorkerJobSpec, WorkerToServer } from "./protocol";

export type WorkerOutcome =
  | { kind: "succeeded"; trainedTokens: number; metrics: JobResultMetrics }
  | { kind: "failed"; code: string; message: string }
  | { kind: "cancelled"; reason: string };

export interface WorkerProcessOptions {
  /** The worker entry (a .ts file runs through tsx's loader, a .js file as is). */
  workerFile: string;
  /** Time a cancelled worker gets to stop on its own before SIGKILL. */
  cancelGraceMs?: number;
  /** Hard limit on a job's wall time (0 = none). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_WORKER_FILE = fileURLToPath(new URL("./worker.ts", import.meta.url));

function execArgvFor(workerFile: string): string[] {
  if (!workerFile.endsWith(".ts")) return [];
  // Resolve tsx's ESM loader from here so the child works whatever the cwd, under `tsx`,
  // vitest or plain node (TypeScript sources are what the gpu-function image ships).
  const loader = createRequire(import.meta.url).resolve("tsx");
  return ["--import", new URL(`file://${loader}`).href];
}

export function runWorkerProcess(
  spec: WorkerJobSpec,
  onMessage: (msg: WorkerToServer) => void,
  signal: AbortSignal,
  options: WorkerProcessOptions,
): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = fork(options.workerFile, [], {
        execArgv: execArgvFor(options.workerFile),
        stdio: ["ignore", "pipe", "pipe", "ipc"],
        env: { ...process.env, ...options.env },
        serialization: "json",
      });
    } catch (err) {
      resolve({ kind: "failed", code: "worker_spawn_failed", message: `could not start the training process: ${(err as Error).message}` });
      return;
    }
    let stderrTail = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderrTail = (stderrTail + d.toString("utf8")).slice(-4000);
    });
    child.stdout?.on("data", () => {}); // drained so the child never blocks on a full pipe

    let result: Extract<WorkerToServer, { type: "result" }> | null = null;
    let failure: Extract<WorkerToServer, { type: "failed" }> | null = null;
    let cancelReason: string | null = null;
    let timedOut = false;
    let killTimer: NodeJS.Timeout | null = null;

    const killSoon = (ms: number) => {
      killTimer ??= setTimeout(() => child.kill("SIGKILL"), ms);
    };
    const send = (msg: ServerToWorker) => {
      if (child.connected) child.send(msg, (err) => err && killSoon(0));
    };

    const onAbort = () => {
      cancelReason = String((signal.reason as Error | undefined)?.message ?? signal.reason ?? "cancelled by request");
      send({ type: "cancel" });
      killSoon(options.cancelGraceMs ?? 5000);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });

    const timeout =
      options.timeoutMs && options.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            send({ type: "cancel" });
            killSoon(options.cancelGraceMs ?? 5000);
          }, options.timeoutMs)
        : null;

    child.on("message", (raw) => {
      const msg = raw as WorkerToServer;
      if (msg.type === "result") {
        result = msg;
        killSoon(options.cancelGraceMs ?? 5000); // it should exit by itself now
      } else if (msg.type === "failed") failure = msg;
      else onMessage(msg);
    });

    let settled = false;
    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      if (killTimer) clearTimeout(killTimer);
      if (timeout) clearTimeout(timeout);
      signal.removeEventListener("abort", onAbort);
      resolve(outcome);
    };

    child.on("error", (err) => {
      finish({ kind: "failed", code: "worker_error", message: `training process error: ${err.message}` });
      child.kill("SIGKILL");
    });
    child.on("exit", (code, sig) => {
      if (result) return finish({ kind: "succeeded", trainedTokens: result.trainedTokens, metrics: result.metrics });
      if (cancelReason !== null) return finish({ kind: "cancelled", reason: cancelReason });
      if (timedOut)
        return finish({
          kind: "failed",
          code: "timeout",
          message: `training exceeded the time limit of ${Math.round(options.timeoutMs! / 1000)} s`,
        });
      if (failure) return finish({ kind: "failed", code: failure.code, message: failure.message });
      const how = sig ? `was killed by ${sig}` : `exited with code ${code}`;
      const tail = stderrTail.trim().split("\n").slice(-5).join("\n");
      finish({ kind: "failed", code: "worker_crashed", message: `training process ${how}${tail ? `: ${tail}` : ""}` });
    });

    send({ type: "start", spec });
  });
}
