// Continuous batching: requests wait in a bounded queue; between forward steps finished
// sequences leave and queued ones join (their prompt is prefilled in the same step the
// others decode in), and each step is ONE `model.forward(rows)` over all active sequences,
// whatever adapter each one uses.
import type { PreparedLora } from "../models/types";
import type { ForwardRow, KvCacheHandle, LoadedModel } from "../runtime/types";
import type { FinishReason } from "../shared/openai";
import { maskLogits, type LogitsConstraint } from "./constraints";
import type { EngineMetrics } from "./metrics";
import { OutputParser, StopMatcher, type TextDelta } from "./output";
import { SequenceSampler, type SamplingParams } from "./sampler";
import type { ChatTokenizer } from "./tokenizer";

export interface GenerationRequest {
  promptTokens: number[];
  lora: PreparedLora | null;
  sampling: SamplingParams;
  /** Upper bound on completion tokens; the context length may end generation earlier. */
  maxTokens: number;
  stop: string[];
  /** Keep generating past EOS until maxTokens (vLLM's `ignore_eos`; benchmarks). */
  ignoreEos?: boolean;
  /** Decoding constraint (e.g. quote mode); masks this sequence's logits while it writes content. */
  constraint?: LogitsConstraint;
  signal?: AbortSignal;
  onDelta?: (delta: TextDelta) => void;
}

export interface GenerationResult {
  content: string;
  reasoning: string;
  finishReason: FinishReason;
  promptTokens: number;
  completionTokens: number;
  tokenIds: number[];
  queueMs: number;
  ttftMs: number;
  /** Forward steps this sequence took part in (ids are global step counters). */
  firstStep: number;
  lastStep: number;
}

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The server is at capacity; retry later");
    this.name = "QueueFullError";
  }
}

export class ContextLengthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContextLengthError";
  }
}

export class ShuttingDownError extends Error {
  constructor() {
    super("The server is shutting down");
    this.name = "ShuttingDownError";
  }
}

export interface SchedulerOptions {
  maxBatch: number;
  maxQueue: number;
  /**
   * Prompt tokens admitted per step (at least one sequence always joins): a burst of long
   * prompts joins over several steps so running streams keep getting tokens.
   */
  maxPrefillTokensPerStep?: number;
  metrics?: EngineMetrics;
}

interface Sequence {
  req: GenerationRequest;
  resolve(r: GenerationResult): void;
  reject(e: unknown): void;
  arrivedAt: number;
  admittedAt: number;
  firstTokenAt: number;
  cache: KvCacheHandle | null;
  prefilled: boolean;
  sampler: SequenceSampler;
  parser: OutputParser;
  stopper: StopMatcher;
  generated: number[];
  /** Tokens the next step feeds: the sampled one, plus any its constraint appended. */
  input: number[];
  /** Reused buffer for the masked logits of a constrained sequence. */
  mask?: Float32Array;
  /** A stop sequence completed: text after it is dropped, not flushed. */
  stopMatched: boolean;
  content: string;
  reasoning: string;
  firstStep: number;
  lastStep: number;
}

export class Scheduler {
  private queue: Sequence[] = [];
  private active: Sequence[] = [];
  private running = false;
  private closing = false;
  private stepCounter = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly eos: Set<number>;

  constructor(
    private readonly model: LoadedModel,
    private readonly tokenizer: ChatTokenizer,
    private readonly opts: SchedulerOptions,
  ) {
    this.eos = new Set(model.dims.eosTokenIds);
  }

  get activeCount(): number {
    return this.active.length;
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  get steps(): number {
    return this.stepCounter;
  }

  /** Why a request with this prompt would be refused right now (checked synchronously, before a stream opens). */
  admissionError(promptLength: number): Error | null {
    if (this.closing) return new ShuttingDownError();
    if (promptLength === 0) return new Error("empty prompt");
    if (promptLength >= this.model.maxSequenceLength) {
      return new ContextLengthError(`prompt of ${promptLength} tokens leaves no room in a ${this.model.maxSequenceLength}-token context`);
    }
    if (this.queue.length >= this.opts.maxQueue) return new QueueFullError(this.retryAfterSeconds());
    return null;
  }

  submit(req: GenerationRequest): Promise<GenerationResult> {
    const refusal = this.admissionError(req.promptTokens.length);
    if (refusal) {
      if (refusal instanceof QueueFullError) this.opts.metrics?.rejected.inc();
      return Promise.reject(refusal);
    }
    if (req.signal?.aborted) return Promise.resolve(emptyResult(req, "abort"));
    return new Promise<GenerationResult>((resolve, reject) => {
      this.queue.push({
        req,
        resolve,
        reject,
        arrivedAt: performance.now(),
        admittedAt: 0,
        firstTokenAt: 0,
        cache: null,
        prefilled: false,
        sampler: new SequenceSampler(req.sampling, req.promptTokens),
        parser: new OutputParser(this.tokenizer),
        stopper: new StopMatcher(req.stop),
        generated: [],
        input: [],
        stopMatched: false,
        content: "",
        reasoning: "",
        firstStep: -1,
        lastStep: -1,
      });
      this.kick();
    });
  }

  /** Stops admitting work and waits for queued and active sequences to finish (or aborts them after `timeoutMs`). */
  async drain(timeoutMs = 30_000): Promise<void> {
    this.closing = true;
    if (!this.running && this.queue.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<void>((r) => this.idleWaiters.push(r));
    const timeout = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), timeoutMs)));
    const outcome = await Promise.race([idle, timeout]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      for (const s of [...this.queue, ...this.active]) this.finish(s, "abort");
      this.queue = [];
      this.active = [];
    }
  }

  private retryAfterSeconds(): number {
    // Rough time for the queue ahead to clear at the current throughput.
    const rate = this.opts.metrics?.rate() ?? 0;
    const pending = this.queue.reduce((a, s) => a + s.req.maxTokens, 0);
    if (rate <= 0) return 1;
    return Math.min(60, Math.max(1, Math.ceil(pending / rate)));
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0 || this.active.length > 0) {
        this.dropAborted();
        this.admit();
        if (this.active.length === 0) continue;
        await this.step();
        // Let I/O (client writes, new requests, disconnects) run between steps.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
      if (this.queue.length > 0) this.kick();
      else for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private dropAborted(): void {
    this.queue = this.queue.filter((s) => {
      if (!s.req.signal?.aborted) return true;
      this.finish(s, "abort");
      return false;
    });
    this.active = this.active.filter((s) => {
      if (!s.req.signal?.aborted) return true;
      this.finish(s, "abort");
      return false;
    });
  }

  private admit(): void {
    const budget = this.opts.maxPrefillTokensPerStep ?? 4096;
    let admittedTokens = 0;
    while (this.active.length < this.opts.maxBatch && this.queue.length > 0) {
      const next = this.queue[0]!.req.promptTokens.length;
      if (admittedTokens > 0 && admittedTokens + next > budget) break;
      admittedTokens += next;
      const s = this.queue.shift()!;
      s.admittedAt = performance.now();
      this.opts.metrics?.queueWait.observe((s.admittedAt - s.arrivedAt) / 1000);
      s.cache = this.model.newCache();
      this.active.push(s);
    }
  }

  private async step(): Promise<void> {
    const batch = [...this.active];
    const rows: ForwardRow[] = batch.map((s) => ({
      tokens: s.prefilled ? s.input : s.req.promptTokens,
      cache: s.cache!,
      lora: s.req.lora,
    }));
    const stepId = ++this.stepCounter;
    let logits: Float32Array[];
    try {
      logits = await this.model.forward(rows);
    } catch (err) {
      for (const s of batch) this.fail(s, err);
      this.active = this.active.filter((s) => !batch.includes(s));
      return;
    }
    const m = this.opts.metrics;
    m?.decodeSteps.inc();
    if (new Set(batch.map((s) => s.req.lora?.name ?? "")).size > 1) m?.mixedAdapterSteps.inc();
    let produced = 0;
    const now = performance.now();
    for (let i = 0; i < batch.length; i++) {
      const s = batch[i]!;
      if (s.firstStep < 0) s.firstStep = stepId;
      s.lastStep = stepId;
      if (!s.prefilled) {
        s.prefilled = true;
        m?.promptTokens.inc(s.req.promptTokens.length);
      }
      const { token, constrained } = this.choose(s, logits[i]!);
      if (s.generated.length === 0) {
        s.firstTokenAt = now;
        m?.ttft.observe((now - s.arrivedAt) / 1000);
      }
      s.generated.push(token);
      s.input = [token];
      produced++;
      let reason = this.advance(s, token);
      if (!reason && constrained) {
        // Tokens the constraint appends (the rest of a quote, its marker) go in with this one next step.
        for (const forced of s.req.constraint!.accept(token)) {
          s.generated.push(forced);
          s.input.push(forced);
          produced++;
          reason = this.advance(s, forced);
          if (reason) break;
        }
      }
      if (reason) {
        this.finish(s, reason);
        this.active = this.active.filter((x) => x !== s);
      }
    }
    m?.recordTokens(produced);
  }

  /**
   * The logits-mask stage: a sequence with a constraint samples only among the tokens it
   * allows while it writes content (reasoning channels stay free); others skip it.
   */
  private choose(s: Sequence, logits: Float32Array): { token: number; constrained: boolean } {
    const constraint = s.req.constraint;
    if (!constraint || !s.parser.inContent) return { token: s.sampler.next(logits), constrained: false };
    const remaining = Math.min(s.req.maxTokens, this.model.maxSequenceLength - s.req.promptTokens.length) - s.generated.length;
    const allowed = constraint.allowedTokens(remaining);
    if (allowed.length === 1) return { token: allowed[0]!, constrained: true };
    s.mask = maskLogits(logits, allowed, s.mask, constraint.allowedBias?.());
    return { token: s.sampler.next(s.mask), constrained: true };
  }

  /** Feeds a sampled token through output parsing; returns a finish reason when the sequence is done. */
  private advance(s: Sequence, token: number): FinishReason | null {
    if (this.eos.has(token) && !s.req.ignoreEos) return "stop";
    const delta = s.parser.push(token);
    if (this.deliver(s, delta)) {
      s.stopMatched = true;
      return "stop";
    }
    if (s.generated.length >= s.req.maxTokens) return "length";
    // The next step appends this token to the cache; stop when the context is full.
    if (s.req.promptTokens.length + s.generated.length >= this.model.maxSequenceLength) return "length";
    return null;
  }

  /** Sends text to the client through the stop matcher; true when a stop sequence completed. */
  private deliver(s: Sequence, delta: TextDelta): boolean {
    const { emit, stopped } = s.stopper.push(delta.content);
    const out = { content: emit, reasoning: delta.reasoning };
    s.content += out.content;
    s.reasoning += out.reasoning;
    if (out.content || out.reasoning) s.req.onDelta?.(out);
    return stopped;
  }

  private finish(s: Sequence, reason: FinishReason): void {
    if (reason !== "abort") {
      // Text held back for UTF-8 completion or a partial stop match belongs to the answer.
      const tail = s.parser.flush();
      if (!s.stopMatched) {
        const { emit, stopped } = s.stopper.push(tail.content);
        const rest = stopped ? emit : emit + s.stopper.flush();
        const out = { content: rest, reasoning: tail.reasoning };
        s.content += out.content;
        s.reasoning += out.reasoning;
        if (out.content || out.reasoning) s.req.onDelta?.(out);
      }
    }
    s.cache?.release();
    s.cache = null;
    this.opts.metrics?.requests.inc();
    const completionTokens = s.generated.length;
    s.resolve({
      content: s.content,
      reasoning: s.reasoning,
      finishReason: reason,
      promptTokens: s.req.promptTokens.length,
      completionTokens,
      tokenIds: s.generated,
      queueMs: s.admittedAt ? s.admittedAt - s.arrivedAt : performance.now() - s.arrivedAt,
      ttftMs: s.firstTokenAt ? s.firstTokenAt - s.arrivedAt : 0,
      firstStep: s.firstStep,
      lastStep: s.lastStep,
    });
  }

  private fail(s: Sequence, err: unknown): void {
    s.cache?.release();
    s.cache = null;
    s.reject(err);
  }
}

function emptyResult(req: GenerationRequest, reason: FinishReason): GenerationResult {
  return {
    content: "",
    reasoning: "",
    finishReason: reason,
    promptTokens: req.promptTokens.length,
    completionTokens: 0,
    tokenIds: [],
    queueMs: 0,
    ttftMs: 0,
    firstStep: -1,
    lastStep: -1,
  };
}
