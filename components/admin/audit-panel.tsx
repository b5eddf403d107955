"use client";

import { useState } from "react";
import { useAdminResource } from "./admin-api";
import { inputClass, ListState, Panel, Refreshing, StatusLine } from "./admin-shell";
import { WideTable } from "./wide-table";

interface Entry {
  id: number;
  at: string;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export function AuditPanel() {
  const [filter, setFilter] = useState({ actor: "", action: "", targetType: "" });
  const { data, status, loading, refreshing } = useAdminResource<{ entries: Entry[] }>(
    `audit?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v))}`,
  );
  const entries = data?.entries ?? [];
  return (
    <Panel title="Audit log">
      <div className="mb-3 flex flex-wrap gap-3">
        {(["actor", "action", "targetType"] as const).map((k) => (
          <label key={k} className="flex flex-col gap-1 text-sm">
            {k === "actor" ? "Who (email contains)" : k === "action" ? "Action (e.g. key.create)" : "Target type (e.g. api_key)"}
            <input value={filter[k]} onChange={(e) => setFilter({ ...filter, [k]: e.target.value })} className={inputClass} />
          </label>
        ))}
      </div>
      <StatusLine status={status} />
      <Refreshing refreshing={refreshing} what="audit entries" />
      <WideTable label="Audit log entries" busy={refreshing}>
        <table className="w-full text-left text-sm" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Before → after</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-200 align-top dark:border-slate-700">
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>
                  {e.actorEmail}
                  {e.ip && <span className="block text-xs text-slate-600 dark:text-slate-300">{e.ip}</span>}
                </td>
                <td>{e.action}</td>
                <td>
                  {e.targetType} {e.targetId && <code className="break-all text-xs">{e.targetId}</code>}
                </td>
                <td>
                  <details>
                    <summary className="cursor-pointer">values</summary>
                    <pre className="max-w-md overflow-auto text-xs">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      <ListState loading={loading} refreshing={refreshing} rows={data?.entries.length} what="the audit log" empty="No entry matches." />
    </Panel>
  );
}
