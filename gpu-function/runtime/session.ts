// onnxruntime sessions for the runtime's graphs: device and precision choice, session
// options, and creating a session from an in-memory graph (through external data when large,
// freeing the graph's copy of the weights).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import * as ort from "onnxruntime-node";

import type { GraphBuilder } from "../onnx/graph";
import type { LoadOptions } from "./types";

export type Device = "cpu" | "cuda";

export function resolveDevice(opts: LoadOptions): Device {
  const d = opts.device ?? (process.env.GPU_FUNCTION_DEVICE === "cuda" ? "cuda" : "cpu");
  if (d !== "cpu" && d !== "cuda") throw new Error(`unknown device "${String(d)}" (expected cpu or cuda)`);
  return d;
}

export function floatTypeFor(device: Device, opts: LoadOptions): "float32" | "float16" {
  return (opts.precision ?? (device === "cuda" ? "fp16" : "fp32")) === "fp16" ? "float16" : "float32";
}

export function sessionOptions(
  device: Device,
  intraOpThreads?: number,
  spinning = process.env.ORT_ALLOW_SPINNING === "1",
): ort.InferenceSession.SessionOptions {
  return {
    // On CUDA the graph is fp16 and the CPU EP only picks up what CUDA cannot run.
    executionProviders: device === "cuda" ? ["cuda", "cpu"] : ["cpu"],
    graphOptimizationLevel: "all",
    executionMode: "sequential",
    interOpNumThreads: 1,
    ...(intraOpThreads && intraOpThreads > 0 ? { intraOpNumThreads: intraOpThreads } : {}),
    enableCpuMemArena: true,
    // Spinning pool threads burn CPU while waiting; on a small shared host that halves decode
    // speed (measured in bench/gpu-function.ts). LoadOptions.spinning / ORT_ALLOW_SPINNING=1
    // restore onnxruntime's default for a host with idle cores.
    // Spinning stops when a run ends (session.force_spinning_stop): the pool spins only while a
    // run's ops hand work to it, never between runs, and wakes once per run instead of per op.
    extra: { session: spinning ? { intra_op: { allow_spinning: "1" }, force_spinning_stop: "1" } : { intra_op: { allow_spinning: "0" } } },
  };
}

/** Above this many initializer bytes the model goes through a file with external data (protobuf caps messages at 2 GB). */
export const EXTERNAL_DATA_THRESHOLD = 1_500_000_000;

/**
 * Frees the graph's initializer arrays (the graph keeps its nodes and I/O but no weights): once
 * serialised, they would otherwise stay alive next to onnxruntime's own copy while the session
 * is created, doubling the load's host peak. ArrayBuffer.transfer (Node 22) frees each buffer
 * at once; on older Node the references are dropped and a full GC is requested.
 */
export function releaseInitializers(graph: GraphBuilder): void {
  const detach = (ArrayBuffer.prototype as { transfer?: (this: ArrayBuffer, length: number) => ArrayBuffer }).transfer;
  for (const c of graph.initializers.values()) {
    const buf = c.data.buffer as ArrayBuffer;
    if (detach && buf.byteLength > 0) {
      try {
        detach.call(buf, 0);
      } catch {
        // shared or already detached: dropping the reference below is enough
      }
    }
  }
  graph.initializers.clear();
  if (!detach) fullGc();
}

let gcFn: (() => void) | null | undefined;

/** A full garbage collection without --expose-gc (setFlagsFromString + a fresh context's gc); a no-op if unavailable. */
function fullGc(): void {
  if (gcFn === undefined) {
    gcFn = null;
    try {
      setFlagsFromString("--expose-gc");
      gcFn = runInNewContext("gc") as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

/**
 * Creates a session from an in-memory graph, via a temporary model.onnx + external data file
 * when it is large. `releaseInitializers`: the graph's weights are freed once serialised (see
 * releaseInitializers), so the graph cannot be serialised again.
 */
export async function createSession(
  graph: GraphBuilder,
  options: ort.InferenceSession.SessionOptions,
  threshold = EXTERNAL_DATA_THRESHOLD,
  opts: { releaseInitializers?: boolean } = {},
): Promise<ort.InferenceSession> {
  let bytes = 0;
  for (const c of graph.initializers.values()) bytes += c.data.byteLength;
  if (bytes < threshold) {
    const model = graph.toBytes();
    if (opts.releaseInitializers) releaseInitializers(graph);
    return ort.InferenceSession.create(model, options);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "medchat-onnx-"));
  try {
    const modelPath = await graph.saveWithExternalData(dir);
    if (opts.releaseInitializers) releaseInitializers(graph);
    return await ort.InferenceSession.create(modelPath, options);
  } finally {
    // The session holds the weights now (copied, or memory-mapped: a mapping outlives the unlink on Linux).
    await rm(dir, { recursive: true, force: true });
  }
}
