"use client";
// /admin/training/[id]: one run — live progress and loss chart, the candidate against the
// active adapter on the same golden set with the gate's decision, settings and events.
import { useAdminResource } from "./admin-api";
import { NotLoaded, Panel, StatusLine } from "./admin-shell";
import { LossChart } from "./loss-chart";
import { CancelRunButton } from "./training-panel";
import Link from "next/link";
import { GateComparison } from "./gate-comparison";
import { PromoteAdapterButton } from "./promote-adapter";
import { formatDate, humanize, RunProgressBar, RunStatusBadge, STATUS_MEANING } from "./training-bits";
import { isActiveRun, type RunDetailResponse, type RunEvent } from "./training-types";

export function TrainingRunDetail({ id }: { id: string }) {
  const { data, status, setStatus, reload, polling } = useAdminResource<RunDetailResponse>(`training/runs/${encodeURIComponent(id)}`, {
    pollMs: 2000,
    pollWhile: (d) => isActiveRun(d.run),
  });
  if (!data) return <NotLoaded what="the run" status={status} />;
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
          <dt className="text-slate-600 dark:text-slate-300">Started from</dt>
          <dd className="font-mono">{startedFrom(run)}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Settings</dt>
          <dd>
            {Object.entries(run.hyperparameters ?? {})
              .filter(([k]) => k !== "initial_adapter")
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
      <Panel title="Candidate vs what served the chat">
        <GateComparison
          rows={data.comparison}
          decision={data.decision}
          runStatus={run.status}
          candidate={run.adapterName}
          active={typeof run.baselineMetrics?.model === "string" ? run.baselineMetrics.model : null}
          goldenVersion={run.goldenVersion}
        />
        <CandidateNow
          adapter={data.adapter}
          runId={run.id}
          onPromoted={(message) => {
            setStatus({ kind: "ok", text: message });
            void reload();
          }}
        />
      </Panel>
      <Panel title="Events">
        <EventLog events={data.events} />
      </Panel>
    </>
  );
}

const SETTING_LABELS: Record<string, string> = {
  n_epochs: "epochs",
  learning_rate_multiplier: "learning-rate multiplier",
  batch_size: "batch size",
  max_steps: "at most steps",
};

/** Where the run's candidate stands now, and "Promote…" when the gate kept it back (or it was retired since). */
function CandidateNow({
  adapter,
  runId,
  onPromoted,
}: {
  adapter: RunDetailResponse["adapter"];
  runId: string;
  onPromoted: (message: string) => void;
}) {
  if (!adapter) return null;
  if (adapter.status === "active")
    return (
      <p className="mt-3 text-sm" data-testid="candidate-now">
        <span className="font-mono">{adapter.name}</span> is the promoted adapter: it serves the public chat now.{" "}
        <Link className="text-blue-700 underline dark:text-blue-300" href="/admin/adapters">
          Adapters and rollback
        </Link>
      </p>
    );
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm" data-testid="candidate-now">
      <p>
        <span className="font-mono">{adapter.name}</span> is {adapter.status === "candidate" ? "kept as a candidate" : "retired"}: it does
        not serve the chat. An admin can promote it anyway, after reading the comparison above.
      </p>
      <PromoteAdapterButton name={adapter.name} runId={runId} onDone={(_flip, message) => onPromoted(message)} />
    </div>
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

/** The adapter the run's LoRA continued (warm start), or a fresh LoRA on the base model. */
function startedFrom(run: { hyperparameters: Record<string, unknown> | null }): string {
  const initial = run.hyperparameters?.initial_adapter;
  if (typeof initial === "string") return initial;
  return initial === null ? "base model (fresh LoRA)" : "—";
}
