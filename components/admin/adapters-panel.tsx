"use client";
// /admin/adapters: what the public chat serves now and why, the promoted adapter, the
// candidates the gate kept back and the retired ones with their golden-set metrics, an
// explicit "Promote" for an evaluated adapter (with a confirmation showing the comparison),
// and rollback to the previously promoted adapter.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useAdminResource } from "./admin-api";
import { NotLoaded, Panel, StatusLine } from "./admin-shell";
import { PromoteAdapterButton, type PointerFlip } from "./promote-adapter";
import { formatDate, MetricList, shortId } from "./training-bits";
import type { AdapterInfo } from "./training-types";

interface ServingNow {
  model: string | null;
  reason: string;
  warning: boolean;
}

export function AdaptersPanel() {
  const { api, data, run, status, setStatus, reload } = useAdminResource<{
    adapters: AdapterInfo[];
    active: string | null;
    serving: ServingNow;
  }>("adapters");
  const promoted = (_flip: PointerFlip, message: string) => {
    setStatus({ kind: "ok", text: message });
    void reload();
  };
  if (!data) return <NotLoaded what="the adapters" status={status} />;
  const active = data.adapters.find((a) => a.status === "active");
  // Rollback goes to the most recently promoted adapter that is no longer active.
  const previous = data.adapters
    .filter((a) => a.status === "retired" && a.promotedAt)
    .sort((a, b) => Date.parse(b.promotedAt!) - Date.parse(a.promotedAt!))[0];
  // With no earlier adapter, rollback clears the pointer: the chat serves the gpu-function's own default.
  const target = previous?.name ?? "the default model";
  const unloadNote = (r: PointerFlip) => (r.unloadFailures.length ? ` Unloading ${r.from} failed on: ${r.unloadFailures.join("; ")}.` : "");
  const rollback = async () => {
    if (!active) return;
    if (
      !window.confirm(
        `Roll back from ${active.name} to ${target}? The public chat switches to ${target} within a minute; ${active.name} is retired.`,
      )
    )
      return;
    await run(
      () => api<PointerFlip>("training/rollback", { method: "POST" }),
      (r) =>
        (r.to
          ? `Rolled back: ${r.to} is active again (was ${r.from}, now retired). The chat serves it within a minute.`
          : `Rolled back: no adapter is promoted now (${r.from} is retired). The chat serves the gpu-function's own default within a minute.`) +
        unloadNote(r),
    );
  };
  const candidates = data.adapters.filter((a) => a.status === "candidate");
  const retired = data.adapters.filter((a) => a.status === "retired");
  return (
    <>
      <Panel title="Serving the public chat now">
        <p className="text-sm" data-testid="serving-now">
          {data.serving.model ? <span className="font-mono text-base font-semibold">{data.serving.model}</span> : "Unknown"}
          <span className="block text-slate-700 dark:text-slate-200">{data.serving.reason}</span>
        </p>
        {data.serving.warning && (
          <p className="mt-1 text-sm text-amber-900 dark:text-amber-200">
            Check the gpu-function and the configuration before promoting or rolling back.
          </p>
        )}
      </Panel>
      <Panel title="Active adapter">
        {active ? (
          <div data-testid="active-adapter">
            <p className="font-mono text-base font-semibold">{active.name}</p>
            <p className="mb-2 text-sm text-slate-700 dark:text-slate-200">
              Serves the public chat since {formatDate(active.promotedAt)}
              {active.runId && (
                <>
                  {" · from run "}
                  <RunLink id={active.runId} />
                </>
              )}
            </p>
            <MetricList metrics={active.metrics} />
          </div>
        ) : (
          <p className="text-sm" data-testid="active-adapter">
            No adapter is promoted: the chat serves the gpu-function&apos;s own default (the committed grounded adapter when it has it, else
            its base model).
          </p>
        )}
        <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-700">
          {active ? (
            <>
              <p className="mb-2 text-sm">
                {previous ? (
                  <>
                    Rollback makes <span className="font-mono">{previous.name}</span>, the adapter that served before the active one (last
                    promoted {formatDate(previous.promotedAt)}), active again, without a restart.
                  </>
                ) : (
                  <>
                    No adapter was promoted before this one: rollback retires it, and the chat serves what it served before any promotion
                    (the gpu-function&apos;s own default adapter, else its base model), without a restart.
                  </>
                )}
              </p>
              <Button variant="primary" onClick={() => void rollback()}>
                Roll back to {previous ? previous.name : "the default model"}
              </Button>
            </>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-200">Nothing to roll back: no adapter is active.</p>
          )}
          <StatusLine status={status} />
        </div>
      </Panel>
      <AdapterTable
        title="Candidates"
        empty="No candidate waiting: a candidate is kept here when the gate does not promote it."
        adapters={candidates}
        testId="candidate-adapters"
        onPromoted={promoted}
      />
      <AdapterTable title="Retired" empty="No retired adapter." adapters={retired} testId="retired-adapters" onPromoted={promoted} />
    </>
  );
}

function RunLink({ id }: { id: string }) {
  return (
    <Link className="font-mono text-blue-700 underline dark:text-blue-300" href={`/admin/training/${encodeURIComponent(id)}`}>
      {shortId(id)}
    </Link>
  );
}

function AdapterTable({
  title,
  empty,
  adapters,
  testId,
  onPromoted,
}: {
  title: string;
  empty: string;
  adapters: AdapterInfo[];
  testId: string;
  onPromoted: (flip: PointerFlip, message: string) => void;
}) {
  return (
    <Panel title={`${title} (${adapters.length})`}>
      {adapters.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-200">{empty}</p>
      ) : (
        <table className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">Adapter</th>
              <th scope="col">Trained</th>
              <th scope="col">Last promoted</th>
              <th scope="col">Run</th>
              <th scope="col">Golden-set metrics</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {adapters.map((a) => (
              <tr key={a.name} className="border-t border-slate-200 align-top dark:border-slate-700">
                <td className="py-1 font-mono">{a.name}</td>
                <td>{formatDate(a.createdAt)}</td>
                <td>{a.promotedAt ? formatDate(a.promotedAt) : "never"}</td>
                <td>{a.runId ? <RunLink id={a.runId} /> : "—"}</td>
                <td>
                  <MetricList metrics={a.metrics} />
                </td>
                <td>
                  {a.metrics && Object.keys(a.metrics).length > 0 ? (
                    <PromoteAdapterButton name={a.name} runId={a.runId} onDone={onPromoted} />
                  ) : (
                    <span className="text-xs text-slate-600 dark:text-slate-300">not evaluated: cannot be promoted</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
