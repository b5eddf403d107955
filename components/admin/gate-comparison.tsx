"use client";
// The gate's side-by-side comparison (lib/training/gate.ts): the candidate and what served the
// chat when the run was evaluated, metric by metric on the same golden set, with the decision.
// On the run page and in the promotion confirmation.
import { formatMetric, metricLabel } from "./training-bits";
import type { ComparisonRow } from "./training-types";

/** A long adapter name by its distinctive end (the job id), for narrow column headers. */
const shortName = (name: string) => (name.length > 16 ? `…${name.slice(-8)}` : name);

const VERDICT_STYLE: Record<ComparisonRow["verdict"], string> = {
  better: "text-emerald-800 dark:text-emerald-200",
  worse: "text-red-800 dark:text-red-200",
  same: "text-slate-700 dark:text-slate-200",
};
const VERDICT_MARK: Record<ComparisonRow["verdict"], string> = { better: "▲", worse: "▼", same: "=" };

export function GateComparison({
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
          <caption className="sr-only">The candidate and what served the chat then, on the same golden set, metric by metric</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col" className="text-right">
                Candidate{candidate ? ` (${shortName(candidate)})` : ""}
              </th>
              <th scope="col" className="text-right">
                Serving then{active ? ` (${shortName(active)})` : ""}
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
