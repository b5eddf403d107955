"use client";
// The live loss curve of a training run (recharts): training loss per step and, where the
// job evaluated, the validation loss on the golden set.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "./training-bits";
import type { LossPoint } from "./training-types";

export function LossChart({ points, totalSteps }: { points: LossPoint[]; totalSteps?: number }) {
  const last = points.at(-1);
  const lastValid = [...points].reverse().find((p) => typeof p.validLoss === "number");
  const hasValid = Boolean(lastValid);
  return (
    <figure aria-label="Loss per training step" data-testid="loss-chart">
      {points.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No training step reported yet.</p>
      ) : (
        <div className="h-64">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="step"
                type="number"
                domain={[0, totalSteps && totalSteps > 0 ? totalSteps : "dataMax"]}
                allowDecimals={false}
                fontSize={11}
                tickFormatter={(v: number) => `step ${v}`}
              />
              <YAxis fontSize={11} domain={["auto", "auto"]} tickFormatter={(v: number) => String(Number(v.toPrecision(3)))} width={48} />
              <Tooltip formatter={(v) => formatNumber(v)} labelFormatter={(step) => `step ${step}`} />
              <Legend />
              <Line name="training loss" dataKey="trainLoss" stroke="#2563eb" dot={false} isAnimationActive={false} connectNulls />
              {hasValid && (
                <Line
                  name="validation loss (golden set)"
                  dataKey="validLoss"
                  stroke="#b45309"
                  strokeWidth={2}
                  isAnimationActive={false}
                  connectNulls
                />
              )}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {last && (
        <figcaption className="mt-1 text-sm" data-testid="loss-summary">
          Latest: step {last.step}
          {totalSteps ? ` of ${totalSteps}` : ""}, training loss {formatNumber(last.trainLoss)}
          {lastValid ? `; validation loss ${formatNumber(lastValid.validLoss)} at step ${lastValid.step}` : ""}.
        </figcaption>
      )}
    </figure>
  );
}
