// Learning-rate schedules with linear warmup, as transformers' get_*_schedule_with_warmup.
export type LrScheduler = "linear" | "cosine" | "constant";

export interface ScheduleSpec {
  peakLr: number;
  totalSteps: number;
  warmupSteps: number;
  scheduler: LrScheduler;
  /** Floor as a fraction of the peak (cosine/linear decay towards it); 0 as in transformers. */
  minLrRatio?: number;
}

/** Warmup steps from an explicit count or a ratio of the total (ratio rounds up, as transformers). */
export function warmupStepsFor(totalSteps: number, warmupSteps?: number, warmupRatio?: number): number {
  if (warmupSteps !== undefined && warmupSteps > 0) return Math.min(warmupSteps, totalSteps);
  if (warmupRatio !== undefined && warmupRatio > 0) return Math.min(Math.ceil(totalSteps * warmupRatio), totalSteps);
  return 0;
}

/** LR used for optimizer step `step` (0-based). */
export function learningRateAt(step: number, s: ScheduleSpec): number {
  if (s.warmupSteps > 0 && step < s.warmupSteps) return (s.peakLr * (step + 1)) / s.warmupSteps;
  if (s.scheduler === "constant") return s.peakLr;
  const floor = s.peakLr * (s.minLrRatio ?? 0);
  const span = Math.max(1, s.totalSteps - s.warmupSteps);
  const progress = Math.min(1, (step - s.warmupSteps) / span);
  const factor = s.scheduler === "linear" ? 1 - progress : 0.5 * (1 + Math.cos(Math.PI * progress));
  return floor + (s.peakLr - floor) * factor;
}
