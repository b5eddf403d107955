// The evaluation gate: the candidate and the active adapter (or the base model when none is
// active), measured on the same golden set in the same run, compared metric by metric.
// Promotion needs a perplexity improvement of at least RETRAIN_MARGIN (relative) and no
// critical metric worse: faithfulness must not drop at all, the right-source rate must not
// drop by more than RETRAIN_RIGHT_SOURCE_TOLERANCE. ROUGE-L is shown, not gating.

export interface ModelMetrics {
  /** Assistant-token perplexity on the golden set (lower is better). */
  perplexity: number;
  tokens: number;
  /** Answer evaluation on the golden subset, quote mode (0..1; null when nothing was measurable). */
  faithfulness: number | null;
  rightSource: number | null;
  rougeL: number | null;
  answers: number;
}

export interface GateSettings {
  /** Relative perplexity improvement needed (0.02 = 2 %). */
  margin: number;
  /** Largest allowed drop of the right-source rate (absolute, 0.05 = 5 points). */
  rightSourceTolerance: number;
}

export interface ComparisonRow {
  metric: "perplexity" | "faithfulness" | "rightSource" | "rougeL";
  candidate: number | null;
  active: number | null;
  betterIs: "lower" | "higher";
  critical: boolean;
  verdict: "better" | "worse" | "same";
}

export interface GateResult {
  promote: boolean;
  comparison: ComparisonRow[];
  decision: string;
}

const EPS = 1e-9;

export function gateSettingsFromEnv(env: Record<string, string | undefined> = process.env): GateSettings {
  const num = (v: string | undefined, d: number) =>
    v !== undefined && v !== "" && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : d;
  return { margin: num(env.RETRAIN_MARGIN, 0.02), rightSourceTolerance: num(env.RETRAIN_RIGHT_SOURCE_TOLERANCE, 0.05) };
}

/** Higher is better; a side with nothing measurable (e.g. no answer sentence at all) loses to one with a value. */
function higherVerdict(c: number | null, a: number | null, tolerance = 0): ComparisonRow["verdict"] {
  if (c === null && a === null) return "same";
  if (c === null) return "worse";
  if (a === null) return "better";
  if (c > a + EPS) return "better";
  if (c < a - tolerance - EPS) return "worse";
  return "same";
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)} %`);

export function gate(candidate: ModelMetrics, active: ModelMetrics, settings: GateSettings, activeName: string): GateResult {
  const improvement = (active.perplexity - candidate.perplexity) / active.perplexity;
  const comparison: ComparisonRow[] = [
    {
      metric: "perplexity",
      candidate: candidate.perplexity,
      active: active.perplexity,
      betterIs: "lower",
      critical: true,
      verdict: improvement >= settings.margin ? "better" : improvement < -EPS ? "worse" : "same",
    },
    {
      metric: "faithfulness",
      candidate: candidate.faithfulness,
      active: active.faithfulness,
      betterIs: "higher",
      critical: true,
      verdict: higherVerdict(candidate.faithfulness, active.faithfulness),
    },
    {
      metric: "rightSource",
      candidate: candidate.rightSource,
      active: active.rightSource,
      betterIs: "higher",
      critical: true,
      verdict: higherVerdict(candidate.rightSource, active.rightSource, settings.rightSourceTolerance),
    },
    {
      metric: "rougeL",
      candidate: candidate.rougeL,
      active: active.rougeL,
      betterIs: "higher",
      critical: false,
      verdict: higherVerdict(candidate.rougeL, active.rougeL),
    },
  ];
  const ppl = `golden perplexity ${candidate.perplexity.toFixed(3)} vs ${active.perplexity.toFixed(3)} (${improvement >= 0 ? `${(improvement * 100).toFixed(1)} % better` : `${(-improvement * 100).toFixed(1)} % worse`}, needs ${(settings.margin * 100).toFixed(1)} % better)`;
  const worse = comparison.filter((r) => r.critical && r.metric !== "perplexity" && r.verdict === "worse");
  const enough = improvement >= settings.margin;
  const promote = enough && worse.length === 0;
  const why = [
    ppl,
    `faithfulness ${pct(candidate.faithfulness)} vs ${pct(active.faithfulness)}`,
    `right source ${pct(candidate.rightSource)} vs ${pct(active.rightSource)} (tolerance ${(settings.rightSourceTolerance * 100).toFixed(1)} points)`,
  ].join("; ");
  const decision = promote
    ? `promoted over ${activeName}: ${why}`
    : `kept ${activeName}: ${!enough ? "perplexity not better by the margin" : `worse on ${worse.map((w) => w.metric).join(", ")}`} — ${why}`;
  return { promote, comparison, decision };
}
