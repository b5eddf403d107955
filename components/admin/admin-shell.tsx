"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { adminFetch, CsrfContext, type ActionStatus } from "./admin-api";

const NAV: { href: string; label: string; admin: boolean }[] = [
  { href: "/admin", label: "Overview", admin: true },
  { href: "/admin/knowledge", label: "Knowledge base", admin: true },
  { href: "/admin/conversations", label: "Conversations", admin: false },
  { href: "/admin/keys", label: "API keys", admin: true },
  { href: "/admin/sites", label: "Widget sites", admin: true },
  { href: "/admin/training", label: "Training", admin: true },
  { href: "/admin/adapters", label: "Adapters", admin: true },
  { href: "/admin/users", label: "Users", admin: true },
  { href: "/admin/audit", label: "Audit log", admin: true },
  { href: "/admin/settings", label: "Settings", admin: true },
];

export function AdminShell({ user, csrf, children }: { user: { email: string; role: string }; csrf: string; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const [error, setError] = useState("");
  const signOut = async (everywhere: boolean) => {
    try {
      await adminFetch(csrf, "logout", { body: { everywhere } });
      router.replace("/admin/login");
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <CsrfContext.Provider value={csrf}>
      <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
        <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-700 dark:bg-slate-800">
          <p className="font-semibold">MedChat admin</p>
          <nav aria-label="Admin sections" className="flex flex-wrap gap-1">
            {NAV.filter((n) => !n.admin || user.role === "admin").map((n) => {
              // A section stays marked on its sub-pages (a run, a conversation).
              const current = pathname === n.href || (n.href !== "/admin" && pathname.startsWith(`${n.href}/`));
              return (
                <Link
                  key={n.href}
                  href={n.href}
                  aria-current={current ? "page" : undefined}
                  className={`rounded px-2 py-1 text-sm ${current ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-700"}`}
                >
                  {n.label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm">
            <span data-testid="admin-user">
              {user.email} ({user.role})
            </span>
            <Button variant="ghost" onClick={() => void signOut(false)}>
              Sign out
            </Button>
            <Button variant="ghost" onClick={() => void signOut(true)}>
              Sign out everywhere
            </Button>
          </div>
        </header>
        {error && (
          <p role="alert" className="bg-red-50 px-4 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <main className="mx-auto max-w-6xl p-4">{children}</main>
      </div>
    </CsrfContext.Provider>
  );
}

/** A titled section with a status line for the result of the last action. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mb-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-800">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function StatusLine({ status }: { status: ActionStatus }) {
  if (!status) return null;
  return (
    <p
      role={status.kind === "error" ? "alert" : "status"}
      className={`mt-2 text-sm ${status.kind === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}
    >
      {status.text}
    </p>
  );
}

/** Where a panel's data will be, until its first load answers (a slow answer showed nothing at all). */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="mt-2 text-sm text-slate-600 dark:text-slate-300" data-testid="admin-loading">
      Loading {what}…
    </p>
  );
}

/** A panel that shows nothing until its data came: "Loading …", or why loading failed. */
export function NotLoaded({ what, status }: { what: string; status: ActionStatus }) {
  return status ? <StatusLine status={status} /> : <Loading what={what} />;
}

/**
 * Under a list: "Loading …" until its first load answers, then `empty` when it has no rows
 * (`rows` is undefined until loaded, so a failed load is not told as an empty list).
 */
export function ListState({
  loading,
  refreshing = false,
  rows,
  what,
  empty,
}: {
  loading: boolean;
  /** A changed filter's rows are on their way (`Refreshing` says so): the old list's emptiness is no news. */
  refreshing?: boolean;
  rows: number | undefined;
  what: string;
  empty: string;
}) {
  if (loading) return <Loading what={what} />;
  if (refreshing) return null;
  return rows === 0 ? <p className="mt-2 text-sm">{empty}</p> : null;
}

/**
 * Over a filtered list: says the list is being fetched again while the rows of the previous
 * filter are still shown, dimmed (a filter change seemed to do nothing for seconds).
 */
export function Refreshing({ refreshing, what }: { refreshing: boolean; what: string }) {
  if (!refreshing) return null;
  return (
    <p role="status" className="mb-2 text-sm text-slate-600 dark:text-slate-300" data-testid="admin-refreshing">
      Loading the {what} that match…
    </p>
  );
}

export const inputClass = "rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-900";
