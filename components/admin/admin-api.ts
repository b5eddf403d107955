"use client";
// The console's calls to /api/admin: JSON in and out, the session's CSRF token on every
// state-changing request, the server's reason on failure; and the one pattern every panel
// follows — load a resource, run an action, say how it went, load again.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

export const CsrfContext = createContext<string>("");

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface AdminRequest {
  method?: string;
  body?: unknown;
  form?: FormData;
}

export async function adminFetch<T>(csrf: string, path: string, init: AdminRequest = {}): Promise<T> {
  const method = init.method ?? (init.body !== undefined || init.form ? "POST" : "GET");
  const headers: Record<string, string> = {};
  if (method !== "GET") headers["x-csrf-token"] = csrf;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`/api/admin/${path}`, {
    method,
    headers,
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    cache: "no-store",
  });
  const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) throw new AdminApiError(res.status, data.error?.message ?? `Request failed (${res.status}).`);
  return data as T;
}

export type AdminApi = <T>(path: string, init?: AdminRequest) => Promise<T>;

export function useAdminApi(): AdminApi {
  const csrf = useContext(CsrfContext);
  return useCallback(<T>(path: string, init?: AdminRequest) => adminFetch<T>(csrf, path, init), [csrf]);
}

/** The line under a panel: what the last action did, or why loading failed. */
export type ActionStatus = { kind: "ok" | "error"; text: string } | null;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Loads `path` (null: nothing to load) whenever it changes — and again every `pollMs` while
 * `pollWhile(data)` holds — and runs actions: `run(action, okText)` calls the API, puts the
 * outcome in `status` and reloads. Only the newest load's answer is kept, so a slow answer to
 * an old filter never replaces a newer one.
 */
export function useAdminResource<T>(path: string | null, options: { pollMs?: number; pollWhile?: (data: T) => boolean } = {}) {
  const api = useAdminApi();
  const [data, setData] = useState<T | null>(null);
  const [status, setStatus] = useState<ActionStatus>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  /** The path whose load answered last (a filter changed since: the data shown is for the old one). */
  const [answeredPath, setAnsweredPath] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback((): Promise<T | null> => {
    if (path === null) return Promise.resolve(null);
    const ticket = ++latest.current;
    return api<T>(path).then(
      (fresh) => {
        if (ticket === latest.current) {
          setData(fresh);
          setLoadError(null);
          setAnsweredPath(path);
        }
        return fresh;
      },
      (e: unknown) => {
        if (ticket === latest.current) {
          setLoadError(messageOf(e));
          setAnsweredPath(path);
        }
        return null;
      },
    );
  }, [api, path]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const { pollMs, pollWhile } = options;
  const polling = Boolean(pollMs) && data !== null && (pollWhile ? pollWhile(data) : true);
  useEffect(() => {
    if (!polling || !pollMs) return;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const tick = async () => {
      await reload();
      if (!stopped) timer = setTimeout(tick, pollMs);
    };
    timer = setTimeout(tick, pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [polling, pollMs, reload]);

  const run = useCallback(
    async <R>(action: () => Promise<R>, ok: string | ((result: R) => string)): Promise<R | undefined> => {
      setPending(true);
      try {
        const result = await action();
        setStatus({ kind: "ok", text: typeof ok === "function" ? ok(result) : ok });
        await reload();
        return result;
      } catch (e) {
        setStatus({ kind: "error", text: messageOf(e) });
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [reload],
  );

  return {
    api,
    data,
    reload,
    run,
    setStatus,
    /** Why the last load failed, else the last action's outcome. */
    status: loadError ? ({ kind: "error", text: loadError } as const) : status,
    polling,
    /** The first load has not answered yet (show that something is coming). */
    loading: path !== null && data === null && loadError === null,
    /** Data is shown, but for an earlier path (a filter changed) whose replacement has not answered yet. */
    refreshing: path !== null && data !== null && answeredPath !== path,
    /** An action started with `run` has not answered yet (disable its button, say what is happening). */
    pending,
  };
}
