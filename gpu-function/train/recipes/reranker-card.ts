// MODEL_CARD.md of the default reranker (models/reranker), from the metrics its stage measured.
import { DISCLAIMER } from "./model-cards";

interface Ranking {
  mrrAt10: number;
  hitAt1: number;
  hitAt10: number;
}
interface EvalBlock {
  questions: number;
  candidates: number;
  bm25: Ranking;
  reranked: Ranking;
  goldInCandidates: number;
  secondsPerQuery: number;
}
export interface RerankerMetrics {
  config: {
    learningRate: number;
    batchSize: number;
    rerankGroupSize: number;
    maxSteps: number;
    maxSeqLength: number;
    seed: number;
    weightDecay: number;
    warmupRatio: number;
  };
  groups: number;
  metrics: { trainSeconds: number; finalLoss: number; losses: { step: number; loss: number }[]; trainableParameters: number };
  heldOut: { medquad: EvalBlock; consumer: EvalBlock };
}

const f3 = (x: number) => x.toFixed(3);
const row = (name: string, r: Ranking) => `| ${name} | ${f3(r.mrrAt10)} | ${f3(r.hitAt1)} | ${f3(r.hitAt10)} |`;
const firstLoss = (m: RerankerMetrics) => {
  const l = m.metrics.losses.slice(0, 10).map((x) => x.loss);
  return l.reduce((a, b) => a + b, 0) / Math.max(1, l.length);
};
const lastLoss = (m: RerankerMetrics) => {
  const l = m.metrics.losses.slice(-10).map((x) => x.loss);
  return l.reduce((a, b) => a + b, 0) / Math.max(1, l.length);
};

export function writeRerankerCard(m: RerankerMetrics, i: { trainQuestions: number; heldOutQuestions: number }): string {
  const c = m.config;
  const block = (
    title: string,
    e: EvalBlock,
  ) => `**${title}** (${e.questions} held-out questions; the relevant answer is among BM25's top ${e.candidates} for ${(100 * e.goldInCandidates).toFixed(0)} %):

| order of the ${e.candidates} candidates | MRR@10 | hit@1 | hit@10 |
|---|---|---|---|
${row("BM25", e.bm25)}
${row("MedChat reranker", e.reranked)}
`;
  return `# MedChat reranker — cross-encoder for POST /v1/rerank

A small cross-encoder in \`BertForSequenceClassification\` layout (the layout of
ms-marco-MiniLM cross-encoders): \`[CLS] query [SEP] document [SEP]\` with token types 0/1 →
2 post-LN BERT layers → pooler (tanh over [CLS]) → one relevance logit (served as its
sigmoid). It reorders the candidates MedChat's hybrid retrieval found. Loaded by default by
\`npm start\` from \`models/reranker\` (\`RERANKER_MODEL_DIR\` overrides, \`off\` disables).

# Data

- **MedQuAD** (NIH; Ben Abacha & Demner-Fushman, 2019), CC BY 4.0: training questions from the
  ${i.trainQuestions.toLocaleString("en-US")} pairs of the training split; the fixed 5 % held-out set
  (${i.heldOutQuestions} questions, \`models/medquad-heldout.json\`) is never trained on.
- ${m.groups.toLocaleString("en-US")} training groups: a query, its MedQuAD answer (first 1,200 characters) and 3 hard
  negatives: an answer about the same topic to another question type (e.g. "causes" when
  "treatment" was asked) and BM25 neighbours of the question from other topics.
- Half of the queries are **consumer-style variants** generated from the MedQuAD question
  (\`gpu-function/train/recipes/consumer-queries.ts\`: first person, a short story, a relative's
  case, lay words such as "high blood pressure" for hypertension, two questions at once,
  filler, lower case and typos). No public consumer-health test collection and none of the
  team's hand-written evaluation questions were read or used.

The data is read from a local path at training time; no text is stored in this repository.

# Model architecture

BERT, 2 layers, hidden 256, 4 heads, GELU intermediate 1024, absolute positions (512), token
types 2, one label; the project's byte-level BPE (6,144 tokens; \`<|im_start|>\` / \`<|im_end|>\`
serve as [CLS] / [SEP]). Word embeddings initialised from the pretrained \`models/base\`, the
rest at random (N(0, 0.02)). ${m.metrics.trainableParameters.toLocaleString("en-US")} parameters, stored as fp16.

# Training configuration

Listwise softmax cross-entropy over each group (the positive against its ${c.rerankGroupSize - 1} negatives),
the project's own trainer (\`gpu-function/train\`, ONNX Runtime + its autodiff), full parameters.

- Optimizer: AdamW, learning rate ${c.learningRate}, cosine schedule, warmup ratio ${c.warmupRatio}, weight decay ${c.weightDecay}
- Batch: ${c.batchSize} groups × ${c.rerankGroupSize} pairs, pairs truncated to ${c.maxSeqLength} tokens (longest first)
- Steps: ${m.metrics.losses.length}, seed ${c.seed}; training time on this machine (2 shared CPU cores): **${(m.metrics.trainSeconds / 60).toFixed(1)} min**
- Loss (mean of 10 steps): ${firstLoss(m).toFixed(3)} at the start (ln ${c.rerankGroupSize} = ${Math.log(c.rerankGroupSize).toFixed(3)} is chance) → ${lastLoss(m).toFixed(3)} at the end

Reproduce: \`npm run models:train -- --medquad <dir> --pubmedqa <file> --stages reranker\`
(needs \`models/base\`; resumes from checkpoints in \`--work\`).

# Evaluation

Each held-out question retrieves BM25's top ${m.heldOut.medquad.candidates} answers among all MedQuAD answers (training
and held-out); the reranker reorders them.

${block("MedQuAD questions as written", m.heldOut.medquad)}
${block("Consumer-style variants of the same questions (another seed than training)", m.heldOut.consumer)}
Reranking cost here: ${(1000 * m.heldOut.medquad.secondsPerQuery).toFixed(0)} ms per query for ${m.heldOut.medquad.candidates} candidates on the shared CPU.

# Limitations

- Small and trained for minutes: it knows MedQuAD's style and topics; it is a second stage over
  retrieval, not a search engine. Measure it on your own questions (\`npm run eval:retrieval\`).
- English consumer-health text only; long documents are truncated to the model's length.
- Not suitable for clinical decision support.

${DISCLAIMER}
`;
}
