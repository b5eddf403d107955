// Reverse-mode automatic differentiation over a GraphBuilder graph. The backward pass
// is appended to the same graph as ordinary ONNX ops, so one onnxruntime session run
// returns the loss and the gradients. Shapes are measured by a probe run of the forward
// graph (ranks, broadcast axes); everything shape-dependent that can vary with batch or
// sequence length is computed in the graph (Shape → Reshape/Expand), so a graph probed
// at one size runs at any size with the same broadcast pattern.
import * as ort from "onnxruntime-node";

import { GraphBuilder, type Constant, type DType, type GraphNode } from "./graph";
import { AutodiffError, GradContext, type GradRule, type ValueFacts } from "./grad/context";
import { ELEMENTWISE_RULES } from "./grad/elementwise";
import { LINEAR_RULES } from "./grad/linear";
import { NN_RULES } from "./grad/nn";
import { SHAPE_RULES } from "./grad/shape-ops";

export { AutodiffError, type ValueFacts } from "./grad/context";

const RULES: Record<string, GradRule> = { ...ELEMENTWISE_RULES, ...LINEAR_RULES, ...SHAPE_RULES, ...NN_RULES };

/** Every ai.onnx op the autodiff can differentiate through. */
export const DIFFERENTIABLE_OPS: readonly string[] = Object.keys(RULES).sort();

export interface BackwardSpec {
  /** Name of the scalar (or one-element) loss value. */
  loss: string;
  /** Graph inputs or initializers to differentiate with respect to. */
  wrt: string[];
}

export interface BackwardResult {
  /** wrt name → graph output holding its gradient (same shape and dtype). */
  grads: Map<string, string>;
}

const ORT_DTYPES: Record<string, DType> = {
  float32: "float32",
  float64: "float64",
  float16: "float16",
  int64: "int64",
  int32: "int32",
  bool: "bool",
  uint8: "uint8",
  int8: "int8",
};

/** Runs the forward graph once with every node output exposed, recording shapes and dtypes. */
export async function probeValues(g: GraphBuilder, feeds: Record<string, ort.Tensor>): Promise<Map<string, ValueFacts>> {
  const facts = new Map<string, ValueFacts>();
  for (const v of g.inputs) {
    const t = feeds[v.name];
    if (!t) throw new AutodiffError(`probe feeds lack graph input "${v.name}"`);
    facts.set(v.name, { shape: [...t.dims], dtype: v.dtype });
  }
  for (const [name, c] of g.initializers) facts.set(name, { shape: c.dims, dtype: c.dtype });
  const probe = new GraphBuilder(g.name);
  probe.nodes.push(...g.nodes);
  probe.inputs.push(...g.inputs);
  for (const [k, v] of g.initializers) probe.initializers.set(k, v);
  const exposed = new Set<string>();
  for (const n of g.nodes) for (const o of n.outputs) if (o && !facts.has(o)) exposed.add(o);
  // Output types are declared loosely (float); onnxruntime only checks names for outputs
  // it computes, so the probe declares them without a shape.
  const session = await ort.InferenceSession.create(probeBytes(probe, [...exposed]), { graphOptimizationLevel: "disabled" });
  try {
    const out = await session.run(feeds, [...exposed]);
    for (const name of exposed) {
      const t = out[name];
      const dtype = ORT_DTYPES[t.type];
      if (!dtype) throw new AutodiffError(`value "${name}" has unsupported type ${t.type}`);
      facts.set(name, { shape: [...t.dims], dtype });
      t.dispose?.();
    }
  } finally {
    await session.release();
  }
  return facts;
}

function probeBytes(probe: GraphBuilder, names: string[]): Uint8Array {
  const proto = probe.toProto();
  // Output value infos without a type are accepted by onnxruntime (it infers them).
  proto.graph!.output = names.map((name) => ({ name }));
  return (proto.constructor as unknown as { encode(m: unknown): { finish(): Uint8Array } }).encode(proto).finish();
}

/** Constant values known at build time: initializers and Constant nodes. */
function knownConstants(g: GraphBuilder): Map<string, Constant> {
  const out = new Map(g.initializers);
  for (const n of g.nodes) {
    const v = n.attrs.value;
    if (n.op === "Constant" && v && typeof v === "object" && "tensor" in v) out.set(n.outputs[0], v.tensor);
  }
  return out;
}

const isFloat = (d: DType): boolean => d === "float32" || d === "float64";

/**
 * Appends the backward pass of `spec.loss` with respect to `spec.wrt` to `g` and adds
 * one graph output per wrt value. `facts` come from `probeValues` on the forward graph.
 */
export function appendBackward(g: GraphBuilder, facts: Map<string, ValueFacts>, spec: BackwardSpec): BackwardResult {
  const forward = [...g.nodes];
  const ctx = new GradContext(g, facts, knownConstants(g));
  const lossFact = ctx.fact(spec.loss);
  if (!isFloat(lossFact.dtype)) throw new AutodiffError(`loss "${spec.loss}" is ${lossFact.dtype}, not a float`);
  if (lossFact.shape.reduce((a, b) => a * b, 1) !== 1)
    throw new AutodiffError(`loss "${spec.loss}" has shape [${lossFact.shape}], not a scalar`);

  // Values that depend on a wrt value through float paths.
  const active = new Set<string>();
  for (const w of spec.wrt) {
    const f = ctx.fact(w);
    if (!isFloat(f.dtype)) throw new AutodiffError(`cannot differentiate with respect to ${f.dtype} value "${w}"`);
    active.add(w);
  }
  for (const n of forward) {
    if (n.inputs.some((i) => active.has(i))) for (const o of n.outputs) if (o && facts.has(o) && isFloat(ctx.dtype(o))) active.add(o);
  }
  if (!active.has(spec.loss)) throw new AutodiffError(`loss "${spec.loss}" does not depend on any of the wrt values`);

  const contributions = new Map<string, string[]>();
  const addGrad = (name: string, grad: string): void => {
    const list = contributions.get(name);
    if (list) list.push(grad);
    else contributions.set(name, [grad]);
  };
  const total = (name: string): string | null => {
    const list = contributions.get(name);
    if (!list || list.length === 0) return null;
    if (list.length === 1) return list[0];
    const summed = ctx.op("Sum", list);
    contributions.set(name, [summed]);
    return summed;
  };
  addGrad(spec.loss, ctx.op("ConstantOfShape", [ctx.shapeOf(spec.loss)], { value: { tensor: oneOf(lossFact.dtype) } }));

  for (let i = forward.length - 1; i >= 0; i--) {
    const node = forward[i];
    const needs = node.inputs.map((x) => x !== "" && active.has(x));
    if (!needs.some(Boolean)) continue;
    const dys = node.outputs.map((o) => (o ? total(o) : null));
    if (dys.every((d) => d === null)) continue;
    const rule = node.domain === "" || node.domain === "ai.onnx" ? RULES[node.op] : undefined;
    if (!rule)
      throw new AutodiffError(
        `no gradient rule for ${node.domain ? node.domain + "." : ""}${node.op} (node "${node.name}"); supported: ${DIFFERENTIABLE_OPS.join(", ")}`,
      );
    const grads = rule(node, dys, needs, ctx);
    grads.forEach((gr, k) => {
      if (gr && needs[k]) addGrad(node.inputs[k], gr);
    });
  }

  const grads = new Map<string, string>();
  for (const w of spec.wrt) {
    const name = `${w}__grad`;
    g.node("Identity", [total(w) ?? ctx.zerosLike(w)], { outputs: [name] });
    const f = ctx.fact(w);
    g.output(name, f.dtype, f.shape);
    grads.set(w, name);
  }
  return { grads };
}

function oneOf(dtype: DType): Constant {
  return dtype === "float64" ? { dtype, dims: [1], data: Float64Array.of(1) } : { dtype: "float32", dims: [1], data: Float32Array.of(1) };
}

/** Probe + append in one call: the common path for the trainer. */
export async function buildBackward(g: GraphBuilder, spec: BackwardSpec, probeFeeds: Record<string, ort.Tensor>): Promise<BackwardResult> {
  const facts = await probeValues(g, probeFeeds);
  return appendBackward(g, facts, spec);
}

/** A copy of a graph whose fresh names cannot collide with the original's. */
export function cloneGraph(g: GraphBuilder): GraphBuilder {
  const c = new GraphBuilder(g.name);
  c.nodes.push(...g.nodes.map((n) => ({ ...n, inputs: [...n.inputs], outputs: [...n.outputs], attrs: { ...n.attrs } })));
  c.inputs.push(...g.inputs);
  c.outputs.push(...g.outputs);
  for (const [k, v] of g.initializers) c.initializers.set(k, v);
  let max = -1;
  const scan = (name: string): void => {
    const m = /__(\d+)$/.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  };
  for (const n of g.nodes) [n.name, ...n.outputs].forEach(scan);
  for (const k of g.initializers.keys()) scan(k);
  for (let i = 0; i <= max; i++) c.fresh("");
  return c;
}

export type { GraphNode };
