"use client";
// The console's calls to /api/admin: JSON in and out, the session's CSRF token on every
// state-changing request, the server's reason on failure.
import { createContext, useContext } from "react";

export const CsrfContext = createContext<string>("");

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function adminFetch<T>(
  csrf: string,
  path: string,
  init: { method?: string; body?: unknown; form?: FormData } = {},
): Promise<T> {
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

export function useAdminApi() {
  const csrf = useContext(CsrfContext);
  return <T>(path: string, init?: { method?: string; body?: unknown; form?: FormData }) => adminFetch<T>(csrf, path, init);
}
