// Training graphs: a family's plain graph + a loss head (+ LoRA dropout masks), with
// the backward pass appended by the autodiff. One onnxruntime run returns the loss
// and the gradient of every trainable tensor.
import * as ort from "onnxruntime-node";

import { appendBackward, probeValues } from "../onnx/autodiff";
import type { GraphBuilder } from "../onnx/graph";
import type { Family, Tensors } from "../models/family";
import type { HfConfig, LoraTarget, ModelDims } from "../models/types";
import { selectLoraTargets } from "../models/family";
import { loraScaling, type TrainConfig } from "./config";

export interface BaseModel {
  family: Family;
  dims: ModelDims;
  config: HfConfig;
  tensors: Tensors;
}

export interface TrainableTensor {
  name: string;
  shape: number[];
}

export interface DropoutInput {
  name: string;
  inFeatures: number;
}

export interface BuiltGraph {
  bytes: Uint8Array;
  loss: string;
  /** Every graph input (the trainer feeds attention_mask / token_type_ids only when an encoder declares them). */
  inputNames: string[];
  /** Trainable tensor → gradient output (absent for forward-only graphs). */
  grads: Map<string, string>;
  trainable: TrainableTensor[];
  dropout: DropoutInput[];
  loraTargets: LoraTarget[];
  graph?: GraphBuilder;
}

const LORA_PREFIX = "base_model.model.";

export const loraNames = (module: string) => ({ a: `${LORA_PREFIX}${module}.lora_A.weight`, b: `${LORA_PREFIX}${module}.lora_B.weight` });

function plainGraph(
  base: BaseModel,
  cfg: TrainConfig,
  output: "logits" | "hidden",
  floatType: "float32" | "float64",
  evalOnly = false,
): { g: GraphBuilder; targets: LoraTarget[] } {
  if (evalOnly)
    return {
      g: base.family.buildPlainGraph(base.dims, base.config, base.tensors, { trainable: "none", lora: null, output, floatType }),
      targets: [],
    };
  const lora = cfg.mode === "lora";
  const targets = lora ? selectLoraTargets(base.family.loraTargets(base.dims), cfg.lora.targetModules) : [];
  const g = base.family.buildPlainGraph(base.dims, base.config, base.tensors, {
    trainable: lora ? "none" : "all",
    lora: lora ? { targets: targets.map((t) => t.module), rank: cfg.lora.r, scale: loraScaling(cfg.lora) } : null,
    output,
    floatType,
  });
  return { g, targets };
}

/**
 * PEFT applies dropout to the LoRA branch input only: y = Wx + s·B(A(dropout(x))). The
 * family graph computes x·Aᵀ; we multiply x by a fed mask there (generated from the
 * trainer's seeded RNG, so runs are reproducible).
 */
function insertLoraDropout(g: GraphBuilder, targets: LoraTarget[]): DropoutInput[] {
  const producer = new Map<string, { op: string; inputs: string[] }>();
  for (const n of g.nodes) for (const o of n.outputs) producer.set(o, n);
  const out: DropoutInput[] = [];
  for (const t of targets) {
    const a = loraNames(t.module).a;
    const idx = g.nodes.findIndex((n) => {
      if (n.op !== "MatMul") return false;
      const p = producer.get(n.inputs[1]);
      return n.inputs[1] === a || (p?.op === "Transpose" && p.inputs[0] === a);
    });
    if (idx < 0) throw new Error(`LoRA A input of ${t.module} not found in the training graph`);
    const name = `lora_dropout.${t.module}`;
    g.input(name, g.inputs.find((i) => i.name === a)?.dtype ?? "float32", ["batch", "sequence", t.inFeatures]);
    const mm = g.nodes[idx];
    const masked = g.fresh("lora_dropped");
    // Inserted just before the MatMul so the node list stays topologically sorted.
    g.nodes.splice(idx, 0, { op: "Mul", inputs: [mm.inputs[0], name], outputs: [masked], attrs: {}, domain: "", name: g.fresh("Mul") });
    mm.inputs[0] = masked;
    out.push({ name, inFeatures: t.inFeatures });
  }
  return out;
}

/** Token-weighted NLL: loss = −Σ w[b,t]·log p(labels[b,t]); weights are fed (mask / tokens in the step). */
function appendLmLoss(g: GraphBuilder, ft: "float32" | "float64"): string {
  g.input("labels", "int64", ["batch", "sequence"]);
  g.input("label_weights", ft, ["batch", "sequence"]);
  const logp = g.op("LogSoftmax", ["logits"], { axis: -1 });
  const picked = g.op("GatherElements", [logp, g.op("Unsqueeze", ["labels", g.i64([-1])])], { axis: -1 });
  const weighted = g.op("Mul", [picked, g.op("Unsqueeze", ["label_weights", g.i64([-1])])]);
  const loss = g.op("Neg", [g.op("ReduceSum", [weighted], { keepdims: 0 })]);
  g.node("Identity", [loss], { outputs: ["loss"] });
  g.output("loss", ft, []);
  return "loss";
}

/**
 * InfoNCE with in-batch negatives, both directions: rows are [queries; positives],
 * mean-pooled with fed weights, L2-normalised; sim = q·dᵀ / temperature; the i-th
 * positive is the target of the i-th query (and vice versa).
 */
function appendContrastiveLoss(g: GraphBuilder, ft: "float32" | "float64", hidden: number, temperature: number): string {
  g.input("pool_weights", ft, ["rows", "sequence"]);
  g.input("pair_targets", "int64", ["pairs", 1]);
  const scalar = (v: number) =>
    g.constant(
      "c",
      ft === "float64" ? { dtype: ft, dims: [], data: Float64Array.of(v) } : { dtype: ft, dims: [], data: Float32Array.of(v) },
    );
  const pooled = g.op("ReduceSum", [g.op("Mul", ["hidden", g.op("Unsqueeze", ["pool_weights", g.i64([-1])])]), g.i64([1])], {
    keepdims: 0,
  });
  const norm = g.op("Sqrt", [
    g.op("Add", [g.op("ReduceSum", [g.op("Mul", [pooled, pooled]), g.i64([-1])], { keepdims: 1 }), scalar(1e-12)]),
  ]);
  const unit = g.op("Reshape", [g.op("Div", [pooled, norm]), g.i64([2, -1, hidden])]);
  const q = g.op("Gather", [unit, g.i64([0])], { axis: 0 });
  const d = g.op("Gather", [unit, g.i64([1])], { axis: 0 });
  const q2 = g.op("Reshape", [q, g.i64([-1, hidden])]);
  const d2 = g.op("Reshape", [d, g.i64([-1, hidden])]);
  const sim = g.op("Mul", [g.op("MatMul", [q2, g.op("Transpose", [d2], { perm: [1, 0] })]), scalar(1 / temperature)]);
  const direction = (s: string) =>
    g.op("ReduceMean", [g.op("GatherElements", [g.op("LogSoftmax", [s], { axis: 1 }), "pair_targets"], { axis: 1 })], { keepdims: 0 });
  const total = g.op("Add", [direction(sim), direction(g.op("Transpose", [sim], { perm: [1, 0] }))]);
  g.node("Mul", [total, scalar(-0.5)], { outputs: ["loss"] });
  g.output("loss", ft, []);
  return "loss";
}

/**
 * Listwise cross-encoder loss: the classifier's logits [G·K, 1] are reshaped to [G, K] (the
 * positive first in each group of K) and −log softmax(positive) is averaged over groups.
 */
function appendRerankLoss(g: GraphBuilder, ft: "float32" | "float64", groupSize: number): string {
  const scores = g.op("Reshape", ["logits", g.i64([-1, groupSize])]);
  const logp = g.op("LogSoftmax", [scores], { axis: 1 });
  const positive = g.op("Gather", [logp, g.i64([0])], { axis: 1 });
  g.node("Neg", [g.op("ReduceMean", [positive], { keepdims: 0 })], { outputs: ["loss"] });
  g.output("loss", ft, []);
  return "loss";
}

/** Parameters the optimizer owns: LoRA A/B (initialised here) or every model weight. */
export function trainableTensors(g: GraphBuilder, cfg: TrainConfig): TrainableTensor[] {
  return g.inputs
    .filter(
      (i) =>
        (i.dtype === "float32" || i.dtype === "float64") &&
        (cfg.mode === "full"
          ? !i.name.startsWith("lora_dropout.") && !["label_weights", "pool_weights"].includes(i.name)
          : i.name.startsWith(LORA_PREFIX)),
    )
    .map((i) => ({ name: i.name, shape: i.shape.map(Number) }));
}

export interface GraphRequest {
  base: BaseModel;
  cfg: TrainConfig;
  /** false: forward + loss only (evaluation). */
  withGradients: boolean;
  floatType?: "float32" | "float64";
  /** LoRA dropout masks (training only). */
  dropout?: boolean;
  /** Forward-only graph with every weight an initializer (no LoRA, nothing trainable). */
  evalOnly?: boolean;
  /** Return the GraphBuilder too (gradient checks). */
  keepGraph?: boolean;
}

/** Builds a training (or evaluation) graph and probes it with a tiny batch. */
export async function buildTrainGraph(req: GraphRequest): Promise<BuiltGraph> {
  const { base, cfg } = req;
  const ft = req.floatType ?? "float32";
  const contrastive = cfg.objective === "contrastive";
  const { g, targets } = plainGraph(base, cfg, contrastive ? "hidden" : "logits", ft, req.evalOnly);
  const inputNames = g.inputs.map((i) => i.name);
  const dropout = req.dropout && cfg.mode === "lora" && cfg.lora.loraDropout > 0 ? insertLoraDropout(g, targets) : [];
  const loss = contrastive
    ? appendContrastiveLoss(g, ft, base.dims.hiddenSize, cfg.temperature)
    : cfg.objective === "rerank"
      ? appendRerankLoss(g, ft, cfg.rerankGroupSize)
      : appendLmLoss(g, ft);
  const trainable = trainableTensors(g, cfg);
  const grads = new Map<string, string>();
  if (req.withGradients) {
    const facts = await probeValues(g, probeFeeds(g, contrastive ? 4 : cfg.objective === "rerank" ? 2 * cfg.rerankGroupSize : 2, ft));
    for (const [k, v] of appendBackward(g, facts, { loss, wrt: trainable.map((t) => t.name) }).grads) grads.set(k, v);
  }
  return { bytes: g.toBytes(), inputNames, loss, grads, trainable, dropout, loraTargets: targets, ...(req.keepGraph ? { graph: g } : {}) };
}

/** Small feeds covering every graph input: `rows` × 5 tokens (contrastive: 2 pairs; rerank: 2 groups), zeros and ones. */
function probeFeeds(g: GraphBuilder, rows: number, ft: "float32" | "float64"): Record<string, ort.Tensor> {
  const seq = 5;
  const feeds: Record<string, ort.Tensor> = {};
  for (const inp of g.inputs) {
    const dims = inp.shape.map((d) =>
      d === "batch" || d === "rows" ? rows : d === "pairs" ? rows / 2 : d === "sequence" ? seq : Number(d),
    );
    const n = dims.reduce((a, b) => a * b, 1);
    if (inp.dtype === "int64") {
      const data = new BigInt64Array(n);
      if (inp.name === "pair_targets") data.forEach((_, i) => (data[i] = BigInt(i)));
      if (inp.name === "attention_mask") data.fill(1n);
      feeds[inp.name] = new ort.Tensor("int64", data, dims);
    } else {
      const data = ft === "float64" ? new Float64Array(n).fill(0.5) : new Float32Array(n).fill(0.5);
      feeds[inp.name] = new ort.Tensor(ft, data, dims);
    }
  }
  return feeds;
}
