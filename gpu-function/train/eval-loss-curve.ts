// The loss curve of a run: raw points as the trainer reports them, an exponential
// moving average to read the trend through batch noise, and CSV for the model cards.

export interface LossPoint {
  step: number;
  loss: number;
  lr?: number;
  tokensPerSecond?: number;
  /** Held-out loss when an evaluation ran at this step. */
  evalLoss?: number;
}

export class LossCurve {
  readonly points: LossPoint[] = [];
  readonly smoothed: { step: number; loss: number }[] = [];
  private ema = 0;

  /** @param smoothing EMA weight of the past (0 = raw curve). */
  constructor(private readonly smoothing = 0.9) {
    if (!(smoothing >= 0 && smoothing < 1)) throw new RangeError("smoothing must be in [0, 1)");
  }

  add(point: LossPoint): void {
    if (!Number.isFinite(point.loss)) throw new RangeError(`loss at step ${point.step} is not finite (${point.loss})`);
    this.points.push(point);
    // Zero-started EMA divided by (1 - s^n), as TensorBoard smooths: early points are not pulled to 0.
    this.ema = this.smoothing * this.ema + (1 - this.smoothing) * point.loss;
    const debias = 1 - this.smoothing ** this.points.length;
    this.smoothed.push({ step: point.step, loss: debias > 0 ? this.ema / debias : point.loss });
  }

  summary(): { steps: number; first: number; last: number; min: number; lastSmoothed: number } | null {
    if (this.points.length === 0) return null;
    const losses = this.points.map((p) => p.loss);
    return {
      steps: this.points.length,
      first: losses[0],
      last: losses[losses.length - 1],
      min: Math.min(...losses),
      lastSmoothed: this.smoothed[this.smoothed.length - 1].loss,
    };
  }

  evalPoints(): { step: number; evalLoss: number; perplexity: number }[] {
    return this.points
      .filter((p): p is LossPoint & { evalLoss: number } => p.evalLoss !== undefined)
      .map((p) => ({ step: p.step, evalLoss: p.evalLoss, perplexity: Math.exp(p.evalLoss) }));
  }

  toCsv(): string {
    const lines = ["step,loss,smoothed_loss,lr,tokens_per_second,eval_loss"];
    this.points.forEach((p, i) => {
      lines.push([p.step, p.loss, this.smoothed[i].loss, p.lr ?? "", p.tokensPerSecond ?? "", p.evalLoss ?? ""].join(","));
    });
    return lines.join("\n") + "\n";
  }
}
