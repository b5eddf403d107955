"use client";
// /admin/training/[id]: one run — live progress and loss chart, the candidate against the
// active adapter on the same golden set with the gate's decision, settings and events.
import { useAdminResource } from "./admin-api";
import { Panel, StatusLine } from "./admin-shell";
import { LossChart } from "./loss-chart";
import { CancelRunButton } from "./training-panel";
import { formatDate, formatMetric, humanize, metricLabel, RunProgressBar, RunStatusBadge, STATUS_MEANING } from "./training-bits";
import { isActiveRun, type ComparisonRow, type RunDetailResponse, type RunEvent } from "./training-types";

export function TrainingRunDetail({ id }: { id: string }) {
  const { data, status, reload, polling } = useAdminResource<RunDetailResponse>(`training/runs/${encodeURIComponent(id)}`, {
    pollMs: 2000,
    pollWhile: (d) => isActiveRun(d.run),
  });
  if (!data) return <StatusLine status={status} />;
  const { run } = data;
  return (
    <>
      <Panel title="Summary">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <RunStatusBadge status={run.status} />
          <span>{STATUS_MEANING[run.status]}</span>
          {isActiveRun(run) && <CancelRunButton run={run} onDone={() => void reload()} />}
        </div>
        {isActiveRun(run) && (
          <div className="mt-2 max-w-md">
            <RunProgressBar run={run} />
          </div>
        )}
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-600 dark:text-slate-300">Run</dt>
          <dd className="font-mono">{run.id}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Started by</dt>
          <dd>{run.trigger === "cron" ? "the schedule" : (run.startedBy ?? run.trigger)}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Started</dt>
          <dd>{formatDate(run.createdAt)}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Finished</dt>
          <dd>{formatDate(run.finishedAt)}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Dataset</dt>
          <dd className="font-mono">{run.datasetVersion ?? "—"}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Golden set</dt>
          <dd className="font-mono">{run.goldenVersion ?? "—"}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Candidate adapter</dt>
          <dd className="font-mono">{run.adapterName ?? "—"}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Settings</dt>
          <dd>
            {Object.entries(run.hyperparameters ?? {})
              .map(([k, v]) => `${SETTING_LABELS[k] ?? humanize(k)} ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
              .join(", ") || "deployment defaults"}
          </dd>
        </dl>
        {run.error && (
          <p role="alert" className="mt-3 rounded bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
            {run.error}
          </p>
        )}
        <StatusLine status={status} />
        {polling && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">Live: refreshes every 2 seconds while the run is active.</p>
        )}
      </Panel>
      <Panel title="Loss">
        <LossChart points={data.loss} totalSteps={run.progress?.totalSteps} />
      </Panel>
      <Panel title="Candidate vs active adapter">
        <Comparison
          rows={data.comparison}
          decision={data.decision}
          runStatus={run.status}
          candidate={run.adapterName}
          active={typeof run.baselineMetrics?.model === "string" ? run.baselineMetrics.model : null}
          goldenVersion={run.goldenVersion}
        />
      </Panel>
      <Panel title="Events">
        <EventLog events={data.events} />
      </Panel>
    </>
  );
}

/** A long adapter name by its distinctive end (the job id), for narrow column headers. */
const shortName = (name: string) => (name.length > 16 ? `…${name.slice(-8)}` : name);

const SETTING_LABELS: Record<string, string> = {
  n_epochs: "epochs",
  learning_rate_multiplier: "learning-rate multiplier",
  batch_size: "batch size",
  max_steps: "at most steps",
};

const VERDICT_STYLE: Record<ComparisonRow["verdict"], string> = {
  better: "text-emerald-800 dark:text-emerald-200",
  worse: "text-red-800 dark:text-red-200",
  same: "text-slate-700 dark:text-slate-200",
};
const VERDICT_MARK: Record<ComparisonRow["verdict"], string> = { better: "▲", worse: "▼", same: "=" };

function Comparison({
  rows,
  decision,
  runStatus,
  candidate,
  active,
  goldenVersion,
}: {
  rows: ComparisonRow[];
  decision: string | null;
  runStatus: string;
  candidate: string | null;
  active: string | null;
  goldenVersion: string | null;
}) {
  return (
    <>
      {rows.length > 0 && (
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-200">
          The candidate <code>{candidate ?? "—"}</code> against what served the chat when the run was evaluated,{" "}
          <code>{active ?? "—"}</code>, both on golden set <code>{goldenVersion ?? "—"}</code>.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {runStatus === "failed" || runStatus === "cancelled"
            ? "No evaluation: the run stopped before it."
            : "The evaluation runs after training; the comparison appears here."}
        </p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="comparison-table">
          <caption className="sr-only">The candidate and the active adapter on the same golden set, metric by metric</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col" className="text-right">
                Candidate{candidate ? ` (${shortName(candidate)})` : ""}
              </th>
              <th scope="col" className="text-right">
                Active{active ? ` (${shortName(active)})` : ""}
              </th>
              <th scope="col" className="pl-4">
                Verdict
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.metric} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 font-normal">
                  {metricLabel(r.metric)}
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    {r.betterIs} is better{r.critical ? " · critical: must not get worse" : ""}
                  </span>
                </th>
                <td className="text-right font-mono">{formatMetric(r.metric, r.candidate)}</td>
                <td className="text-right font-mono">{formatMetric(r.metric, r.active)}</td>
                <td className={`pl-4 font-semibold ${VERDICT_STYLE[r.verdict]}`} data-testid="verdict">
                  <span aria-hidden="true">{VERDICT_MARK[r.verdict]} </span>
                  {r.verdict}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {decision && (
        <p
          className="mt-3 rounded border border-slate-300 bg-slate-50 p-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          data-testid="gate-decision"
        >
          <span className="font-semibold">Gate decision: </span>
          {decision}
        </p>
      )}
    </>
  );
}

function EventLog({ events }: { events: RunEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No events yet.</p>;
  const newestFirst = [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ol className="max-h-72 overflow-y-auto text-sm" tabIndex={0} aria-label="Run events, newest first" data-testid="run-events">
      {newestFirst.map((e, i) => (
        <li key={`${e.at}-${i}`} className="border-t border-slate-200 py-1 first:border-t-0 dark:border-slate-700">
          <time className="mr-2 font-mono text-xs text-slate-600 dark:text-slate-300" dateTime={e.at}>
            {new Date(e.at).toLocaleTimeString()}
          </time>
          {e.level !== "info" && (
            <span
              className={`mr-1 text-xs font-semibold uppercase ${e.level === "error" ? "text-red-800 dark:text-red-200" : "text-amber-800 dark:text-amber-200"}`}
            >
              {e.level}
            </span>
          )}
          {e.message}
        </li>
      ))}
    </ol>
  );
}
