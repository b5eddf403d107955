// The app pushes a newly promoted adapter to every replica; a replica that starts (or restarts)
// asks the app for the active one instead. Under `npm start` the gpu-function comes up before
// the app, and in production a replica can start while the app is deploying, so an unreachable
// app is not an answer: the pull is retried in the background (back-off, bounded) until the app
// answers — with the adapter, or with "none promoted" — or the server closes.
import type { AdapterRegistry } from "./adapters";
import { adapterModelBytes, adapterUploadSchema } from "../shared/openai";

export interface ActiveAdapterPullOptions {
  appUrl: string;
  token?: string;
  adapters: AdapterRegistry;
  log: (line: string) => void;
  /** Per attempt. */
  timeoutMs?: number;
  /** Delays between attempts after a failure (the last repeats until giveUpAfterMs). */
  backoffMs?: readonly number[];
  /** Stop retrying after this long (the admin console then shows the adapter as not loaded). */
  giveUpAfterMs?: number;
}

export interface ActiveAdapterPull {
  /** Resolves after the first attempt; later attempts run in the background. */
  readonly first: Promise<void>;
  /** Resolves when the pull is settled: loaded, none promoted, refused, given up or stopped. */
  readonly settled: Promise<void>;
  stop(): void;
}

type Outcome = "done" | "retry";

export function pullActiveAdapter(opts: ActiveAdapterPullOptions): ActiveAdapterPull {
  const url = `${opts.appUrl.replace(/\/+$/, "")}/api/internal/adapters/active`;
  const backoff = opts.backoffMs ?? [1_000, 2_000, 5_000, 10_000, 30_000];
  const giveUpAt = Date.now() + (opts.giveUpAfterMs ?? 10 * 60_000);
  const stopper = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const attempt = async (): Promise<Outcome> => {
    try {
      const res = await fetch(url, {
        headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
        signal: AbortSignal.any([stopper.signal, AbortSignal.timeout(opts.timeoutMs ?? 15_000)]),
      });
      if (res.status === 204 || res.status === 404) {
        opts.log(`no active adapter at ${url}`);
        return "done";
      }
      // The app is deploying or its database is not ready: worth asking again.
      if (res.status >= 500) return failed(`HTTP ${res.status}`);
      if (!res.ok) {
        opts.log(`could not pull the active adapter from ${url}: HTTP ${res.status}`);
        return "done";
      }
      const body = adapterUploadSchema.parse(await res.json());
      const { info } = opts.adapters.loadBytes(body.name, body.adapter_config, adapterModelBytes(body), url);
      opts.log(`pulled active adapter '${info.name}' (r=${info.rank}) from ${url}`);
      return "done";
    } catch (err) {
      if (stopper.signal.aborted) return "done";
      // A body that is not an adapter, or an adapter this base model refuses, will not change by asking again.
      if ((err as Error).name === "ZodError" || !isNetworkError(err)) {
        opts.log(`could not pull the active adapter from ${url}: ${(err as Error).message}`);
        return "done";
      }
      return failed((err as Error).message);
    }
  };

  let reportedWaiting = false;
  const failed = (reason: string): Outcome => {
    if (!reportedWaiting) {
      reportedWaiting = true;
      opts.log(`the app at ${url} is not answering yet (${reason}); asking for the active adapter again in the background`);
    }
    return "retry";
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref?.();
    });

  const first = attempt();
  const settled = (async () => {
    let outcome = await first;
    for (let i = 0; outcome === "retry"; i++) {
      if (Date.now() >= giveUpAt) {
        opts.log(`gave up pulling the active adapter from ${url}; the app pushes it on its next promotion`);
        return;
      }
      await sleep(backoff[Math.min(i, backoff.length - 1)]);
      if (stopper.signal.aborted) return;
      outcome = await attempt();
    }
  })();

  return {
    first: first.then(() => undefined),
    settled,
    stop() {
      stopper.abort();
      clearTimeout(timer);
      wake?.();
    },
  };
}

/** fetch's "fetch failed" (connection refused, reset, DNS) and its timeout: the app may come up later. */
function isNetworkError(err: unknown): boolean {
  const e = err as Error;
  return e.name === "TimeoutError" || (e.name === "TypeError" && e.message === "fetch failed");
}
