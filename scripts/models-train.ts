// Reproduces the project's default models under models/ from the medical corpus:
//   npm run models:train -- --medquad <dir> --pubmedqa <file> [--out models] [--work .data/models-train]
//                           [--stages tokenizer,base,grounded,embedder,cards] [--log <file>] [--force]
// Fixed seed; each stage is resumable (checkpoints in --work) and skipped when its
// output is complete, so re-running after an interruption continues where it stopped.
import { existsSync } from "node:fs";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import cliProgress from "cli-progress";

import type { StageContext } from "../gpu-function/train/recipes/stages/context";

import { STAGES, type Stage } from "../gpu-function/train/recipes/stages/names";

function usage(msg: string): never {
  console.error(
    `models:train: ${msg}\nusage: npm run models:train -- --medquad <dir> --pubmedqa <file> [--out models] [--work .data/models-train] [--stages ${STAGES.join(",")}] [--log file] [--force] [--quick] [--embedder-init <base checkpoint params.safetensors>] [--base-stop-at <step>]`,
  );
  process.exit(2);
}

function progressFactory(logFile: string | undefined, log: (l: string) => void): StageContext["progress"] {
  return (label) => {
    const tty = process.stderr.isTTY === true;
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} steps | loss {loss} | lr {lr} | {tps} tok/s | ETA {eta_formatted}`,
        noTTYOutput: !tty,
        notTTYSchedule: 30_000,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      onEvent: (e) => {
        if (e.type === "start") {
          bar.start(e.totalSteps, e.resumedFromStep, { loss: "-", lr: "-", tps: "-" });
          started = true;
          log(`${label}: start total=${e.totalSteps} trainable=${e.trainableParameters} resumedFrom=${e.resumedFromStep}`);
        } else if (e.type === "step") {
          bar.update(e.step, { loss: e.loss.toFixed(3), lr: e.lr.toExponential(2), tps: Math.round(e.tokensPerSecond) });
          if (logFile && (e.step % 10 === 0 || e.step === e.totalSteps)) {
            log(
              `${label}: step ${e.step}/${e.totalSteps} loss ${e.loss.toFixed(4)} lr ${e.lr.toExponential(3)} gnorm ${e.gradNorm.toFixed(3)} ${Math.round(e.tokensPerSecond)} tok/s elapsed ${e.elapsedSeconds.toFixed(0)}s`,
            );
          }
        } else if (e.type === "checkpoint") log(`${label}: checkpoint at step ${e.step}`);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      medquad: { type: "string" },
      pubmedqa: { type: "string" },
      out: { type: "string", default: "models" },
      work: { type: "string", default: ".data/models-train" },
      stages: { type: "string", default: STAGES.join(",") },
      log: { type: "string" },
      force: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      "embedder-init": { type: "string" },
      "base-stop-at": { type: "string" },
    },
  });
  if (!values.medquad || !existsSync(values.medquad))
    usage(`--medquad must name the MedQuAD directory (got ${values.medquad ?? "nothing"})`);
  if (!values.pubmedqa || !existsSync(values.pubmedqa)) usage(`--pubmedqa must name ori_pqal.json (got ${values.pubmedqa ?? "nothing"})`);
  const stages = values.stages.split(",").map((s) => s.trim()) as Stage[];
  for (const s of stages) if (!STAGES.includes(s)) usage(`unknown stage "${s}" (stages: ${STAGES.join(", ")})`);
  const logFile = values.log;
  const log = (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}`;
    if (logFile) appendFileSync(logFile, `${stamped}\n`);
    else console.error(stamped);
  };
  const ctx: StageContext = {
    medquad: path.resolve(values.medquad),
    pubmedqa: path.resolve(values.pubmedqa),
    out: path.resolve(values.out),
    work: path.resolve(values.work),
    force: values.force,
    quick: values.quick,
    embedderInit: values["embedder-init"] ? path.resolve(values["embedder-init"]) : undefined,
    baseStopAt: values["base-stop-at"] ? Number(values["base-stop-at"]) : undefined,
    log,
    progress: progressFactory(logFile, log),
  };
  const { runStage } = await import("../gpu-function/train/recipes/stages/run");
  for (const stage of STAGES) {
    if (!stages.includes(stage)) continue;
    const t0 = Date.now();
    log(`stage ${stage}: begin`);
    await runStage(stage, ctx);
    log(`stage ${stage}: done in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  }
}

main().catch((e: unknown) => {
  console.error(`models:train failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
