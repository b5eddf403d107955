"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAdminResource } from "./admin-api";
import { inputClass, ListState, Panel, StatusLine } from "./admin-shell";
import { WideTable } from "./wide-table";

interface Key {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  allowedOrigins: string[];
  requestsPerMinute: number;
  tokensPerDay: number;
  concurrentRequests: number;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  usage30d: { requests: number; total_tokens: number; emergencies: number };
}

export function KeysPanel() {
  const { api, data, run, status, loading } = useAdminResource<{ keys: Key[] }>("keys");
  const keys = data?.keys ?? [];
  const [created, setCreated] = useState<string | null>(null);
  const create = async (form: HTMLFormElement) => {
    const f = new FormData(form);
    const list = (name: string) =>
      String(f.get(name) ?? "")
        .split(/[\s,]+/)
        .filter(Boolean);
    const result = await run(
      () =>
        api<{ key: string; info: Key }>("keys", {
          body: {
            name: String(f.get("name")),
            scopes: f.getAll("scopes").map(String),
            allowedOrigins: list("origins"),
            requestsPerMinute: Number(f.get("rpm")),
            tokensPerDay: Number(f.get("tpd")),
            concurrentRequests: Number(f.get("concurrent")),
            expiresAt: f.get("expires") ? new Date(String(f.get("expires"))).toISOString() : null,
          },
        }),
      (r) => `Created key "${r.info.name}".`,
    );
    if (result) {
      setCreated(result.key);
      form.reset();
    }
  };
  const revoke = async (key: Key) => {
    if (!window.confirm(`Revoke "${key.name}" (${key.prefix}…)? Apps using it stop working at once.`)) return;
    await run(() => api(`keys/${encodeURIComponent(key.id)}/revoke`, { method: "POST" }), `Revoked "${key.name}".`);
  };
  return (
    <>
      <Panel title="Create an API key">
        <form
          className="grid gap-3 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            void create(e.currentTarget);
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            Name
            <input name="name" required className={inputClass} placeholder="Clinic patient app" />
          </label>
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend>Scopes</legend>
            <label>
              <input type="checkbox" name="scopes" value="chat" defaultChecked /> chat
            </label>
            <label>
              <input type="checkbox" name="scopes" value="models" defaultChecked /> models
            </label>
          </fieldset>
          <label className="flex flex-col gap-1 text-sm">
            Allowed browser origins (optional)
            <input name="origins" className={inputClass} placeholder="https://app.clinic.example" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Requests per minute
            <input name="rpm" type="number" min={0} defaultValue={60} className={inputClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Tokens per day
            <input name="tpd" type="number" min={0} defaultValue={200000} className={inputClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Concurrent streams
            <input name="concurrent" type="number" min={1} defaultValue={4} className={inputClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Expires (optional)
            <input name="expires" type="date" className={inputClass} />
          </label>
          <div className="flex items-end">
            <Button type="submit" variant="primary">
              Create key
            </Button>
          </div>
        </form>
        {created && (
          <div
            role="status"
            className="mt-3 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          >
            <p className="font-semibold">Copy this key now: it is shown only once.</p>
            <code data-testid="new-api-key" className="break-all">
              {created}
            </code>
          </div>
        )}
        <StatusLine status={status} />
      </Panel>
      <Panel title="API keys">
        <WideTable label="API keys list">
          <table className="w-full text-left text-sm" data-testid="keys-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Limits</th>
                <th scope="col">Usage (30 days)</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const state = k.revokedAt ? "revoked" : k.expiresAt && new Date(k.expiresAt) < new Date() ? "expired" : "active";
                return (
                  <tr key={k.id} className="border-t border-slate-200 dark:border-slate-700">
                    <td>{k.name}</td>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{k.scopes.join(", ")}</td>
                    <td>
                      {k.requestsPerMinute}/min, {k.tokensPerDay.toLocaleString()} tokens/day, {k.concurrentRequests} streams
                    </td>
                    <td>
                      {k.usage30d.requests} requests, {k.usage30d.total_tokens.toLocaleString()} tokens
                    </td>
                    <td>{state}</td>
                    <td>
                      {state === "active" && (
                        <Button variant="ghost" onClick={() => void revoke(k)} aria-label={`Revoke ${k.name}`}>
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </WideTable>
        <ListState loading={loading} rows={data?.keys.length} what="API keys" empty="No API key yet: create one above." />
      </Panel>
    </>
  );
}
