// Keeps one child process of `npm start` running: when it stops unexpectedly it is
// started again after a back-off that doubles per quick failure (1 s, 2 s, 4 s … 30 s)
// and resets once the child has run for a minute. Exit codes in `fatalExitCodes`
// (e.g. "the data folder is held by someone else") are not retried.
import type { ChildProcess } from "node:child_process";

export interface SuperviseOptions {
  name: string;
  start: () => ChildProcess;
  /** Called after each (re)start; e.g. to log the pid. */
  onStart?: (child: ChildProcess, attempt: number) => void;
  /** Called when the child exits with a code that must not be retried. */
  onFatal?: (code: number | null, signal: NodeJS.Signals | null) => void;
  fatalExitCodes?: number[];
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  resetAfterMs?: number;
  log?: (line: string) => void;
}

export interface Supervised {
  readonly child: ChildProcess;
  /** Stops supervising and stops the child (SIGTERM, SIGKILL after graceMs). */
  stop(stopChild: (child: ChildProcess) => Promise<void>): Promise<void>;
}

export function supervise(opts: SuperviseOptions): Supervised {
  const log = opts.log ?? ((line: string) => console.error(line));
  const initial = opts.initialBackoffMs ?? 1_000;
  const max = opts.maxBackoffMs ?? 30_000;
  const resetAfter = opts.resetAfterMs ?? 60_000;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let child!: ChildProcess;

  const launch = (attempt: number) => {
    const startedAt = Date.now();
    child = opts.start();
    opts.onStart?.(child, attempt);
    child.once("exit", (code, signal) => {
      if (stopped) return;
      if (code !== null && opts.fatalExitCodes?.includes(code)) {
        stopped = true;
        opts.onFatal?.(code, signal);
        return;
      }
      failures = Date.now() - startedAt >= resetAfter ? 1 : failures + 1;
      const delay = Math.min(max, initial * 2 ** (failures - 1));
      log(`[start] ${opts.name} stopped unexpectedly (${signal ?? `exit ${code}`}); restarting in ${(delay / 1000).toFixed(0)} s`);
      timer = setTimeout(() => {
        if (!stopped) launch(attempt + 1);
      }, delay);
    });
  };
  launch(1);
  return {
    get child() {
      return child;
    },
    async stop(stopChild) {
      stopped = true;
      clearTimeout(timer);
      await stopChild(child);
    },
  };
}
