// llama.cpp (through node-llama-cpp, prebuilt CPU binary) as a peer on an exported GGUF: greedy
// decoding from token ids, so the engine and llama.cpp are compared on the same token sequence
// without either side's chat formatting. Used by the export round-trip tests and bench/gpu-function.ts.
// node-llama-cpp is a dev dependency: this module is imported only by tests and the benchmark.
import { getLlama, LlamaLogLevel, type Llama, type LlamaContext, type LlamaModel } from "node-llama-cpp";

let llama: Promise<Llama> | null = null;

/** One llama.cpp instance per process, CPU only, never building or downloading (the prebuilt binary must load). */
export function llamaCpp(): Promise<Llama> {
  llama ??= getLlama({ gpu: false, build: "never", usePrebuiltBinaries: true, progressLogs: false, logLevel: LlamaLogLevel.error });
  return llama;
}

export interface LlamaCppModelOptions {
  threads: number;
  /** Parallel sequences in the context (one per concurrent stream). */
  sequences?: number;
  contextSize?: number;
  /** GGUF LoRA adapter files applied at scale 1. */
  lora?: string[];
  /** Tokens per llama_decode batch (default: the context's). */
  batchSize?: number;
}

export interface LlamaCppPeer {
  model: LlamaModel;
  context: LlamaContext;
  /** Greedy continuation of `prompt` (token ids): `n` new tokens, ignoring end-of-generation tokens. */
  greedy(prompt: number[], n: number): Promise<number[]>;
  /** The same, with the time (performance.now()) each new token arrived. */
  timedGreedy(prompt: number[], n: number): Promise<{ tokens: number[]; stamps: number[] }>;
  /** Greedy continuations of several prompts at once, one context sequence each (batched by llama.cpp). */
  greedyMany(prompts: number[][], n: number): Promise<number[][]>;
  dispose(): Promise<void>;
}

export async function openLlamaCpp(file: string, o: LlamaCppModelOptions): Promise<LlamaCppPeer> {
  const ll = await llamaCpp();
  const model = await ll.loadModel({ modelPath: file, gpuLayers: 0, useMmap: true });
  const context = await model.createContext({
    contextSize: o.contextSize ?? 512,
    sequences: o.sequences ?? 1,
    threads: { ideal: o.threads, min: o.threads },
    batchSize: o.batchSize,
    flashAttention: false,
    lora: o.lora ? { adapters: o.lora.map((filePath) => ({ filePath, scale: 1 })) } : undefined,
  });
  const run = async (prompt: number[], n: number): Promise<{ tokens: number[]; stamps: number[] }> => {
    const seq = context.getSequence();
    try {
      const out: number[] = [];
      const stamps: number[] = [];
      // temperature 0 = argmax; no repeat penalty; EOG tokens are just tokens here.
      for await (const t of seq.evaluate(prompt as never, { temperature: 0, yieldEogToken: true })) {
        out.push(t as number);
        stamps.push(performance.now());
        if (out.length >= n) break;
      }
      return { tokens: out, stamps };
    } finally {
      seq.dispose();
    }
  };
  return {
    model,
    context,
    greedy: async (prompt, n) => (await run(prompt, n)).tokens,
    timedGreedy: run,
    greedyMany: async (prompts, n) => (await Promise.all(prompts.map((p) => run(p, n)))).map((r) => r.tokens),
    async dispose() {
      await context.dispose();
      await model.dispose();
    },
  };
}
