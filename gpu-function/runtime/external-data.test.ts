// Large models go through model.onnx + external data (protobuf caps a message at 2 GB): the
// session built that way must compute exactly what the in-memory one does.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

import * as ort from "onnxruntime-node";
import onnxProto from "onnx-proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readHfModel } from "./load";
import { createSession } from "./session";
import { buildPlainGraph, PLAIN_SESSION_OPTIONS } from "../models/plain";
import { seededTokens, tempDir, tinyModelDir } from "../models/test-helpers";

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir("external");
});
afterAll(async () => root.cleanup());

describe("external data", () => {
  it("saves large initializers to an aligned data file and loads to identical logits", async () => {
    const model = await readHfModel(await tinyModelDir(root.dir, "m", { family: "gpt-neo", seed: 71 }));
    const graph = buildPlainGraph(model, { output: "logits" });
    const modelPath = await graph.saveWithExternalData(path.join(root.dir, "onnx"), { minExternalBytes: 1024 });
    const proto = onnxProto.onnx.ModelProto.decode(await readFile(modelPath));
    const external = proto.graph!.initializer!.filter((t) => t.dataLocation === onnxProto.onnx.TensorProto.DataLocation.EXTERNAL);
    expect(external.length).toBeGreaterThan(10);
    for (const t of external) expect(Number(t.externalData!.find((e) => e.key === "offset")!.value) % 4096).toBe(0);
    expect((await stat(modelPath)).size).toBeLessThan(200_000); // the weights live in the data file

    const ids = new ort.Tensor("int64", BigInt64Array.from(seededTokens(7, 1), BigInt), [1, 7]);
    const inMemory = await createSession(graph, PLAIN_SESSION_OPTIONS);
    const viaFile = await ort.InferenceSession.create(modelPath, PLAIN_SESSION_OPTIONS);
    const viaThreshold = await createSession(graph, PLAIN_SESSION_OPTIONS, 0); // temp dir, removed after load
    const expected = (await inMemory.run({ input_ids: ids })).logits.data as Float32Array;
    expect(Array.from((await viaFile.run({ input_ids: ids })).logits.data as Float32Array)).toEqual(Array.from(expected));
    expect(Array.from((await viaThreshold.run({ input_ids: ids })).logits.data as Float32Array)).toEqual(Array.from(expected));
    await Promise.all([inMemory.release(), viaFile.release(), viaThreshold.release()]);
  });
});
