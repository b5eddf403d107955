// A scripted gpu-function over real HTTP on 127.0.0.1 for retraining tests: fine-tuning
// jobs (create, poll, events, cancel, adapter), POST /v1/adapters (can refuse, as a replica
// that is draining), DELETE /v1/adapters/:name, POST /v1/perplexity and quote-mode chat completions per model.
import http from "node:http";
import type { TrainingExample } from "./dataset";

interface Script {
  outcome: "succeed" | "fail";
  runningPolls?: number;
  /** Perplexity a model scores on the golden set. */
  ppl?: (model: string) => number;
  /** A model's quote-mode answer (default: the first sentence of source 1, cited). */
  answer?: (model: string, sources: { id: string; text: string }[]) => string | null;
}

export function ex(i: number, question = `How is condition number ${i} treated?`): TrainingExample {
  return {
    question,
    answer: `Condition ${i} is treated by a doctor. [1]`,
    sources: [{ n: 1, title: `Condition ${i}`, text: `Condition ${i} is treated by a doctor. Rest helps too.` }],
    origin: `test:${i}`,
    rightSources: [1],
  };
}

/** A fake gpu-function: every created job follows `script`; records what it received. */
export function startFakeGpu(token: string) {
  const state = {
    script: { outcome: "succeed" } as Script,
    jobs: new Map<string, { polls: number; script: Script; body: Record<string, unknown>; status: string }>(),
    pushed: [] as string[],
    /** Names asked to unload (DELETE /v1/adapters/:name), in order. */
    unloaded: [] as string[],
    scored: [] as string[],
    refusePush: false,
  };
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: { message: "bad token" } });
      const url = (req.url ?? "").split("?")[0];
      if (req.method === "POST" && url === "/v1/fine_tuning/jobs") {
        const id = `ftjob-${++n}`;
        state.jobs.set(id, { polls: 0, script: state.script, body: JSON.parse(raw), status: "queued" });
        return send(200, { id, status: "queued", fine_tuned_model: null, error: null, metrics: null });
      }
      if (req.method === "POST" && url === "/v1/adapters") {
        if (state.refusePush) return send(503, { error: { message: "replica is draining" } });
        state.pushed.push(JSON.parse(raw).name);
        return send(200, { object: "adapter", name: JSON.parse(raw).name });
      }
      if (req.method === "DELETE" && url.startsWith("/v1/adapters/")) {
        const name = decodeURIComponent(url.slice("/v1/adapters/".length));
        state.unloaded.push(name);
        return send(200, { object: "adapter", name, deleted: true });
      }
      if (req.method === "POST" && url === "/v1/perplexity") {
        const body = JSON.parse(raw) as { model: string; data: string };
        state.scored.push(body.model);
        const ppl = (state.script.ppl ?? ((m: string) => (m.includes("ft-retrain") ? 5 : 10)))(body.model);
        return send(200, { model: body.model, perplexity: ppl, tokens: body.data.split("\n").filter(Boolean).length * 10 });
      }
      if (req.method === "POST" && url === "/v1/chat/completions") {
        const body = JSON.parse(raw) as { model: string; grounding: { sources: { id: string; text: string }[] } };
        const sources = body.grounding.sources;
        const text = state.script.answer
          ? state.script.answer(body.model, sources)
          : `${sources[0].text.split(". ")[0].replace(/\.?$/, ".")} [1]`;
        if (text === null) return send(500, { error: { message: "generation crashed" } });
        return send(200, { choices: [{ message: { role: "assistant", content: text } }] });
      }
      const m = /^\/v1\/fine_tuning\/jobs\/([\w-]+)(\/adapter|\/events|\/cancel)?$/.exec(url);
      const job = m && state.jobs.get(m[1]);
      if (!m || !job) return send(404, { error: { message: "not found" } });
      const name = `medchat-base:ft-retrain-${m[1]}`.replace(/:/g, "-");
      if (m[2] === "/adapter")
        return send(200, {
          name,
          adapter_config: { peft_type: "LORA", r: 8 },
          adapter_model_base64: Buffer.from(`weights ${m[1]}`).toString("base64"),
        });
      if (m[2] === "/events")
        return send(200, {
          data: [
            {
              id: "e2",
              created_at: 2,
              level: "info",
              type: "metrics",
              message: "Step 2/2: training loss=1.0",
              data: { step: 2, total_steps: 2, train_loss: 1 },
            },
            {
              id: "e1",
              created_at: 1,
              level: "info",
              type: "metrics",
              message: "Step 1/2: training loss=2.0",
              data: { step: 1, total_steps: 2, train_loss: 2 },
            },
          ],
          has_more: false,
        });
      if (m[2] === "/cancel") {
        job.status = "cancelled";
        return send(200, { id: m[1], status: "cancelled", fine_tuned_model: null, error: null, metrics: null });
      }
      job.polls++;
      if (job.status === "cancelled")
        return send(200, {
          id: m[1],
          status: "cancelled",
          fine_tuned_model: null,
          error: { message: "cancelled by request" },
          metrics: null,
        });
      if (job.polls <= (job.script.runningPolls ?? 1))
        return send(200, { id: m[1], status: "running", fine_tuned_model: null, error: null, metrics: null });
      if (job.script.outcome === "fail")
        return send(200, {
          id: m[1],
          status: "failed",
          fine_tuned_model: null,
          error: { code: "training_failed", message: "worker crashed: simulated out-of-memory" },
          metrics: null,
        });
      return send(200, { id: m[1], status: "succeeded", fine_tuned_model: name, error: null, metrics: null });
    });
  });
  return { state, server };
}
