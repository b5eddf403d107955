// A training worker with scripted behaviour (SCRIPTED_WORKER=crash|hang|steps|fail|succeed)
// for testing how the server survives its worker: crashes, ignored cancels, reported
// failures, and a quick success that writes a small fake adapter (for persistence tests).
// Real training is tested through worker.ts.

import fs from "node:fs";
import path from "node:path";
import type { ServerToWorker, WorkerToServer } from "../protocol";

const mode = process.env.SCRIPTED_WORKER ?? "steps";
const send = (m: WorkerToServer) => process.send?.(m);
let cancelled = false;

process.on("message", (raw) => {
  const msg = raw as ServerToWorker;
  if (msg.type === "cancel") {
    cancelled = true;
    if (mode === "steps") setTimeout(() => process.exit(0), 10);
    return; // "hang" ignores it: the server must SIGKILL
  }
  send({ type: "log", level: "info", message: `scripted worker (${mode}) got job ${msg.spec.jobId}` });
  if (mode === "crash") {
    process.stderr.write("Error: simulated out-of-memory in the trainer\n");
    setTimeout(() => process.exit(3), 20);
  } else if (mode === "succeed") {
    const { outputDir, adapterName, hyperparameters: h, initialAdapterDir } = msg.spec;
    if (initialAdapterDir) {
      // Throws (a failed job) when the warm start's copy is not where the server said.
      const bytes = fs.statSync(path.join(initialAdapterDir, "adapter_model.safetensors")).size;
      send({ type: "log", level: "info", message: `warm start from a ${bytes}-byte adapter copy` });
    }
    fs.mkdirSync(outputDir, { recursive: true });
    fs.writeFileSync(
      path.join(outputDir, "adapter_config.json"),
      JSON.stringify({ peft_type: "LORA", r: h.lora_r, lora_alpha: h.lora_alpha, target_modules: h.target_modules, name: adapterName }),
    );
    fs.writeFileSync(path.join(outputDir, "adapter_model.safetensors"), Buffer.from(`weights of ${adapterName}`));
    send({ type: "step", metrics: { step: 1, total_steps: 1, train_loss: 0.5, learning_rate: 1e-4, tokens_per_second: 100 } });
    send({ type: "result", trainedTokens: 42, metrics: { final_train_loss: 0.5, steps: 1 } });
    setTimeout(() => process.exit(0), 20);
  } else if (mode === "fail") {
    send({ type: "failed", code: "training_failed", message: "loss became NaN at step 3" });
    setTimeout(() => process.exit(1), 20);
  } else {
    let step = 0;
    const tick = setInterval(() => {
      if (cancelled && mode === "steps") return clearInterval(tick);
      step++;
      send({ type: "step", metrics: { step, total_steps: 1000, train_loss: 2 / step, learning_rate: 1e-4, tokens_per_second: 100 } });
    }, 20);
  }
});
