// MODEL_CARD.md for each default model, in the style of the seed cards: data and
// licences, architecture and size, hyperparameters, training time on this machine,
// held-out evaluation, limitations and the medical disclaimer. Numbers come from the
// metrics files the training stages wrote, so a re-run rewrites the cards truthfully.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { baseModelConfig, EMBEDDER, GROUNDED_LORA, PRETRAIN, SEED, VOCAB_SIZE } from "./defaults";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CardInputs {
  base: Json | null;
  grounded: Json | null;
  embedder: Json | null;
  heldOutQuestions: number;
  trainQuestions: number;
  pubmedAbstracts: number;
  baseHeldOutPerplexity: number | null;
}

export const DISCLAIMER = `# Medical disclaimer

This model produces general, educational text. It is **not** a medical device, does not
give medical advice, and must not be used to diagnose, treat or make decisions about
anyone's health. It can be wrong, outdated or incomplete, and it can state falsehoods
fluently. Always consult a qualified clinician; in an emergency call your local
emergency number (911 in the US). MedChat adds this disclaimer to every answer on the
server side.`;

const DATA = (i: CardInputs) => `# Data

- **MedQuAD** (NIH; Ben Abacha & Demner-Fushman, 2019), CC BY 4.0: ${i.trainQuestions.toLocaleString("en-US")} unique question–answer
  pairs used for training after removing a fixed **5 % held-out set of ${i.heldOutQuestions} questions**
  (\`gpu-function/shared/medquad.ts\` \`isHeldOut\`, FNV-1a of the question id with a fixed salt;
  the ids are listed in \`models/medquad-heldout.json\`). The held-out questions are never trained on.
- **PubMedQA** (Jin et al., 2019), MIT: ${i.pubmedAbstracts.toLocaleString("en-US")} expert-labelled abstracts (contexts only).

The data is read from a local path at training time; no text is stored in this repository.`;

const fmt = (x: unknown, digits = 2) => (typeof x === "number" && Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const minutes = (s: unknown) => (typeof s === "number" ? `${(s / 60).toFixed(1)} min` : "n/a");

function hyper(cfg: Json): string {
  return [
    `- Optimizer: AdamW (β1 ${cfg.adamBeta1 ?? 0.9}, β2 ${cfg.adamBeta2 ?? 0.999}, ε ${cfg.adamEpsilon ?? 1e-8}), weight decay ${cfg.weightDecay ?? 0}`,
    `- Learning rate: ${cfg.learningRate}, ${cfg.lrScheduler} schedule, warmup ${cfg.warmupSteps ? `${cfg.warmupSteps} steps` : `ratio ${cfg.warmupRatio ?? 0}`}${cfg.minLrRatio ? `, floor ${cfg.minLrRatio}× peak` : ""}`,
    `- Batch: ${cfg.batchSize} sequences × ${cfg.gradientAccumulationSteps ?? 1} accumulation steps, max sequence length ${cfg.maxSeqLength}${cfg.packing ? " (packed)" : ""}`,
    `- Steps: ${cfg.maxSteps}, max grad norm ${cfg.maxGradNorm}, seed ${cfg.seed ?? SEED}`,
  ].join("\n");
}

function baseCard(i: CardInputs): string {
  const c = baseModelConfig();
  const m = i.base ?? {};
  return `# MedChat base — a small Llama pretrained on medical Q&A

The default language model MedChat serves when no other checkpoint is configured
(\`MODEL_DIR\`). Trained from scratch on this repository's 2-core CPU with its own
ONNX Runtime trainer (\`npm run models:train\`), so the project runs with no model hub.

${DATA(i)}

Format: each MedQuAD pair is a ChatML conversation (user question, assistant answer,
\`<|endoftext|>\`); each PubMedQA abstract is a plain document. Loss on every token;
documents packed into rows of ${PRETRAIN.maxSeqLength} tokens (${fmt(m.corpusTokens, 0)} tokens in ${fmt(m.documents, 0)} documents).

# Model architecture

- Llama family (\`model_type: llama\`): RMSNorm, rotary positions (θ = 10 000), SwiGLU MLP, tied input/output embeddings
- ${c.num_hidden_layers} layers, hidden size ${c.hidden_size}, ${c.num_attention_heads} heads of ${c.head_dim}, MLP ${c.intermediate_size}, context ${c.max_position_embeddings}
- **${fmt(m.parameters, 0)} parameters**; weights stored as fp16 (\`model.safetensors\`)
- Tokenizer: byte-level BPE, ${VOCAB_SIZE} tokens, trained on the same corpus (\`tokenizer.json\`); ChatML \`chat_template\` with \`<|im_start|>\`, \`<|im_end|>\` (end of turn) and \`<|endoftext|>\`

# Training configuration

Full-parameter training (\`mode: "full"\`) with the project's autodiff over the ONNX graph.

${hyper(PRETRAIN as Json)}
- Hardware: shared 2-core x86 CPU, ONNX Runtime 1.30 CPU EP, fp32 compute
- Steps run: ${fmt(m.steps, 0)} of the ${fmt(m.totalSteps, 0)}-step schedule${m.steps < m.totalSteps ? " (stopped early to fit the time budget; the LR curve is the full schedule's, cut short)" : ""}
- Training time on this machine: **${minutes(m.trainSeconds)}** (${fmt(m.tokensSeen, 0)} tokens, ${fmt(m.tokensPerSecond, 0)} tokens/s average while the machine was shared)
- Final training loss (last batch): ${fmt(m.finalLoss, 3)}

# Evaluation

Held-out perplexity (token-level, answer tokens only, padding excluded) on ${Math.min(200, i.heldOutQuestions)} held-out MedQuAD questions:

| Model | Perplexity |
|------|------------|
| MedChat base | ${fmt(i.baseHeldOutPerplexity)} |

See \`models/adapters/grounded/MODEL_CARD.md\` for the grounded-answer comparison (base vs adapter).

# Limitations

- Tiny model, trained for about an hour on a CPU: fluent-looking text that is often wrong, repetitive or off-topic
- Knows only what MedQuAD and the PubMedQA abstracts say; no general knowledge, English only
- Not suitable for clinical or diagnostic use; for demos, tests and as a placeholder until a real checkpoint is configured

${DISCLAIMER}
`;
}

function groundedCard(i: CardInputs): string {
  const g = i.grounded ?? {};
  const h = g.heldOut ?? {};
  const l = GROUNDED_LORA.lora!;
  const pb = h.perplexityBase ?? {};
  const pa = h.perplexityAdapter ?? {};
  return `# MedChat grounded — LoRA adapter for answering from numbered sources

A PEFT LoRA adapter for \`models/base\` that answers a question from the numbered
sources MedChat's retrieval supplies and cites them as [n]. Load it by name
(\`model: "grounded"\`) or with PEFT (\`PeftModel.from_pretrained\`).

${DATA(i)}

Examples (${fmt(g.trainExamples, 0)}): for each training question, its MedQuAD answer is hidden among 1–2 distractor
answers from other topics as \`<source id="n" title="…">\` blocks, in the prompt layout of \`lib/chat/prompt.ts\`
(compact policy as the system message); the target is the first sentences of the right source followed by \`[n]\`.
Completion-only loss: only the assistant answer and its end-of-turn token are trained.

# Adapter configuration

- Base: \`models/base\`; target modules ${l.targetModules!.join(", ")}
- r ${l.r}, lora_alpha ${l.loraAlpha}, lora_dropout ${l.loraDropout}, use_rslora ${l.useRslora}
- Trainable parameters: ${fmt(g.metrics?.trainableParameters, 0)}

# Training configuration

${hyper(GROUNDED_LORA as Json)}
- Training time on this machine: **${minutes(g.metrics?.trainSeconds)}** (${fmt(g.metrics?.tokensPerSecond, 0)} tokens/s)
- Final training loss: ${fmt(g.metrics?.finalLoss, 3)}

# Evaluation

Held-out MedQuAD questions (never trained on), grounded prompts built the same way:

| Model | Loss | Perplexity |
|------|------|------------|
| MedChat base | ${fmt(pb.loss, 4)} | ${fmt(pb.perplexity)} |
| MedChat base + grounded LoRA | ${fmt(pa.loss, 4)} | ${fmt(pa.perplexity)} |

Greedy answers on ${fmt(h.generationAdapter?.cases, 0)} held-out questions (served through the inference runtime):

| Model | ROUGE-L F1 | Cites the right source |
|------|------|------|
| MedChat base | ${fmt(h.generationBase?.rougeL, 3)} | ${fmt((h.generationBase?.citationAccuracy ?? NaN) * 100, 0)} % |
| MedChat base + grounded LoRA | ${fmt(h.generationAdapter?.rougeL, 3)} | ${fmt((h.generationAdapter?.citationAccuracy ?? NaN) * 100, 0)} % |

# Limitations

- Learns to copy and cite the relevant source; it does not reason beyond it and may copy from a wrong source
- Trained on MedQuAD-style passages and short source excerpts (≤ 500 characters, ≤ 3 sources)
- Not suitable for clinical or diagnostic use

${DISCLAIMER}
`;
}

function embedderCard(i: CardInputs): string {
  const e = i.embedder ?? {};
  const t = e.heldOut?.trained ?? {};
  const b = e.heldOut?.basePooled ?? {};
  return `# MedChat embedder — sentence embeddings for retrieval

Mean-pooled, L2-normalised final hidden states of a small Llama (output \`hidden\`,
dimension ${baseModelConfig().hidden_size} = \`EMBEDDING_DIM\` in \`lib/db/schema.ts\`), used for the vector half of
MedChat's hybrid (vector + full-text) retrieval. Loaded with \`loadEmbedder\`.

${DATA(i)}

Pairs: ${fmt(e.pairs, 0)} MedQuAD (question, answer) pairs from the training split (text truncated to ${EMBEDDER.maxSeqLength} tokens).

# Model architecture

Same architecture and tokenizer as \`models/base\` (its card lists them), initialised from
${String(e.initFrom ?? "models/base").startsWith("base pretraining") ? `the ${e.initFrom} (so it could train alongside the base on the shared CPU)` : "the pretrained `models/base`"} and fine-tuned end to end; weights stored as fp16.

# Training configuration

Contrastive InfoNCE with in-batch negatives, symmetric (query→answer and answer→query), temperature ${EMBEDDER.temperature}.

${hyper(EMBEDDER as Json)}
- Training time on this machine: **${minutes(e.metrics?.trainSeconds)}**; final loss ${fmt(e.metrics?.finalLoss, 3)}

# Evaluation

Each of the ${fmt(t.queries, 0)} held-out questions ranks all held-out answers by cosine similarity:

| Model | Recall@1 | Recall@5 | Recall@10 | MRR |
|------|------|------|------|------|
| Base LM, mean-pooled (no contrastive training) | ${fmt(b.recallAt1, 3)} | ${fmt(b.recallAt5, 3)} | ${fmt(b.recallAt10, 3)} | ${fmt(b.mrr, 3)} |
| MedChat embedder | ${fmt(t.recallAt1, 3)} | ${fmt(t.recallAt5, 3)} | ${fmt(t.recallAt10, 3)} | ${fmt(t.mrr, 3)} |

# Limitations

- Small and trained briefly: use it together with full-text search (as MedChat does), not alone
- English medical consumer-health text only; long passages are truncated by the caller
- Not suitable for clinical decision support

${DISCLAIMER}
`;
}

function splitDoc(i: CardInputs): string {
  return `# Held-out split

All default models exclude a fixed 5 % of MedQuAD questions from training: \`isHeldOut(questionId)\` in
\`gpu-function/shared/medquad.ts\` (FNV-1a over \`medchat-medquad-heldout-v1:<questionId>\`, bucket < 500 of 10 000).
${i.heldOutQuestions} questions are held out; their ids are in \`medquad-heldout.json\`. The same split is used by the
retrieval evaluation, so evaluation questions are never seen in training. PubMedQA is used for pretraining only
(contexts), not for evaluation here.
`;
}

export async function writeModelCards(out: string, i: CardInputs): Promise<void> {
  for (const d of ["base", "adapters/grounded", "embedder"]) await mkdir(path.join(out, d), { recursive: true });
  await writeFile(path.join(out, "base", "MODEL_CARD.md"), baseCard(i));
  await writeFile(path.join(out, "adapters", "grounded", "MODEL_CARD.md"), groundedCard(i));
  await writeFile(path.join(out, "embedder", "MODEL_CARD.md"), embedderCard(i));
  await writeFile(path.join(out, "SPLIT.md"), splitDoc(i));
}
