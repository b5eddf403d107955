// The admin API (/api/admin/*): one route table, so every route's access rule is in one
// place and tested route by route. Every route but login and invitation acceptance needs
// a session; state-changing routes need the session's CSRF token; most need the admin role.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { zodReason } from "@/lib/chat/http";
import { AppError } from "@/lib/http/app-error";
import { clientAddressOf } from "@/lib/http/client-address";
import { findUnstorableText, unstorableTextReason } from "@/lib/http/storable-text";
import type { Embedder } from "@/lib/rag/embed";
import { createApiKey, listApiKeys, revokeApiKey, usageSummary } from "@/lib/partners";
import { KeyInputError } from "@/lib/partners/keys";
import { createWidgetSite, deleteWidgetSite, listWidgetSites, updateWidgetSite, WidgetSiteError } from "@/lib/widget/sites";
import { listAudit, recordAudit, type Actor } from "./audit";
import { listCuratedExamples } from "@/lib/db/curated-examples";
import { listConversationsForReview, readConversation, reviewAnswer } from "./conversations";
import { AdminError } from "./errors";
import {
  deleteDocument,
  knowledgeBaseStats,
  listDocuments,
  MAX_UPLOAD_BYTES,
  reingestDocument,
  searchTest,
  uploadDocuments,
} from "./knowledge";
import { dailyActivity } from "./overview";
import {
  checkCsrf,
  clearedSessionCookie,
  login,
  logout,
  sessionCookie,
  sessionFromToken,
  tokenFromCookieHeader,
  type AdminSession,
} from "./sessions";
import { readSettings, writeSettings } from "./settings";
import { acceptInvite, inviteUser, listUsers, publicUser, updateUser, type AdminRole } from "./users";
import { listAdapters, listRuns, runDetail } from "@/lib/training/admin";
import { datasetSummary } from "@/lib/training/dataset-sources";
import {
  MAX_UPLOAD_BYTES as MAX_TRAINING_UPLOAD_BYTES,
  UPLOAD_FORMATS,
  UploadError,
  uploadTrainingExamples,
} from "@/lib/training/dataset-uploads";
import { cancelRun, startRetrain } from "@/lib/training/retrain";
import { PointerFlipError, promoteAdapter, rollbackAdapter, type PointerFlip } from "@/lib/training/promotion";

export interface AdminDeps {
  getDb: () => Promise<Db>;
  embedder: () => Embedder;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
interface Context {
  request: Request;
  db: Db;
  deps: AdminDeps;
  params: string[];
  session: AdminSession | undefined;
  actor: Actor;
  ip: string;
}
interface Route {
  method: Method;
  /** Path segments after /api/admin; ":x" matches one segment. */
  path: string;
  /** public: no session; otherwise the least role needed. */
  access: "public" | AdminRole;
  handle: (ctx: Context) => Promise<Response>;
}

const json = (body: unknown, init: ResponseInit = {}) =>
  Response.json(body, { ...init, headers: { "cache-control": "no-store", ...(init.headers as Record<string, string>) } });
const MAX_JSON_BYTES = 256 * 1024;

async function body<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) throw new AdminError(413, "body_too_large", `The request body is limited to ${MAX_JSON_BYTES} bytes.`);
  let raw: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_JSON_BYTES)
      throw new AdminError(413, "body_too_large", `The request body is limited to ${MAX_JSON_BYTES} bytes.`);
    raw = text ? JSON.parse(text) : {};
  } catch (error) {
    if (error instanceof AdminError) throw error;
    throw new AdminError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const unstorable = findUnstorableText(raw);
  if (unstorable) throw new AdminError(400, "invalid_text", unstorableTextReason(unstorable));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AdminError(400, "invalid_body", zodReason(parsed.error));
  return parsed.data;
}

function query(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

const keySchema = z.object({
  name: z.string(),
  scopes: z.array(z.enum(["chat", "models"])).optional(),
  allowedOrigins: z.array(z.string()).optional(),
  requestsPerMinute: z.number().int().optional(),
  tokensPerDay: z.number().int().optional(),
  concurrentRequests: z.number().int().optional(),
  expiresAt: z.coerce.date().nullable().optional(),
});
const siteSchema = z.object({
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  talkToPersonUrl: z.string().nullable().optional(),
  enabled: z.boolean().optional(),
});

/** A promotion or rollback: why it cannot happen as 404/409, a replica refusing the push as 502. */
async function flipPointer(flip: () => Promise<PointerFlip>): Promise<PointerFlip> {
  try {
    return await flip();
  } catch (error) {
    if (error instanceof PointerFlipError)
      throw new AdminError(
        error.code === "not_found" ? 404 : 409,
        error.code === "nothing_active" ? "rollback_impossible" : error.code,
        error.message,
      );
    throw new AdminError(502, "gpu_function_unavailable", error instanceof Error ? error.message : String(error));
  }
}

const startRunSchema = z
  .object({
    hyperparameters: z
      .object({
        n_epochs: z.number().int().min(1).max(20).optional(),
        learning_rate_multiplier: z.number().positive().max(10).optional(),
        batch_size: z.number().int().min(1).max(64).optional(),
        /** Not in the console's form: caps the job's steps (tiny runs in tests). */
        max_steps: z.number().int().min(1).max(100_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const uploadJsonSchema = z.object({
  format: z.enum(["auto", ...UPLOAD_FORMATS] as [string, ...string[]]).optional(),
  filename: z.string().min(1).max(200),
  content: z.string(),
});

/** A training file: multipart (`file`, optional `format`) or JSON `{ format?, filename, content }`, both bounded. */
async function trainingUpload(
  request: Request,
): Promise<{ format?: (typeof UPLOAD_FORMATS)[number] | "auto"; filename: string; content: string }> {
  const limit = MAX_TRAINING_UPLOAD_BYTES + 64 * 1024;
  const tooLarge = () =>
    new AdminError(413, "upload_too_large", `Training files are limited to ${MAX_TRAINING_UPLOAD_BYTES / 1024 / 1024} MB per upload.`);
  if (Number(request.headers.get("content-length") ?? "0") > limit * 2) throw tooLarge();
  const type = request.headers.get("content-type") ?? "";
  let parsed: unknown;
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AdminError(400, "invalid_upload", "Send the training file as multipart/form-data (field `file`).");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") throw new AdminError(400, "invalid_upload", "The multipart body needs a `file` field.");
    if (file.size > MAX_TRAINING_UPLOAD_BYTES) throw tooLarge();
    const format = form.get("format");
    parsed = {
      format: typeof format === "string" && format ? format : undefined,
      filename: file.name || "upload.jsonl",
      content: await file.text(),
    };
  } else {
    const text = await request.text();
    if (text.length > limit * 2) throw tooLarge();
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AdminError(400, "invalid_json", "The request body is not valid JSON.");
    }
  }
  const checked = uploadJsonSchema.safeParse(parsed);
  if (!checked.success) throw new AdminError(400, "invalid_body", zodReason(checked.error));
  // The rows are checked one by one (lib/training/dataset-uploads.ts); the name is stored with each.
  const unstorable = findUnstorableText({ filename: checked.data.filename, format: checked.data.format });
  if (unstorable) throw new AdminError(400, "invalid_text", unstorableTextReason(unstorable));
  return checked.data as { format?: (typeof UPLOAD_FORMATS)[number] | "auto"; filename: string; content: string };
}

export const ADMIN_ROUTES: Route[] = [
  {
    method: "POST",
    path: "login",
    access: "public",
    handle: async ({ request, db, ip }) => {
      const input = await body(request, z.object({ email: z.string().max(254), password: z.string().max(256) }));
      const { token, session } = await login(db, input.email, input.password, { ip, userAgent: request.headers.get("user-agent") });
      return json(
        { user: publicUser(session.user), csrfToken: session.csrfToken },
        { headers: { "set-cookie": sessionCookie(token, request.url) } },
      );
    },
  },
  {
    method: "POST",
    path: "invitations/accept",
    access: "public",
    handle: async ({ request, db }) => {
      const input = await body(request, z.object({ token: z.string().min(10).max(200), password: z.string().max(256) }));
      const user = await acceptInvite(db, input.token, input.password);
      return json({ user: publicUser(user) });
    },
  },
  {
    method: "GET",
    path: "session",
    access: "reviewer",
    handle: async ({ session }) => json({ user: publicUser(session!.user), csrfToken: session!.csrfToken }),
  },
  {
    method: "POST",
    path: "logout",
    access: "reviewer",
    handle: async ({ request, db, session, ip }) => {
      const input = await body(request, z.object({ everywhere: z.boolean().default(false) }));
      await logout(db, session!, input.everywhere, ip);
      return json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie(request.url) } });
    },
  },
  // Retraining (lib/training): runs, "Retrain now" (the cron's entry point, in the background), cancel,
  // adapters, rollback, training-file uploads and the dataset's counts
  { method: "GET", path: "training/runs", access: "admin", handle: async ({ db }) => json(await listRuns(db)) },
  {
    method: "GET",
    path: "training/runs/:id",
    access: "admin",
    handle: async ({ db, params }) => {
      const detail = await runDetail(db, params[0]);
      if (!detail) throw new AdminError(404, "not_found", "No such training run.");
      return json(detail);
    },
  },
  {
    method: "POST",
    path: "training/runs",
    access: "admin",
    handle: async ({ request, db, actor }) => {
      const input = await body(request, startRunSchema);
      const started = await startRetrain(db, { trigger: "manual", startedBy: actor.email, hyperparameters: input.hyperparameters });
      if (!started.started) throw new AdminError(409, started.code === "busy" ? "run_in_progress" : "nothing_to_train", started.reason);
      await recordAudit(db, actor, {
        action: "training.start",
        targetType: "training_run",
        targetId: started.runId,
        after: { trigger: "manual", hyperparameters: input.hyperparameters ?? null },
      });
      void started.done.then(
        (o) => console.log(`[medchat] manual retrain ${started.runId}: ${o.outcome} — ${o.reason}`),
        (error) => console.error("[medchat] manual retrain failed:", error instanceof Error ? error.message : error),
      );
      return json({ runId: started.runId }, { status: 202 });
    },
  },
  {
    method: "POST",
    path: "training/runs/:id/cancel",
    access: "admin",
    handle: async ({ db, actor, params }) => {
      const result = await cancelRun(db, params[0], `cancelled by ${actor.email}`);
      if (!result) throw new AdminError(404, "not_found", "No such training run.");
      if (result.ended) throw new AdminError(409, "run_finished", `The run already ended (${result.run.status}).`);
      await recordAudit(db, actor, {
        action: "training.cancel",
        targetType: "training_run",
        targetId: params[0],
        after: { status: "cancelled" },
      });
      return json({ run: (await runDetail(db, params[0]))!.run });
    },
  },
  { method: "GET", path: "adapters", access: "admin", handle: async ({ db }) => json(await listAdapters(db)) },
  { method: "GET", path: "training/dataset", access: "admin", handle: async ({ db }) => json(await datasetSummary(db)) },
  {
    method: "POST",
    path: "training/uploads",
    access: "admin",
    handle: async ({ request, db, actor }) => {
      const input = await trainingUpload(request);
      let report;
      try {
        report = await uploadTrainingExamples(db, input, actor.email);
      } catch (error) {
        if (error instanceof UploadError) throw new AdminError(error.status, error.code, error.message);
        throw error;
      }
      await recordAudit(db, actor, {
        action: "training.upload",
        targetType: "training_upload",
        targetId: input.filename,
        after: { format: report.format, accepted: report.accepted, duplicates: report.duplicates, rejected: report.rejectedTotal },
      });
      return json(report);
    },
  },
  {
    method: "POST",
    path: "training/rollback",
    access: "admin",
    handle: async ({ db, actor }) => {
      const flip = await flipPointer(() => rollbackAdapter(db));
      await recordAudit(db, actor, {
        action: "adapter.rollback",
        targetType: "adapter",
        targetId: flip.to ?? flip.from ?? "",
        before: { active: flip.from },
        after: { active: flip.to },
      });
      return json(flip);
    },
  },
  {
    method: "POST",
    path: "adapters/:name/promote",
    access: "admin",
    handle: async ({ request, db, actor, params }) => {
      await body(request, z.object({}).strict());
      const flip = await flipPointer(() => promoteAdapter(db, params[0], { by: actor.email }));
      await recordAudit(db, actor, {
        action: "adapter.promote",
        targetType: "adapter",
        targetId: params[0],
        before: { active: flip.from },
        after: { active: flip.to },
      });
      return json(flip);
    },
  },
  // Overview
  {
    method: "GET",
    path: "overview",
    access: "admin",
    handle: async ({ request, db }) =>
      json({ days: await dailyActivity(db, Number(query(request).days ?? 30) || 30), kb: await knowledgeBaseStats(db) }),
  },
  // Knowledge base
  {
    method: "GET",
    path: "documents",
    access: "admin",
    handle: async ({ request, db }) => json({ documents: await listDocuments(db, { q: query(request).q }) }),
  },
  {
    method: "POST",
    path: "documents",
    access: "admin",
    handle: async ({ request, db, deps, actor }) => {
      const declared = Number(request.headers.get("content-length") ?? "0");
      if (declared > MAX_UPLOAD_BYTES)
        throw new AdminError(413, "upload_too_large", `Uploads are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB at a time.`);
      let form: FormData;
      try {
        form = await request.formData();
      } catch {
        throw new AdminError(400, "invalid_upload", "Send the files as multipart/form-data.");
      }
      const files: { name: string; bytes: Uint8Array }[] = [];
      let total = 0;
      for (const value of form.getAll("files")) {
        if (typeof value === "string") continue;
        total += value.size;
        if (total > MAX_UPLOAD_BYTES)
          throw new AdminError(413, "upload_too_large", `Uploads are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB at a time.`);
        files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
      }
      const source = typeof form.get("source") === "string" ? String(form.get("source")).slice(0, 120) : undefined;
      const unstorable = findUnstorableText({ source, files: files.map((f) => f.name) });
      if (unstorable) throw new AdminError(400, "invalid_text", unstorableTextReason(unstorable));
      return json(await uploadDocuments(db, deps.embedder(), actor, files, { source }));
    },
  },
  {
    method: "DELETE",
    path: "documents/:id",
    access: "admin",
    handle: async ({ db, actor, params }) => (await deleteDocument(db, actor, params[0]), json({ ok: true })),
  },
  {
    method: "POST",
    path: "documents/:id/reingest",
    access: "admin",
    handle: async ({ db, deps, actor, params }) => json({ report: await reingestDocument(db, deps.embedder(), actor, params[0]) }),
  },
  {
    method: "POST",
    path: "search",
    access: "admin",
    handle: async ({ request, db, deps }) => {
      const input = await body(
        request,
        z.object({ query: z.string().max(4000), mode: z.enum(["hybrid", "vector", "text"]).default("hybrid") }),
      );
      return json({ results: await searchTest(db, input.mode === "text" ? null : deps.embedder(), input.query, input.mode) });
    },
  },
  // Conversations and reviews (reviewers too)
  {
    method: "GET",
    path: "conversations",
    access: "reviewer",
    handle: async ({ request, db }) => json({ conversations: await listConversationsForReview(db, query(request)) }),
  },
  {
    method: "GET",
    path: "conversations/:id",
    access: "reviewer",
    handle: async ({ db, params }) => json(await readConversation(db, params[0])),
  },
  {
    method: "POST",
    path: "messages/:id/review",
    access: "reviewer",
    handle: async ({ request, db, actor, params }) =>
      json({
        example: await reviewAnswer(
          db,
          actor,
          params[0],
          await body(request, z.object({ verdict: z.enum(["approved", "corrected"]), answer: z.string().optional() })),
        ),
      }),
  },
  { method: "GET", path: "curated", access: "reviewer", handle: async ({ db }) => json({ examples: await listCuratedExamples(db) }) },
  // API keys
  {
    method: "GET",
    path: "keys",
    access: "admin",
    handle: async ({ db }) => {
      const keys = await listApiKeys(db);
      const to = new Date();
      const from = new Date(to.getTime() - 30 * 24 * 3600 * 1000);
      return json({ keys: await Promise.all(keys.map(async (k) => ({ ...k, usage30d: await usageSummary(db, k.id, from, to) }))) });
    },
  },
  {
    method: "POST",
    path: "keys",
    access: "admin",
    handle: async ({ request, db, actor }) => {
      const { key, info } = await createApiKey(db, await body(request, keySchema));
      await recordAudit(db, actor, { action: "key.create", targetType: "api_key", targetId: info.id, after: info });
      return json({ key, info }, { status: 201 });
    },
  },
  {
    method: "POST",
    path: "keys/:id/revoke",
    access: "admin",
    handle: async ({ db, actor, params }) => {
      const before = (await listApiKeys(db)).find((k) => k.id === params[0]);
      const after = before ? await revokeApiKey(db, before.id) : null;
      if (!before || !after) throw new AdminError(404, "not_found", "No such API key.");
      await recordAudit(db, actor, { action: "key.revoke", targetType: "api_key", targetId: after.id, before, after });
      return json({ info: after });
    },
  },
  // Widget sites
  { method: "GET", path: "sites", access: "admin", handle: async ({ db }) => json({ sites: await listWidgetSites(db) }) },
  {
    method: "POST",
    path: "sites",
    access: "admin",
    handle: async ({ request, db, actor }) => {
      const site = await createWidgetSite(db, await body(request, siteSchema));
      await recordAudit(db, actor, { action: "site.create", targetType: "widget_site", targetId: site.id, after: site });
      return json({ site }, { status: 201 });
    },
  },
  {
    method: "PATCH",
    path: "sites/:key",
    access: "admin",
    handle: async ({ request, db, actor, params }) => {
      const change = await updateWidgetSite(db, params[0], await body(request, siteSchema.partial()));
      if (!change) throw new AdminError(404, "not_found", "No such widget site.");
      await recordAudit(db, actor, {
        action: "site.update",
        targetType: "widget_site",
        targetId: params[0],
        before: change.before,
        after: change.after,
      });
      return json({ site: change.after });
    },
  },
  {
    method: "DELETE",
    path: "sites/:key",
    access: "admin",
    handle: async ({ db, actor, params }) => {
      const before = await deleteWidgetSite(db, params[0]);
      if (!before) throw new AdminError(404, "not_found", "No such widget site.");
      await recordAudit(db, actor, { action: "site.delete", targetType: "widget_site", targetId: params[0], before, after: null });
      return json({ ok: true });
    },
  },
  // Users
  { method: "GET", path: "users", access: "admin", handle: async ({ db }) => json({ users: (await listUsers(db)).map(publicUser) }) },
  {
    method: "POST",
    path: "users",
    access: "admin",
    handle: async ({ request, db, actor }) => {
      const { user, token } = await inviteUser(
        db,
        actor,
        await body(request, z.object({ email: z.string(), role: z.enum(["admin", "reviewer"]), name: z.string().optional() })),
      );
      const url = new URL(`/admin/invite/${token}`, request.url).toString();
      return json({ user: publicUser(user), inviteUrl: url }, { status: 201 });
    },
  },
  {
    method: "PATCH",
    path: "users/:id",
    access: "admin",
    handle: async ({ request, db, actor, params }) =>
      json({
        user: publicUser(
          await updateUser(
            db,
            actor,
            params[0],
            await body(request, z.object({ role: z.enum(["admin", "reviewer"]).optional(), disabled: z.boolean().optional() })),
          ),
        ),
      }),
  },
  // Audit and settings
  {
    method: "GET",
    path: "audit",
    access: "admin",
    handle: async ({ request, db }) => {
      const q = query(request);
      const date = (v?: string) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined);
      return json({
        entries: await listAudit(db, {
          actor: q.actor?.slice(0, 200),
          action: q.action?.slice(0, 100),
          targetType: q.targetType?.slice(0, 100),
          from: date(q.from),
          to: date(q.to),
        }),
      });
    },
  },
  { method: "GET", path: "settings", access: "admin", handle: async ({ db }) => json({ settings: await readSettings(db) }) },
  {
    method: "PUT",
    path: "settings",
    access: "admin",
    handle: async ({ request, db, actor }) => json({ settings: await writeSettings(db, actor, await body(request, z.unknown())) }),
  },
];

function match(route: Route, method: string, segments: string[]): string[] | undefined {
  const pattern = route.path.split("/");
  if (route.method !== method || pattern.length !== segments.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(":")) params.push(segments[i]);
    else if (pattern[i] !== segments[i]) return undefined;
  }
  return params;
}

/** The app's one error shape (AppError's, OpenAI's {error:{message,type,param,code}}), never cached. */
export function errorResponse(error: AdminError): Response {
  return new AppError(error.status, error.code, error.message).toResponse({ ...error.headers, "cache-control": "no-store" });
}

/** Handles one /api/admin request: route, session, role, CSRF, then the handler; errors as {error:{code,message}}. */
export async function handleAdminRequest(request: Request, segments: string[], deps: AdminDeps): Promise<Response> {
  try {
    if (segments.some((s) => s.length > 200 || /[\u0000-\u001f]/.test(s)))
      throw new AdminError(400, "invalid_path", "The request path is malformed.");
    const method = request.method.toUpperCase();
    let params: string[] | undefined;
    const route = ADMIN_ROUTES.find((r) => (params = match(r, method, segments)) !== undefined);
    if (!route || !params) throw new AdminError(404, "not_found", "No such admin endpoint.");
    const db = await deps.getDb();
    const ip = clientAddressOf(request) ?? "unknown";
    let session: AdminSession | undefined;
    if (route.access !== "public") {
      session = await sessionFromToken(db, tokenFromCookieHeader(request.headers.get("cookie")));
      if (!session) throw new AdminError(401, "not_signed_in", "Sign in to the admin console first.");
      if (route.access === "admin" && session.user.role !== "admin")
        throw new AdminError(403, "forbidden", "This needs the admin role; reviewers can only review conversations and feedback.");
      if (method !== "GET") checkCsrf(request, session);
    }
    const actor: Actor = { id: session?.user.id ?? null, email: session?.user.email ?? "anonymous", ip };
    return await route.handle({ request, db, deps, params, session, actor, ip });
  } catch (error) {
    if (error instanceof AdminError) return errorResponse(error);
    if (error instanceof z.ZodError) return errorResponse(new AdminError(400, "invalid_body", zodReason(error)));
    if (error instanceof KeyInputError) return errorResponse(new AdminError(400, "invalid_key", error.message));
    if (error instanceof WidgetSiteError) return errorResponse(new AdminError(error.status, error.code, error.message));
    // Anything else is ours: a logged 500 in the same shape that leaks nothing (not Next's bare text page).
    return AppError.from(error).toResponse({ "cache-control": "no-store" });
  }
}
