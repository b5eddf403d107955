// The shapes the retraining endpoints of /api/admin answer (lib/admin/api.ts), as the
// console reads them.

export type RunStatus = "queued" | "running" | "evaluating" | "promoted" | "rejected" | "failed" | "cancelled";

export const ACTIVE_RUN_STATES: readonly RunStatus[] = ["queued", "running", "evaluating"];
export const isActiveRun = (run: { status: RunStatus }) => ACTIVE_RUN_STATES.includes(run.status);

export interface RunProgress {
  step: number;
  totalSteps: number;
  trainLoss: number | null;
}

export interface RunSummary {
  id: string;
  trigger: "cron" | "manual" | string;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  datasetVersion: string | null;
  goldenVersion: string | null;
  adapterName: string | null;
  error: string | null;
  /** The gate's decision (why promoted or kept); null before the evaluation. */
  decision?: string | null;
  /** The admin who pressed "Retrain now" (null for the schedule). */
  startedBy?: string | null;
  progress: RunProgress | null;
}

export type Metrics = Record<string, unknown> | null;

export interface RunDetail extends RunSummary {
  hyperparameters: Record<string, unknown> | null;
  metrics: Metrics;
  baselineMetrics: Metrics;
}

export interface ComparisonRow {
  metric: string;
  candidate: number | null;
  active: number | null;
  betterIs: "lower" | "higher";
  critical: boolean;
  verdict: "better" | "worse" | "same";
}

export interface RunEvent {
  at: string;
  level: string;
  message: string;
}

export interface LossPoint {
  step: number;
  trainLoss: number | null;
  validLoss?: number | null;
}

export interface RunDetailResponse {
  run: RunDetail;
  /** The run's candidate adapter as it stands now (kept, serving, retired); null before it exists. */
  adapter: { name: string; status: AdapterInfo["status"] } | null;
  comparison: ComparisonRow[];
  decision: string | null;
  events: RunEvent[];
  loss: LossPoint[];
}

export interface AdapterInfo {
  name: string;
  status: "active" | "candidate" | "retired";
  runId: string | null;
  metrics: Metrics;
  createdAt: string;
  promotedAt: string | null;
}

export interface DatasetSummary {
  version: string | null;
  goldenVersion: string | null;
  counts: Record<string, number>;
}

export interface UploadResult {
  format: string;
  accepted: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
}

/** The training-file formats the upload accepts (the seed model cards' datasets). */
export const UPLOAD_FORMATS: { value: string; label: string; hint: string }[] = [
  { value: "auto", label: "Detect from the fields", hint: "each line is matched by its field names" },
  { value: "openai-chat", label: "OpenAI chat JSONL", hint: '{"messages": [{"role": "user", …}, {"role": "assistant", …}]}' },
  { value: "medical-o1", label: "medical-o1 reasoning SFT", hint: "Question, Complex_CoT, Response" },
  { value: "pubmed-bio-thinking", label: "Pubmed-Bio-Thinking", hint: "developer, user, analysis, final" },
  { value: "medical-meadow", label: "Medical Meadow flashcards", hint: "instruction, input, output" },
];
