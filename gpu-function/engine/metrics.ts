// A small Prometheus text-format registry (counters, gauges, histograms) for /metrics.
type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  private value = 0;
  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}
  inc(by = 1): void {
    this.value += by;
  }
  get(): number {
    return this.value;
  }
  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} counter\n${this.name} ${this.value}\n`;
  }
}

export class Gauge implements Metric {
  private values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly collect?: () => Array<{ labels: Labels; value: number }> | number,
  ) {}
  set(value: number, labels: Labels = {}): void {
    this.values.set(labelText(labels), { labels, value });
  }
  render(): string {
    let rows = [...this.values.values()];
    if (this.collect) {
      const c = this.collect();
      rows = typeof c === "number" ? [{ labels: {}, value: c }] : c;
    }
    const body = rows.map((r) => `${this.name}${labelText(r.labels)} ${r.value}\n`).join("");
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} gauge\n${body}`;
  }
}

export class Histogram implements Metric {
  private counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: number[],
  ) {
    this.counts = buckets.map(() => 0);
  }
  observe(v: number): void {
    this.sum += v;
    this.count++;
    for (let i = 0; i < this.buckets.length; i++) if (v <= this.buckets[i]!) this.counts[i]!++;
  }
  render(): string {
    const lines = this.buckets.map((b, i) => `${this.name}_bucket{le="${b}"} ${this.counts[i]}`);
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} histogram\n${lines.join("\n")}\n`;
  }
}

export class MetricsRegistry {
  private metrics: Metric[] = [];
  register<M extends Metric>(m: M): M {
    this.metrics.push(m);
    return m;
  }
  render(): string {
    return this.metrics.map((m) => m.render()).join("");
  }
}

const RATE_WINDOW_MS = 10_000;
const RATE_BUCKET_MS = 100;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The engine's serving metrics; gauges that depend on live state are filled by the server. */
export class EngineMetrics {
  readonly registry = new MetricsRegistry();
  readonly tokensGenerated = this.registry.register(new Counter("gpu_function_generated_tokens_total", "Completion tokens generated"));
  readonly promptTokens = this.registry.register(new Counter("gpu_function_prompt_tokens_total", "Prompt tokens prefilled"));
  readonly requests = this.registry.register(new Counter("gpu_function_requests_total", "Generation requests finished"));
  readonly rejected = this.registry.register(
    new Counter("gpu_function_rejected_requests_total", "Requests refused because the queue was full"),
  );
  readonly decodeSteps = this.registry.register(new Counter("gpu_function_decode_steps_total", "Batched forward steps"));
  readonly mixedAdapterSteps = this.registry.register(
    new Counter(
      "gpu_function_mixed_adapter_steps_total",
      "Forward steps whose batch held sequences of two or more different adapters (base counts as one)",
    ),
  );
  readonly ttft = this.registry.register(
    new Histogram("gpu_function_time_to_first_token_seconds", "Time from request arrival to first token", LATENCY_BUCKETS),
  );
  readonly queueWait = this.registry.register(
    new Histogram("gpu_function_queue_wait_seconds", "Time a request waited before prefill", LATENCY_BUCKETS),
  );
  readonly tokensPerSecond = this.registry.register(
    new Gauge("gpu_function_tokens_per_second", "Generated tokens per second over the last 10 s", () => this.rate()),
  );
  /**
   * Tokens per 100 ms bucket over the last 10 s (a ring): O(1) per step. It was an array of one
   * entry per step trimmed with shift(), which costs a memmove of the whole array once it outgrows
   * V8's young space (~10k entries): 34 µs per step at 20k steps in the window, i.e. after 10 s
   * of a 2,000 tok/s stream.
   */
  private readonly buckets = new Float64Array(RATE_WINDOW_MS / RATE_BUCKET_MS);
  /** Index (time / RATE_BUCKET_MS) of the newest bucket written, and of the oldest with tokens. */
  private newest = -Infinity;
  private oldest = Infinity;

  recordTokens(n: number, now = performance.now()): void {
    this.tokensGenerated.inc(n);
    const k = Math.floor(now / RATE_BUCKET_MS);
    this.advanceTo(k);
    this.buckets[k % this.buckets.length]! += n;
    if (n > 0 && k < this.oldest) this.oldest = k;
  }

  rate(now = performance.now()): number {
    const k = Math.floor(now / RATE_BUCKET_MS);
    this.advanceTo(k);
    let total = 0;
    for (const b of this.buckets) total += b;
    if (total === 0) return 0;
    const first = Math.max(this.oldest, k - this.buckets.length + 1);
    const span = Math.max(1_000, now - first * RATE_BUCKET_MS);
    return Math.round((total / span) * 1000 * 100) / 100;
  }

  /** Clears the buckets that fell out of the window on the way to bucket `k`. */
  private advanceTo(k: number): void {
    if (k <= this.newest) return;
    const size = this.buckets.length;
    if (k - this.newest >= size) this.buckets.fill(0);
    else for (let i = this.newest + 1; i <= k; i++) this.buckets[i % size] = 0;
    this.newest = k;
    if (this.oldest <= k - size) {
      // The oldest bucket with tokens left the window: find the next one (or none).
      this.oldest = Infinity;
      for (let i = k - size + 1; i <= k; i++) {
        if (this.buckets[i % size]! > 0) {
          this.oldest = i;
          break;
        }
      }
    }
  }
}
