// A training worker with scripted behaviour (SCRIPTED_WORKER=crash|hang|steps|fail) for
// testing how the server survives its worker: crashes, ignored cancels, reported
// failures. Real training is tested through worker.ts.

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
