// HTTP surface of fine-tuning, shaped like OpenAI's /v1/fine_tuning/jobs API, mounted
// by the gpu-function server: `routes.push(...fineTuningRoutes(deps))`.

import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, parseBody, sendJson, type Route, type RouteContext } from "../http/router";
import { createJobSchema } from "./schema";
import { FineTuningService, type FineTuningDeps } from "./service";

function listParams(url: URL): { limit: number; after?: string } {
  const raw = url.searchParams.get("limit");
  const limit = raw === null ? 20 : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new ApiError(400, "'limit' must be an integer from 1 to 1000", { param: "limit", code: "invalid_value" });
  }
  return { limit, after: url.searchParams.get("after") ?? undefined };
}

/** Inline JSONL training data can be large; bigger sets belong behind training_file_url. */
const MAX_INLINE_DATA_BYTES = 64 * 1024 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => Promise<void>;

/** Routes over a service; pass a FineTuningService to share it (e.g. to close it on shutdown). */
export function fineTuningRoutes(depsOrService: FineTuningDeps | FineTuningService): Route[] {
  const service = depsOrService instanceof FineTuningService ? depsOrService : new FineTuningService(depsOrService);
  const route = (method: string, pattern: string, handler: Handler, maxBodyBytes?: number): Route => ({
    method,
    pattern,
    handler,
    maxBodyBytes,
  });
  return [
    route(
      "POST",
      "/v1/fine_tuning/jobs",
      async (_req, res, ctx) => {
        const body = parseBody(createJobSchema, await ctx.readJson());
        sendJson(res, 200, await service.create(body));
      },
      MAX_INLINE_DATA_BYTES,
    ),
    route("GET", "/v1/fine_tuning/jobs", async (_req, res, ctx) => {
      const { limit, after } = listParams(ctx.url);
      sendJson(res, 200, { object: "list", ...service.store.list(limit, after) });
    }),
    route("GET", "/v1/fine_tuning/jobs/:id", async (_req, res, ctx) => {
      sendJson(res, 200, service.get(ctx.params.id));
    }),
    route("GET", "/v1/fine_tuning/jobs/:id/events", async (_req, res, ctx) => {
      service.get(ctx.params.id);
      const { limit, after } = listParams(ctx.url);
      sendJson(res, 200, { object: "list", ...service.store.listEvents(ctx.params.id, limit, after) });
    }),
    route("POST", "/v1/fine_tuning/jobs/:id/cancel", async (_req, res, ctx) => {
      sendJson(res, 200, await service.cancel(ctx.params.id));
    }),
    route("GET", "/v1/fine_tuning/jobs/:id/adapter", async (_req, res, ctx) => {
      sendJson(res, 200, await service.adapter(ctx.params.id));
    }),
    route("POST", "/v1/fine_tuning/jobs/:id/load", async (_req, res, ctx) => {
      sendJson(res, 200, await service.load(ctx.params.id));
    }),
  ];
}
