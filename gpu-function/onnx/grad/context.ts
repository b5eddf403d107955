// Shared helpers for the per-op gradient rules. A rule receives the forward node, the
// gradients of its outputs (null where no gradient flows) and which inputs need one; it
// appends backward nodes to the same GraphBuilder and returns one gradient per input.
import type { Constant, DType, GraphBuilder, GraphNode } from "../graph";

/** Shapes and dtypes of every value, measured by running the forward graph once (see probe). */
export interface ValueFacts {
  shape: number[];
  dtype: DType;
}

export class GradContext {
  constructor(
    readonly g: GraphBuilder,
    private readonly facts: Map<string, ValueFacts>,
    private readonly constants: Map<string, Constant>,
  ) {}

  fact(name: string): ValueFacts {
    const f = this.facts.get(name);
    if (!f) throw new AutodiffError(`no shape known for value "${name}" (was the probe run on this graph?)`);
    return f;
  }

  rank(name: string): number {
    return this.fact(name).shape.length;
  }

  dtype(name: string): DType {
    return this.fact(name).dtype;
  }

  /** The literal value of a constant int64 input (initializer or Constant node), or null. */
  constInts(name: string): number[] | null {
    const c = this.constants.get(name);
    if (!c) return null;
    if (c.data instanceof BigInt64Array) return Array.from(c.data, Number);
    if (c.data instanceof Int32Array) return Array.from(c.data);
    return null;
  }

  op(type: string, inputs: string[], attrs: GraphNode["attrs"] = {}): string {
    return this.g.op(type, inputs, attrs);
  }

  scalar(value: number, dtype: DType): string {
    if (dtype === "float64") return this.g.constant("c_f64", { dtype, dims: [], data: Float64Array.of(value) });
    if (dtype === "float32") return this.g.constant("c_f32", { dtype, dims: [], data: Float32Array.of(value) });
    throw new AutodiffError(`gradients only flow through float32/float64 values, got ${dtype}`);
  }

  ints(values: number[]): string {
    return this.g.i64(values);
  }

  shapeOf(name: string): string {
    return this.op("Shape", [name]);
  }

  zerosLike(name: string): string {
    const dtype = this.dtype(name);
    const zero: Constant =
      dtype === "float64" ? { dtype, dims: [1], data: Float64Array.of(0) } : { dtype: "float32", dims: [1], data: Float32Array.of(0) };
    return this.op("ConstantOfShape", [this.shapeOf(name)], { value: { tensor: zero } });
  }

  /** Transpose swapping the last two axes of a value of the given rank. */
  swapLast2(name: string, rank: number): string {
    const perm = Array.from({ length: rank }, (_, i) => i);
    [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
    return this.op("Transpose", [name], { perm });
  }

  /**
   * Sums a gradient over the axes the forward op broadcast `target` along, so the
   * result has target's shape. Axes come from the probe shapes: a target axis of size 1
   * facing a larger gradient axis, plus the leading axes target lacks.
   */
  reduceTo(grad: string, gradShape: number[], target: string): string {
    const tShape = this.fact(target).shape;
    const lead = gradShape.length - tShape.length;
    const axes: number[] = [];
    for (let i = 0; i < gradShape.length; i++) {
      if (i < lead) axes.push(i);
      else if (tShape[i - lead] === 1 && gradShape[i] !== 1) axes.push(i);
    }
    if (axes.length === 0 && lead === 0) return grad;
    let out = grad;
    if (axes.length > 0) out = this.op("ReduceSum", [grad, this.ints(axes)], { keepdims: 1 });
    return this.op("Reshape", [out, this.shapeOf(target)]);
  }
}

export class AutodiffError extends Error {
  constructor(message: string) {
    super(`autodiff: ${message}`);
    this.name = "AutodiffError";
  }
}

/** Gradient of each output (null: none flows); `needs[i]` says whether input i wants one. */
export type GradRule = (node: GraphNode, dys: (string | null)[], needs: boolean[], ctx: GradContext) => (string | null)[];

/** An integer attribute with a default. */
export function intAttr(node: GraphNode, name: string, fallback: number): number {
  const v = node.attrs[name];
  return typeof v === "number" ? v : fallback;
}

export function intsAttr(node: GraphNode, name: string): number[] | null {
  const v = node.attrs[name];
  return Array.isArray(v) && (v.length === 0 || typeof v[0] === "number") ? (v as number[]) : null;
}

export function floatAttr(node: GraphNode, name: string, fallback: number): number {
  const v = node.attrs[name];
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "float" in v) return v.float;
  return fallback;
}

export function normAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}
