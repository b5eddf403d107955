"use client";
// /admin/training: the training data (summary and file upload), "Retrain now" with its
// settings, and the runs with their live progress (polled while a run is active).
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAdminResource } from "./admin-api";
import { inputClass, Loading, Panel, StatusLine } from "./admin-shell";
import { formatDate, humanize, RunProgressBar, RunStatusBadge, shortId } from "./training-bits";
import { isActiveRun, UPLOAD_FORMATS, type DatasetSummary, type RunSummary, type UploadResult } from "./training-types";

const POLL_MS = 2000;

/** The dataset's counts (lib/training/dataset-sources.ts), by where examples come from, then how they are split. */
const COUNT_LABELS: Record<string, string> = {
  curated: "curated reviews",
  knowledgeBase: "from the knowledge base",
  uploaded: "uploaded",
  train: "training examples",
  golden: "golden set (evaluation only)",
};
const COUNT_ORDER = Object.keys(COUNT_LABELS);

/**
 * When runs start without an admin: `schedule` is RETRAIN_CRON (npm start), "platform" when
 * CRON_SECRET lets a platform cron call /api/cron/retrain, null when nothing is scheduled.
 */
export function TrainingPanel({ schedule = null }: { schedule?: string | null }) {
  // The run "Retrain now" started: polled until it shows up, even if it finishes at once.
  const [started, setStarted] = useState<string | null>(null);
  const runs = useAdminResource<{ runs: RunSummary[] }>("training/runs", {
    pollMs: POLL_MS,
    pollWhile: (d) => d.runs.some(isActiveRun) || (started !== null && !d.runs.some((r) => r.id === started)),
  });
  const active = runs.data?.runs.find(isActiveRun);
  return (
    <>
      <DatasetPanel />
      <RetrainPanel
        activeRun={active}
        onStarted={(id) => {
          setStarted(id);
          void runs.reload();
        }}
      />
      <Panel title="Runs">
        <StatusLine status={runs.status} />
        {runs.loading && <Loading what="the runs" />}
        {runs.data && runs.data.runs.length === 0 && (
          <p className="text-sm">
            No retraining run yet. Start one above
            {schedule === "platform"
              ? ", or wait for the platform's scheduled call to /api/cron/retrain."
              : schedule
                ? `, or wait for the schedule (RETRAIN_CRON ${schedule}).`
                : ". No schedule is set: runs start only from here (RETRAIN_CRON, or CRON_SECRET for a platform cron, schedules them)."}
          </p>
        )}
        {runs.data && runs.data.runs.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="runs-table">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Started</th>
                  <th scope="col">By</th>
                  <th scope="col">State</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Adapter</th>
                  <th scope="col">Finished / reason</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.runs.map((r) => (
                  <tr key={r.id} className="border-t border-slate-200 align-top dark:border-slate-700" data-testid="run-row">
                    <td className="py-1">
                      <Link
                        href={`/admin/training/${encodeURIComponent(r.id)}`}
                        className="font-mono text-blue-700 underline dark:text-blue-300"
                        aria-label={`Run ${shortId(r.id)} details`}
                      >
                        {shortId(r.id)}
                      </Link>
                    </td>
                    <td>{formatDate(r.createdAt)}</td>
                    <td>{r.trigger === "cron" ? "schedule" : (r.startedBy ?? r.trigger)}</td>
                    <td>
                      <RunStatusBadge status={r.status} />
                    </td>
                    <td>{isActiveRun(r) ? <RunProgressBar run={r} /> : r.progress ? `${r.progress.totalSteps} steps` : "—"}</td>
                    <td className="font-mono text-xs">{r.adapterName ?? "—"}</td>
                    <td className="max-w-xs">
                      {r.finishedAt ? formatDate(r.finishedAt) : "—"}
                      {r.error && <span className="block text-xs text-red-800 dark:text-red-200">{r.error}</span>}
                      {!r.error && r.status === "rejected" && r.decision && <span className="block text-xs">{r.decision}</span>}
                    </td>
                    <td>{isActiveRun(r) && <CancelRunButton run={r} onDone={() => void runs.reload()} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {runs.polling && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">A run is in progress: this list refreshes every few seconds.</p>
        )}
      </Panel>
    </>
  );
}

export function CancelRunButton({ run, onDone }: { run: RunSummary; onDone: () => void }) {
  const { api, run: act, status } = useAdminResource<never>(null);
  return (
    <>
      <Button
        variant="danger"
        aria-label={`Cancel run ${shortId(run.id)}`}
        onClick={async () => {
          if (!window.confirm(`Cancel run ${shortId(run.id)}? Its training job stops; the active adapter keeps serving.`)) return;
          await act(() => api(`training/runs/${encodeURIComponent(run.id)}/cancel`, { method: "POST" }), "Cancelled.");
          onDone();
        }}
      >
        Cancel
      </Button>
      <StatusLine status={status?.kind === "error" ? status : null} />
    </>
  );
}

function RetrainPanel({ activeRun, onStarted }: { activeRun: RunSummary | undefined; onStarted: (runId: string) => void }) {
  const { api, run, status, pending } = useAdminResource<never>(null);
  const [started, setStarted] = useState<string | null>(null);
  const start = async (form: HTMLFormElement) => {
    const f = new FormData(form);
    const hyperparameters: Record<string, number> = {};
    for (const [field, name] of [
      ["epochs", "n_epochs"],
      ["lr", "learning_rate_multiplier"],
      ["batch", "batch_size"],
    ] as const) {
      const raw = String(f.get(field) ?? "").trim();
      if (raw) hyperparameters[name] = Number(raw);
    }
    const result = await run(
      () => api<{ runId: string }>("training/runs", { body: Object.keys(hyperparameters).length ? { hyperparameters } : {} }),
      "Retraining started: its progress shows in the runs below.",
    );
    if (result) {
      setStarted(result.runId);
      onStarted(result.runId);
    }
  };
  return (
    <Panel title="Retrain now">
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-200">
        Trains a candidate adapter on the current training data, evaluates it against the active adapter on the frozen golden set, and
        promotes it only if it passes the gate. Leave a setting blank to use the deployment&apos;s default.
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void start(e.currentTarget);
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Epochs
          <input name="epochs" type="number" min={1} max={50} step={1} className={`${inputClass} w-24`} placeholder="default" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Learning-rate multiplier
          <input name="lr" type="number" min={0.01} max={100} step="any" className={`${inputClass} w-32`} placeholder="default" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Batch size
          <input name="batch" type="number" min={1} max={256} step={1} className={`${inputClass} w-24`} placeholder="default" />
        </label>
        <Button type="submit" variant="primary" disabled={Boolean(activeRun) || pending}>
          {pending ? "Starting…" : "Retrain now"}
        </Button>
      </form>
      {activeRun && (
        <p className="mt-2 text-sm">
          Run{" "}
          <Link
            className="font-mono text-blue-700 underline dark:text-blue-300"
            href={`/admin/training/${encodeURIComponent(activeRun.id)}`}
          >
            {shortId(activeRun.id)}
          </Link>{" "}
          is in progress; only one run at a time.
        </p>
      )}
      <StatusLine status={status} />
      {started && status?.kind === "ok" && (
        <p className="mt-1 text-sm">
          <Link className="text-blue-700 underline dark:text-blue-300" href={`/admin/training/${encodeURIComponent(started)}`}>
            Watch run {shortId(started)}
          </Link>
        </p>
      )}
    </Panel>
  );
}

function DatasetPanel() {
  const dataset = useAdminResource<DatasetSummary>("training/dataset");
  const [result, setResult] = useState<UploadResult | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (form: HTMLFormElement) => {
    const f = new FormData(form);
    const file = f.get("file");
    if (!(file instanceof File) || file.size === 0) return dataset.setStatus({ kind: "error", text: "Choose a non-empty file first." });
    setBusy(true);
    setResult(null);
    const content = await file.text();
    const uploaded = await dataset.run(
      () =>
        dataset.api<UploadResult>("training/uploads", {
          body: { format: String(f.get("format") || "auto"), filename: file.name, content },
        }),
      (r) =>
        `${file.name}: ${r.accepted} example${r.accepted === 1 ? "" : "s"} added, ${r.duplicates} duplicate${r.duplicates === 1 ? "" : "s"} skipped, ${r.rejected.length} line${r.rejected.length === 1 ? "" : "s"} rejected.`,
    );
    setBusy(false);
    if (uploaded) {
      setResult(uploaded);
      form.reset();
    }
  };
  const counts = Object.entries(dataset.data?.counts ?? {}).sort(
    ([a], [b]) => (COUNT_ORDER.indexOf(a) + 1 || 99) - (COUNT_ORDER.indexOf(b) + 1 || 99),
  );
  return (
    <Panel title="Training data">
      {dataset.loading && (
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-300" data-testid="dataset-loading">
          Counting the training data…
        </p>
      )}
      {dataset.data && (
        <div className="mb-4">
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="dataset-counts">
            {counts.map(([k, v]) => (
              <div key={k} className="rounded border border-slate-200 p-2 dark:border-slate-700">
                <dt className="text-xs text-slate-600 dark:text-slate-300">{COUNT_LABELS[k] ?? humanize(k)}</dt>
                <dd className="text-lg font-semibold">{Number(v).toLocaleString()}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
            Dataset version <code>{dataset.data.version ?? "—"}</code> · frozen golden evaluation set{" "}
            <code>{dataset.data.goldenVersion ?? "—"}</code> (never trained on). A run is skipped when the dataset has not changed since the
            last finished run.
          </p>
        </div>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void upload(e.currentTarget);
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Training file (JSONL or JSON array)
          <input name="file" type="file" required accept=".jsonl,.json,.ndjson,.txt" className="text-sm" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Format
          <select name="format" className={inputClass} defaultValue="auto">
            {UPLOAD_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Uploading…" : "Upload training file"}
        </Button>
      </form>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Accepted formats</summary>
        <ul className="mt-1 list-disc pl-5">
          {UPLOAD_FORMATS.filter((f) => f.value !== "auto").map((f) => (
            <li key={f.value}>
              {f.label}: <code className="text-xs">{f.hint}</code>
            </li>
          ))}
        </ul>
      </details>
      <StatusLine status={dataset.status} />
      {result && result.rejected.length > 0 && (
        <table className="mt-2 w-full text-left text-sm" data-testid="upload-rejected">
          <caption className="text-left font-semibold">Rejected lines</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.slice(0, 50).map((r) => (
              <tr key={r.line} className="border-t border-slate-200 dark:border-slate-700">
                <td className="pr-3 font-mono">{r.line}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
          {result.rejected.length > 50 && (
            <tfoot>
              <tr>
                <td colSpan={2}>…and {result.rejected.length - 50} more.</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </Panel>
  );
}
