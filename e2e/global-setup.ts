// Starts the stack for the browser tests: a tiny random model written to a temp
// folder, the real gpu-function serving it, and the production build of the app
// (built first when missing or stale). Returns the teardown that stops both.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { writeTinyEmbedder, writeTinyModel } from "../gpu-function/models/tiny";
import { buildAppIfNeeded, startGpuFunction, startNext, stopChild, waitForHttp } from "../scripts/start";
import { seedAppDatabase } from "./seed";
import { ADMIN_E2E } from "./pages/admin-page";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const appPort = process.env.E2E_APP_PORT || "3210";
  const gpuPort = process.env.E2E_GPU_PORT || "8210";
  // The widget specs serve a host page on another site (localhost vs 127.0.0.1) on this port.
  const widgetHostPort = process.env.E2E_WIDGET_HOST_PORT || String(Number(appPort) + 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medchat-e2e-"));
  const token = crypto.randomBytes(16).toString("hex");
  await writeTinyModel(path.join(dir, "model"), {
    family: "llama",
    seed: 1234,
    hiddenSize: 128,
    numLayers: 2,
    numHeads: 4,
    numKvHeads: 2,
    maxPositions: 4096,
  });
  await writeTinyEmbedder(path.join(dir, "embedder"), { dim: 256, seed: 1234 });

  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const gpuEnv: NodeJS.ProcessEnv = {
    ...base,
    GPU_FUNCTION_PORT: gpuPort,
    GPU_FUNCTION_TOKEN: token,
    MODEL_DIR: path.join(dir, "model"),
    MODEL_ID: "medchat-base",
    EMBEDDING_MODEL_DIR: path.join(dir, "embedder"),
    FINE_TUNING_DIR: path.join(dir, "fine-tuning"),
    ADAPTERS_DIR: path.join(dir, "adapters"),
    MEDCHAT_DATA_DIR: path.join(dir, "gpu-function"),
    DRAIN_TIMEOUT_MS: "1000",
  };
  let gpu: ChildProcess | undefined;
  let app: ChildProcess | undefined;
  const teardown = async () => {
    await Promise.all([stopChild(app, 5_000), stopChild(gpu, 5_000)]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    gpu = startGpuFunction(gpuEnv);
    await buildAppIfNeeded(base);
    const gpuUrl = `http://127.0.0.1:${gpuPort}`;
    await waitForHttp(`${gpuUrl}/healthz`, { timeoutMs: 180_000, child: gpu, name: "the gpu-function" });
    // The starter knowledge base and the widget sites, seeded before the app opens the
    // database (its own background ingestion then finds the KB present), so every test has its sources.
    const seed = await seedAppDatabase(path.join(dir, "app"), { url: gpuUrl, token }, `http://localhost:${widgetHostPort}`);
    process.env.E2E_WIDGET_SITE = seed.widgetSite;
    process.env.E2E_WIDGET_DISABLED_SITE = seed.disabledWidgetSite;
    process.env.E2E_WIDGET_HOST_PORT = widgetHostPort;
    app = startNext(appPort, "127.0.0.1", {
      ...base,
      PORT: appPort,
      GPU_FUNCTION_URL: gpuUrl,
      GPU_FUNCTION_TOKEN: token,
      MEDCHAT_DATA_DIR: path.join(dir, "app"),
      DATABASE_URL: "",
      // Quote mode: byte-level tokens, so a quoted sentence is ~100 tokens (appended in one step).
      CHAT_GROUNDING: "quote",
      CHAT_MAX_TOKENS: "400",
      CHAT_TEMPERATURE: "0",
      CHAT_TIMEOUT_MS: "30000",
      // Every test's browser is 127.0.0.1; retries must not trip the per-address limit.
      CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "240",
      // Retraining (e2e/retrain.spec.ts): a few knowledge-base examples beside the uploaded
      // files keep each tiny run short.
      RETRAIN_KB_EXAMPLES: "12",
      // The first admin of the console (e2e/admin.spec.ts signs in with it).
      ADMIN_EMAIL: ADMIN_E2E.email,
      ADMIN_PASSWORD: ADMIN_E2E.password,
    });
    await waitForHttp(`http://127.0.0.1:${appPort}/api/health`, { timeoutMs: 120_000, child: app, name: "the app" });
  } catch (error) {
    await teardown();
    throw error;
  }
  // Read by e2e/gpu-function-down.spec.ts to stop the gpu-function for real.
  process.env.E2E_GPU_PID = String(gpu.pid);
  process.env.E2E_GPU_URL = `http://127.0.0.1:${gpuPort}`;
  return teardown;
}
