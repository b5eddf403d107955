"use client";
// "Promote" for an evaluated adapter the gate kept back (or an older one): a confirmation that
// shows what the admin is choosing — the gate's comparison from the adapter's run, and its
// recorded golden-set metrics beside those of the adapter serving now — then
// POST /api/admin/adapters/:name/promote (pushed to every replica, pointer flipped, audited).
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useAdminApi, type ActionStatus } from "./admin-api";
import { StatusLine } from "./admin-shell";
import { GateComparison } from "./gate-comparison";
import { formatMetric, metricLabel, shortId } from "./training-bits";
import type { AdapterInfo, Metrics, RunDetailResponse } from "./training-types";

export interface PointerFlip {
  from: string | null;
  to: string | null;
  unloadFailures: string[];
}

interface Context {
  run: RunDetailResponse | null;
  adapters: AdapterInfo[];
  active: AdapterInfo | null;
}

export function PromoteAdapterButton({
  name,
  runId,
  onDone,
}: {
  name: string;
  runId: string | null;
  /** Called after a successful promotion with what it says (the caller shows it and reloads). */
  onDone: (flip: PointerFlip, message: string) => void;
}) {
  const api = useAdminApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [context, setContext] = useState<Context | null>(null);
  const [status, setStatus] = useState<ActionStatus>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const start = async () => {
    setStatus(null);
    setContext(null);
    setOpen(true);
    try {
      const [run, list] = await Promise.all([
        runId ? api<RunDetailResponse>(`training/runs/${encodeURIComponent(runId)}`).catch(() => null) : Promise.resolve(null),
        api<{ adapters: AdapterInfo[] }>("adapters"),
      ]);
      setContext({ run, adapters: list.adapters, active: list.adapters.find((a) => a.status === "active") ?? null });
    } catch (e) {
      setStatus({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    }
  };

  const confirm = async () => {
    setBusy(true);
    try {
      const flip = await api<PointerFlip>(`adapters/${encodeURIComponent(name)}/promote`, { body: {} });
      const message =
        `Promoted: ${flip.to} now serves the public chat${flip.from ? ` (was ${flip.from}, now retired; Roll back restores it)` : ""}.` +
        (flip.unloadFailures.length ? ` Unloading ${flip.from} failed on: ${flip.unloadFailures.join("; ")}.` : "");
      setOpen(false);
      onDone(flip, message);
    } catch (e) {
      setStatus({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const self = context?.adapters.find((a) => a.name === name);
  const activeName = context?.active?.name ?? null;
  const baseline = typeof context?.run?.run.baselineMetrics?.model === "string" ? context.run.run.baselineMetrics.model : null;
  return (
    <>
      <Button variant="primary" onClick={() => void start()} aria-label={`Review and promote ${name}`}>
        Promote…
      </Button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby={`promote-title-${name}`}
        className="m-auto w-full max-w-3xl rounded-lg border border-slate-300 bg-white p-4 text-slate-900 backdrop:bg-black/40 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        data-testid="promote-dialog"
      >
        <h2 id={`promote-title-${name}`} className="mb-2 text-lg font-semibold">
          Promote <span className="font-mono">{name}</span>?
        </h2>
        <p className="mb-3 text-sm">
          The public chat switches from{" "}
          {activeName ? <span className="font-mono">{activeName}</span> : "the gpu-function's own default (no adapter is promoted)"} to{" "}
          <span className="font-mono">{name}</span> on every gpu-function replica within a minute, without a restart.
          {activeName && " The adapter serving now is retired; Roll back restores it."} This is recorded in the audit log.
        </p>
        {!context && !status && <p className="text-sm">Loading the comparison…</p>}
        {context?.run && context.run.comparison.length > 0 && (
          <section aria-label="Gate comparison from its run" className="mb-3">
            <h3 className="mb-1 text-sm font-semibold">
              Its evaluation (run {shortId(context.run.run.id)}, state {context.run.run.status})
            </h3>
            <GateComparison
              rows={context.run.comparison}
              decision={context.run.decision}
              runStatus={context.run.run.status}
              candidate={name}
              active={baseline}
              goldenVersion={context.run.run.goldenVersion}
            />
          </section>
        )}
        {/* With nothing promoted, what serves now is the gpu-function's own default, which has no recorded metrics: the run's comparison above is the one to read. */}
        {context && (context.active || !context.run?.comparison.length) && (
          <MetricsNow
            name={name}
            metrics={self?.metrics ?? null}
            active={context.active}
            note={
              baseline && activeName && baseline !== activeName
                ? `That evaluation compared it with ${baseline}, which served then; ${activeName} serves now.`
                : null
            }
          />
        )}
        <StatusLine status={status} />
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="primary" disabled={!context || busy} onClick={() => void confirm()}>
            {busy ? "Promoting…" : `Promote ${name}`}
          </Button>
        </div>
      </dialog>
    </>
  );
}

/** Recorded golden-set metrics of this adapter beside those of the adapter serving now. */
function MetricsNow({ name, metrics, active, note }: { name: string; metrics: Metrics; active: AdapterInfo | null; note: string | null }) {
  const keys = ["perplexity", "faithfulness", "rightSource", "rougeL", "golden_version"].filter(
    (k) => metrics?.[k] !== undefined || active?.metrics?.[k] !== undefined,
  );
  if (keys.length === 0) return null;
  const mine = metrics?.golden_version;
  const theirs = active?.metrics?.golden_version;
  return (
    <section aria-label="Recorded golden-set metrics" className="mb-2">
      <h3 className="mb-1 text-sm font-semibold">Recorded golden-set metrics</h3>
      {note && <p className="mb-1 text-sm">{note}</p>}
      <table className="w-full text-left text-sm" data-testid="promote-metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="text-right">
              {name}
            </th>
            <th scope="col" className="text-right">
              {active ? `${active.name} (serving now)` : "serving now"}
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 font-normal">
                {metricLabel(k)}
              </th>
              <td className="text-right font-mono">{formatMetric(k, metrics?.[k])}</td>
              <td className="text-right font-mono">{active ? formatMetric(k, active.metrics?.[k]) : "not recorded"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {active && mine !== undefined && theirs !== undefined && mine !== theirs && (
        <p className="mt-1 text-xs text-amber-900 dark:text-amber-200">
          Measured on different golden sets ({String(mine)} vs {String(theirs)}): compare with care.
        </p>
      )}
    </section>
  );
}
