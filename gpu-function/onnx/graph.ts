// A small ONNX graph builder. Model families describe their graphs with it; the
// autodiff walks the same node list to build training graphs; `toBytes()` serialises
// through onnx-proto so onnxruntime-node can load the model from memory.
import { mkdir, open, writeFile } from "node:fs/promises";
import path from "node:path";

import onnxProto from "onnx-proto";

import type { onnx as OnnxTypes } from "onnx-proto";

const { onnx } = onnxProto;

export type DType = "float32" | "float16" | "int64" | "int32" | "uint8" | "bool" | "float64" | "int8";

const ONNX_DTYPE: Record<DType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  float16: onnx.TensorProto.DataType.FLOAT16,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  uint8: onnx.TensorProto.DataType.UINT8,
  int8: onnx.TensorProto.DataType.INT8,
  bool: onnx.TensorProto.DataType.BOOL,
  float64: onnx.TensorProto.DataType.DOUBLE,
};

/** A dimension is a fixed size or a symbolic name (e.g. "batch"). */
export type Dim = number | string;
export type AttrValue =
  number | string | number[] | string[] | Float32Array | { float: number } | { tensor: Constant } | { graph: GraphBuilder };

export interface Constant {
  dtype: DType;
  dims: number[];
  data: Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | Int8Array | Uint16Array;
}

export interface GraphNode {
  op: string;
  inputs: string[]; // "" marks an omitted optional input
  outputs: string[];
  attrs: Record<string, AttrValue>;
  domain: string; // "" (ai.onnx) or "com.microsoft"
  name: string;
}

export interface ValueInfo {
  name: string;
  dtype: DType;
  shape: Dim[];
}

export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly inputs: ValueInfo[] = [];
  readonly outputs: ValueInfo[] = [];
  readonly initializers = new Map<string, Constant>();
  private counter = 0;

  constructor(readonly name = "graph") {}

  /** A fresh value name with a readable prefix. */
  fresh(prefix: string): string {
    return `${prefix}__${this.counter++}`;
  }

  input(name: string, dtype: DType, shape: Dim[]): string {
    this.inputs.push({ name, dtype, shape });
    return name;
  }

  output(name: string, dtype: DType, shape: Dim[]): string {
    this.outputs.push({ name, dtype, shape });
    return name;
  }

  initializer(name: string, c: Constant): string {
    this.initializers.set(name, c);
    return name;
  }

  /** A constant tensor stored as an initializer under a fresh name. */
  constant(prefix: string, c: Constant): string {
    return this.initializer(this.fresh(prefix), c);
  }

  f32(values: number[] | Float32Array, dims: number[] = [values.length]): string {
    return this.constant("c_f32", { dtype: "float32", dims, data: Float32Array.from(values) });
  }

  i64(values: number[], dims: number[] = [values.length]): string {
    return this.constant("c_i64", { dtype: "int64", dims, data: BigInt64Array.from(values.map(BigInt)) });
  }

  /** Adds a node; returns its output names (fresh names unless given). */
  node(
    op: string,
    inputs: string[],
    opts: { attrs?: Record<string, AttrValue>; domain?: string; outputs?: number | string[]; name?: string } = {},
  ): string[] {
    const outputs = Array.isArray(opts.outputs)
      ? opts.outputs
      : Array.from({ length: opts.outputs ?? 1 }, () => this.fresh(op.toLowerCase()));
    this.nodes.push({ op, inputs, outputs, attrs: opts.attrs ?? {}, domain: opts.domain ?? "", name: opts.name ?? this.fresh(op) });
    return outputs;
  }

  /** Single-output convenience. */
  op(op: string, inputs: string[], attrs: Record<string, AttrValue> = {}, domain = ""): string {
    return this.node(op, inputs, { attrs, domain })[0];
  }

  /** Contrib op from onnxruntime (com.microsoft domain). */
  ms(op: string, inputs: string[], attrs: Record<string, AttrValue> = {}, outputs = 1): string[] {
    return this.node(op, inputs, { attrs, domain: "com.microsoft", outputs });
  }

  /** The graph alone (also the body of a control-flow node's GRAPH attribute: If, Loop). */
  toGraphProto(): OnnxTypes.GraphProto {
    return onnx.GraphProto.create({
      name: this.name,
      node: this.nodes.map((n) =>
        onnx.NodeProto.create({
          opType: n.op,
          input: n.inputs,
          output: n.outputs,
          name: n.name,
          domain: n.domain,
          attribute: Object.entries(n.attrs).map(([k, v]) => attributeProto(k, v)),
        }),
      ),
      input: this.inputs.map(valueInfoProto),
      output: this.outputs.map(valueInfoProto),
      initializer: [...this.initializers.entries()].map(([name, c]) => tensorProto(name, c)),
    });
  }

  toProto(opset = 17): OnnxTypes.ModelProto {
    const graph = this.toGraphProto();
    return onnx.ModelProto.create({
      irVersion: 8,
      producerName: "medchat",
      opsetImport: [
        { domain: "", version: opset },
        { domain: "com.microsoft", version: 1 },
      ],
      graph,
    });
  }

  toBytes(opset = 17): Uint8Array {
    return onnx.ModelProto.encode(this.toProto(opset)).finish();
  }

  /**
   * Writes `<dir>/model.onnx` with initializers of at least `minExternalBytes` stored in
   * `<dir>/model.onnx.data` (ONNX external data, 4 KiB-aligned so onnxruntime can map it).
   * Needed beyond protobuf's 2 GB message limit (e.g. ≥1B-parameter models); returns the model path.
   */
  async saveWithExternalData(dir: string, opts: { opset?: number; minExternalBytes?: number } = {}): Promise<string> {
    const minBytes = opts.minExternalBytes ?? 1024;
    await mkdir(dir, { recursive: true });
    const dataFile = "model.onnx.data";
    const handle = await open(path.join(dir, dataFile), "w");
    const proto = this.toProto(opts.opset ?? 17);
    let offset = 0;
    try {
      for (const t of proto.graph!.initializer!) {
        const raw = t.rawData as Uint8Array | undefined;
        if (!raw || raw.byteLength < minBytes) continue;
        offset = Math.ceil(offset / 4096) * 4096;
        await handle.write(raw, 0, raw.byteLength, offset);
        t.rawData = undefined;
        t.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
        t.externalData = [
          { key: "location", value: dataFile },
          { key: "offset", value: String(offset) },
          { key: "length", value: String(raw.byteLength) },
        ];
        offset += raw.byteLength;
      }
    } finally {
      await handle.close();
    }
    const modelPath = path.join(dir, "model.onnx");
    await writeFile(modelPath, onnx.ModelProto.encode(proto).finish());
    return modelPath;
  }
}

function valueInfoProto(v: ValueInfo): OnnxTypes.IValueInfoProto {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: ONNX_DTYPE[v.dtype],
        shape: { dim: v.shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export function tensorProto(name: string, c: Constant): OnnxTypes.ITensorProto {
  const bytes = new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength);
  return { name, dims: c.dims, dataType: ONNX_DTYPE[c.dtype], rawData: bytes };
}

function attributeProto(name: string, v: AttrValue): OnnxTypes.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === "number") {
    return Number.isInteger(v) ? { name, type: T.INT, i: v } : { name, type: T.FLOAT, f: v };
  }
  if (typeof v === "string") return { name, type: T.STRING, s: new TextEncoder().encode(v) };
  if (v instanceof Float32Array) return { name, type: T.FLOATS, floats: Array.from(v) };
  if (Array.isArray(v)) {
    if (v.length > 0 && typeof v[0] === "string")
      return { name, type: T.STRINGS, strings: (v as string[]).map((s) => new TextEncoder().encode(s)) };
    return { name, type: T.INTS, ints: v as number[] };
  }
  if ("float" in v) return { name, type: T.FLOAT, f: v.float };
  if ("graph" in v) return { name, type: T.GRAPH, g: v.graph.toGraphProto() };
  return { name, type: T.TENSOR, t: tensorProto(name, v.tensor) };
}
