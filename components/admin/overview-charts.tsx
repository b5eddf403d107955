"use client";

import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SURFACE_LABELS, SURFACES } from "./surface-labels";

export interface DayRow {
  date: string;
  surface: string;
  conversations: number;
  messages: number;
  up: number;
  down: number;
  emergencies: number;
  tokens: number;
}

/** What the legend and tooltip call each series. */
const SERIES_NAMES: Record<string, string> = { ...SURFACE_LABELS, up: "Thumbs up", down: "Thumbs down", emergencies: "Emergencies" };
const COLOURS: Record<string, string> = {
  web: "#2563eb",
  widget: "#0f766e",
  api: "#b45309",
  up: "#15803d",
  down: "#c2410c",
  // Emergencies apart from thumbs down by hue and by a dashed line (also without colour vision).
  emergencies: "#7e22ce",
};

/** One row per day with a column per surface (what the charts plot). */
function perDay(rows: DayRow[], field: keyof DayRow) {
  const days = [...new Set(rows.map((r) => r.date))].sort();
  return days.map((date) =>
    Object.fromEntries([
      ["date", date],
      ...SURFACES.map((s) => [s, rows.filter((r) => r.date === date && r.surface === s).reduce((a, r) => a + Number(r[field]), 0)]),
    ]),
  );
}

function totals(rows: DayRow[]) {
  const days = [...new Set(rows.map((r) => r.date))].sort();
  return days.map((date) => {
    const today = rows.filter((r) => r.date === date);
    return {
      date,
      up: today.reduce((a, r) => a + r.up, 0),
      down: today.reduce((a, r) => a + r.down, 0),
      emergencies: today.reduce((a, r) => a + r.emergencies, 0),
    };
  });
}

const noSubscription = () => () => {};

/**
 * False in the server's HTML and during hydration, true after: recharts' ResponsiveContainer
 * renders `style` attributes, which the console's nonce CSP refuses in server-rendered HTML
 * (a console error on every full load of the overview), while styles set from script are allowed.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function Chart({
  title,
  data,
  keys,
  kind = "bar",
}: {
  title: string;
  data: Record<string, unknown>[];
  keys: string[];
  kind?: "bar" | "line";
}) {
  const inBrowser = useInBrowser();
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-800" aria-label={title}>
      <figcaption className="mb-2 text-sm font-semibold">{title}</figcaption>
      {data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No activity in this period yet.</p>
      ) : (
        <div className="h-56">
          {inBrowser && (
            <ResponsiveContainer width="100%" height="100%">
              {kind === "bar" ? (
                <BarChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Legend />
                  {keys.map((k) => (
                    <Bar key={k} dataKey={k} name={SERIES_NAMES[k]} stackId="s" fill={COLOURS[k]} />
                  ))}
                </BarChart>
              ) : (
                <LineChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Legend />
                  {keys.map((k) => (
                    <Line
                      key={k}
                      dataKey={k}
                      name={SERIES_NAMES[k]}
                      stroke={COLOURS[k]}
                      strokeDasharray={k === "emergencies" ? "6 3" : undefined}
                      // One day of data draws no line: its points are the chart.
                      dot={data.length === 1}
                    />
                  ))}
                </LineChart>
              )}
            </ResponsiveContainer>
          )}
        </div>
      )}
    </figure>
  );
}

export function OverviewCharts({ rows, kb }: { rows: DayRow[]; kb: { documents: number; chunks: number } }) {
  const sum = (f: keyof DayRow) => rows.reduce((a, r) => a + Number(r[f]), 0);
  const stats = [
    ["Conversations", sum("conversations")],
    ["Messages", sum("messages")],
    ["Thumbs up", sum("up")],
    ["Thumbs down", sum("down")],
    ["Emergencies", sum("emergencies")],
    // Every surface records its answers' model tokens (web and widget too), so the total is not the partners' alone.
    ["Model tokens", sum("tokens")],
    ["KB documents", kb.documents],
    ["KB chunks", kb.chunks],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="overview-stats">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-800">
            <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
            <dd className="text-xl font-semibold">{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <Chart title="Conversations per day, by surface" data={perDay(rows, "conversations")} keys={SURFACES} />
        <Chart title="Messages per day, by surface" data={perDay(rows, "messages")} keys={SURFACES} />
        <Chart title="Feedback and emergencies per day" data={totals(rows)} keys={["up", "down", "emergencies"]} kind="line" />
        <Chart title="Model tokens per day, by surface" data={perDay(rows, "tokens")} keys={SURFACES} />
      </div>
    </div>
  );
}
