// Gradient checking: analytic gradients from the appended backward graph against
// central finite differences of the forward graph. Meant for float64 graphs (see
// autodiff-float64.ts), where a relative error of 1e-5 separates right from wrong.
import * as ort from "onnxruntime-node";

import { appendBackward, cloneGraph, probeValues } from "./autodiff";
import type { GraphBuilder } from "./graph";

export interface GradCheckSpec {
  loss: string;
  /** Initializers or inputs to check; initializers are turned into inputs for the check. */
  wrt: string[];
  /** Feeds for the graph's own inputs. */
  feeds: Record<string, ort.Tensor>;
  /** Elements checked per tensor (spread evenly; all when the tensor is smaller). */
  samplesPerTensor?: number;
  step?: number;
}

export interface GradCheckResult {
  /** wrt → max |analytic − numeric| / max(|analytic|∞, |numeric|∞) over the sampled elements. */
  relativeError: Map<string, number>;
  worst: number;
}

/** Moves the named initializers to graph inputs and returns their current values as feeds. */
function liftInitializers(g: GraphBuilder, names: string[]): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of names) {
    const c = g.initializers.get(name);
    if (!c) continue;
    g.initializers.delete(name);
    g.input(name, c.dtype, c.dims);
    feeds[name] = new ort.Tensor(c.dtype, c.data as Float64Array, c.dims);
  }
  return feeds;
}

export async function gradientCheck(forward: GraphBuilder, spec: GradCheckSpec): Promise<GradCheckResult> {
  const g = cloneGraph(forward);
  const feeds = { ...spec.feeds, ...liftInitializers(g, spec.wrt) };
  const lossOut = g.outputs.some((o) => o.name === spec.loss);
  if (!lossOut) g.output(spec.loss, "float64", []);
  const fwdBytes = g.toBytes();
  const facts = await probeValues(g, feeds);
  const { grads } = appendBackward(g, facts, { loss: spec.loss, wrt: spec.wrt });
  const opts: ort.InferenceSession.SessionOptions = { graphOptimizationLevel: "disabled", intraOpNumThreads: 1 };
  const [train, fwd] = await Promise.all([ort.InferenceSession.create(g.toBytes(), opts), ort.InferenceSession.create(fwdBytes, opts)]);
  try {
    const out = await train.run(feeds);
    const lossAt = async (f: Record<string, ort.Tensor>): Promise<number> => Number((await fwd.run(f, [spec.loss]))[spec.loss].data[0]);
    const h = spec.step ?? 1e-6;
    const relativeError = new Map<string, number>();
    for (const w of spec.wrt) {
      const analytic = out[grads.get(w)!].data as Float64Array;
      const base = feeds[w].data as Float64Array;
      const n = base.length;
      const k = Math.min(n, spec.samplesPerTensor ?? 8);
      let maxDiff = 0;
      let maxMag = 0;
      for (let s = 0; s < k; s++) {
        const idx = Math.floor((s * n) / k + (n / k) * 0.37) % n;
        const plus = Float64Array.from(base);
        const minus = Float64Array.from(base);
        plus[idx] += h;
        minus[idx] -= h;
        const dims = feeds[w].dims;
        const lp = await lossAt({ ...feeds, [w]: new ort.Tensor("float64", plus, dims) });
        const lm = await lossAt({ ...feeds, [w]: new ort.Tensor("float64", minus, dims) });
        const numeric = (lp - lm) / (2 * h);
        maxDiff = Math.max(maxDiff, Math.abs(analytic[idx] - numeric));
        maxMag = Math.max(maxMag, Math.abs(analytic[idx]), Math.abs(numeric));
      }
      relativeError.set(w, maxMag === 0 ? 0 : maxDiff / maxMag);
    }
    return { relativeError, worst: Math.max(0, ...relativeError.values()) };
  } finally {
    await Promise.all([train.release(), fwd.release()]);
  }
}
