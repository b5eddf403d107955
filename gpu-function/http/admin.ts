// /v1/models, /v1/adapters (load/replace/unload without reloading the base), /healthz, /metrics.
import { PeftAdapterError } from "../engine/peft";
import { adapterModelBytes, adapterUploadSchema, type ModelList, type ModelObject } from "../shared/openai";
import type { ServingDeps } from "./deps";
import { ApiError, parseBody, sendJson, sendText, type Route } from "./router";

const ADAPTER_UPLOAD_LIMIT = 512 * 1024 * 1024;

export function adminRoutes(deps: ServingDeps): Route[] {
  const created = Math.floor(deps.startedAt / 1000);
  return [
    {
      method: "GET",
      pattern: "/v1/models",
      async handler(_req, res) {
        const small = deps.smallModel ? { small_model: true } : {};
        const base: ModelObject = {
          id: deps.modelId,
          object: "model",
          created,
          owned_by: "medchat",
          parent: null,
          root: deps.modelId,
          type: "chat",
          ...small,
        };
        const adapters = deps.adapters.list().map<ModelObject>((a) => ({
          id: a.name,
          object: "model",
          created: Math.floor(a.loadedAt / 1000),
          owned_by: "medchat",
          parent: deps.modelId,
          root: deps.modelId,
          type: "chat",
          ...small,
        }));
        const embedder: ModelObject[] = deps.embedder
          ? [{ id: deps.embedder.id, object: "model", created, owned_by: "medchat", parent: null, type: "embedding" }]
          : [];
        const reranker: ModelObject[] = deps.reranker
          ? [{ id: deps.reranker.id, object: "model", created, owned_by: "medchat", parent: null, type: "rerank" }]
          : [];
        const body: ModelList = { object: "list", data: [base, ...adapters, ...embedder, ...reranker] };
        sendJson(res, 200, body);
      },
    },
    {
      method: "GET",
      pattern: "/v1/adapters",
      async handler(_req, res) {
        sendJson(res, 200, { object: "list", data: deps.adapters.list() });
      },
    },
    {
      method: "POST",
      pattern: "/v1/adapters",
      maxBodyBytes: ADAPTER_UPLOAD_LIMIT,
      async handler(_req, res, ctx) {
        const body = parseBody(adapterUploadSchema, await ctx.readJson());
        if (body.name === deps.modelId || deps.aliases.includes(body.name)) {
          throw new ApiError(400, `'${body.name}' is the base model id; pick another adapter name`, { param: "name" });
        }
        if (!/^[A-Za-z0-9+/=\s]+$/.test(body.adapter_model_base64)) {
          throw new ApiError(400, "adapter_model_base64 is not base64", { param: "adapter_model_base64" });
        }
        try {
          const { replaced, info } = deps.adapters.loadBytes(body.name, body.adapter_config, adapterModelBytes(body));
          console.log(
            `[gpu-function] adapter '${info.name}' ${replaced ? "replaced" : "loaded"} (r=${info.rank}, ${info.modules} modules)`,
          );
          sendJson(res, replaced ? 200 : 201, { object: "adapter", ...info, replaced });
        } catch (err) {
          if (err instanceof PeftAdapterError) {
            const param = /adapter_config|target_modules|lora_alpha|'r'/.test(err.message) ? "adapter_config" : "adapter_model_base64";
            throw new ApiError(400, err.message, { param, code: "invalid_adapter" });
          }
          throw err;
        }
      },
    },
    {
      method: "DELETE",
      pattern: "/v1/adapters/:name",
      async handler(_req, res, ctx) {
        const name = ctx.params.name!;
        if (!deps.adapters.unload(name))
          throw new ApiError(404, `No adapter named '${name}' is loaded`, { code: "adapter_not_found", param: "name" });
        console.log(`[gpu-function] adapter '${name}' unloaded`);
        sendJson(res, 200, { object: "adapter", name, deleted: true });
      },
    },
    {
      method: "GET",
      pattern: "/healthz",
      async handler(_req, res) {
        sendJson(res, 200, {
          status: "ok",
          model: deps.modelId,
          embedding_model: deps.embedder?.id ?? null,
          reranker_model: deps.reranker?.id ?? null,
          adapters: deps.adapters.list().map((a) => a.name),
          active_sequences: deps.scheduler.activeCount,
          queued: deps.scheduler.queuedCount,
          uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
        });
      },
    },
    {
      method: "GET",
      pattern: "/metrics",
      async handler(_req, res) {
        sendText(res, 200, deps.metrics.registry.render(), "text/plain; version=0.0.4; charset=utf-8");
      },
    },
  ];
}
