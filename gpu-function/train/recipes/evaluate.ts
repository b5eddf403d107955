// Evaluation of the default models for their cards: greedy grounded answers through the
// serving runtime (runtime/load.ts loadModel, adapter as the engine prepares it) scored by ROUGE-L
// and citation accuracy, and embedder retrieval quality (recall@k, MRR) on held-out
// MedQuAD question → answer.
import { loadEmbedder, loadModel } from "../../runtime/load";
import type { PreparedLora } from "../../models/types";
import { meanRougeL } from "../eval-rouge";
import type { ChatTurn, TextEncoder } from "./chatml";
import { chatmlExample } from "./chatml";
import type { GroundedCase } from "./grounded-data";

export interface GroundedScores {
  cases: number;
  rougeL: number;
  citationAccuracy: number;
  samples: { question: string; answer: string; reference: string }[];
}

/** The prompt tokens the chat template yields for these turns (+ the assistant header). */
function promptIds(tok: TextEncoder, turns: ChatTurn[]): number[] {
  const prompt = chatmlExample(
    tok,
    turns.filter((t) => t.role !== "assistant"),
    { completionOnly: true },
  ).inputIds;
  return [...prompt, tok.tokenId("<|im_start|>")!, ...tok.encode("assistant\n")];
}

export async function groundedScores(
  modelDir: string,
  tok: TextEncoder & { decode(ids: number[]): string },
  cases: GroundedCase[],
  lora: PreparedLora | null,
  maxNewTokens = 80,
): Promise<GroundedScores> {
  const targets = lora ? [...new Set([...lora.weights.keys()].map((m) => m.split(".").at(-1)!))] : [];
  const model = await loadModel(modelDir, { lora: lora ? { maxRank: lora.rank, targetModules: targets } : null, intraOpThreads: 2 });
  const stop = new Set([tok.tokenId("<|im_end|>")!, tok.tokenId("<|endoftext|>")!]);
  const pairs: { candidate: string; reference: string }[] = [];
  let cited = 0;
  const samples: GroundedScores["samples"] = [];
  try {
    for (const c of cases) {
      const cache = model.newCache();
      const out: number[] = [];
      let logits = (await model.forward([{ tokens: promptIds(tok, c.turns), cache, lora }]))[0];
      for (let i = 0; i < maxNewTokens; i++) {
        let best = 0;
        for (let v = 1; v < logits.length; v++) if (logits[v] > logits[best]) best = v;
        if (stop.has(best) || cache.length + 1 >= model.maxSequenceLength) break;
        out.push(best);
        logits = (await model.forward([{ tokens: [best], cache, lora }]))[0];
      }
      cache.release();
      const answer = tok.decode(out);
      pairs.push({ candidate: answer, reference: c.reference });
      if (answer.includes(`[${c.citation}]`)) cited++;
      if (samples.length < 3) samples.push({ question: c.turns[1].content.split("\n")[0], answer, reference: c.reference });
    }
  } finally {
    await model.dispose();
  }
  return { cases: cases.length, rougeL: meanRougeL(pairs).f1, citationAccuracy: cited / Math.max(1, cases.length), samples };
}

export interface RetrievalScores {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
}

/** Each query's own passage among all passages, ranked by cosine similarity. */
export async function retrievalScores(
  embedderDir: string,
  tok: TextEncoder,
  queries: string[],
  passages: string[],
  maxTokens = 128,
): Promise<RetrievalScores> {
  const emb = await loadEmbedder(embedderDir, { intraOpThreads: 2, maxBatch: 16 });
  try {
    const enc = (t: string) => tok.encode(t).slice(0, Math.min(maxTokens, emb.maxSequenceLength));
    const q = await emb.embed(queries.map(enc));
    const p = await emb.embed(passages.map(enc));
    let r1 = 0,
      r5 = 0,
      r10 = 0,
      mrr = 0;
    q.forEach((qv, i) => {
      const own = dot(qv, p[i]);
      let rank = 1;
      for (let j = 0; j < p.length; j++) if (j !== i && dot(qv, p[j]) > own) rank++;
      if (rank <= 1) r1++;
      if (rank <= 5) r5++;
      if (rank <= 10) r10++;
      mrr += 1 / rank;
    });
    const n = queries.length;
    return { queries: n, recallAt1: r1 / n, recallAt5: r5 / n, recallAt10: r10 / n, mrr: mrr / n };
  } finally {
    await emb.dispose();
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
