// Small pieces the training and adapters pages share: run state badges, progress, metric
// lists and number/date formatting.
import type { Metrics, RunStatus, RunSummary } from "./training-types";

const STATUS_STYLE: Record<RunStatus, string> = {
  queued: "bg-slate-100 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  running: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100",
  evaluating: "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100",
  promoted: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  rejected: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  cancelled: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};

/** What each state means to an operator (shown as the badge's tooltip and in the legend). */
export const STATUS_MEANING: Record<RunStatus, string> = {
  queued: "waiting for the gpu-function",
  running: "training on the gpu-function",
  evaluating: "candidate and active adapter evaluated on the golden set",
  promoted: "the candidate passed the gate and now serves the chat",
  rejected: "the candidate did not pass the gate; the active adapter still serves",
  failed: "stopped with an error; the active adapter still serves",
  cancelled: "stopped by an admin; the active adapter still serves",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status] ?? STATUS_STYLE.queued}`}
      title={STATUS_MEANING[status]}
      data-testid="run-status"
    >
      {status}
    </span>
  );
}

export function RunProgressBar({ run }: { run: RunSummary }) {
  const p = run.progress;
  if (run.status === "queued") return <span className="text-xs text-slate-600 dark:text-slate-300">waiting to start</span>;
  if (!p || p.totalSteps <= 0) return run.status === "evaluating" ? <span className="text-xs">evaluating…</span> : null;
  const done = Math.min(p.step, p.totalSteps);
  return (
    <div className="flex min-w-40 flex-col gap-0.5" data-testid="run-progress">
      <progress max={p.totalSteps} value={done} aria-label={`Training progress: step ${done} of ${p.totalSteps}`} className="w-full" />
      <span className="text-xs text-slate-700 dark:text-slate-200">
        step {done}/{p.totalSteps}
        {p.trainLoss !== null && Number.isFinite(p.trainLoss) ? ` · loss ${formatNumber(p.trainLoss)}` : ""}
      </span>
    </div>
  );
}

export function formatNumber(value: unknown): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return value === null || value === undefined ? "—" : String(value);
  if (Number.isInteger(value)) return value.toLocaleString();
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(1) : abs >= 1 ? value.toFixed(3) : value.toFixed(4);
}

export function formatDate(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString() : "—";
}

/** camelCase / snake_case keys as words: golden_perplexity → golden perplexity. */
export function humanize(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
}

/** How the gate's metrics (lib/training/gate.ts) are named on screen. */
const METRIC_LABELS: Record<string, string> = {
  perplexity: "golden-set perplexity",
  faithfulness: "faithfulness",
  rightSource: "right-source rate",
  rougeL: "ROUGE-L",
  answers: "answers scored",
  tokens: "golden-set tokens",
  golden_version: "golden set",
};
/** Metrics that are rates (0..1), shown as percentages. */
const RATES = new Set(["faithfulness", "rightSource", "rougeL"]);

export const metricLabel = (key: string) => METRIC_LABELS[key] ?? humanize(key);

export function formatMetric(key: string, value: unknown): string {
  if (RATES.has(key) && typeof value === "number" && Number.isFinite(value)) return `${(value * 100).toFixed(1)} %`;
  if (RATES.has(key) && value === null) return "not measured";
  return formatNumber(value);
}

export function MetricList({ metrics, testId }: { metrics: Metrics; testId?: string }) {
  const order = Object.keys(METRIC_LABELS);
  const entries = Object.entries(metrics ?? {})
    .filter(([, v]) => v === null || ["number", "string", "boolean"].includes(typeof v))
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  if (entries.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No metrics recorded.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm" data-testid={testId}>
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600 dark:text-slate-300">{metricLabel(k)}</dt>
          <dd className="font-mono">{formatMetric(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export const shortId = (id: string) => id.slice(0, 8);
