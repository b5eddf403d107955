// Hostile-but-fair input against a running MedChat (app and gpu-function): every route ×
// malformed JSON, wrong types, huge bodies, deep nesting, lone surrogates, NUL, bad UTF-8,
// wrong content types, wrong methods, undecodable paths, missing and invalid auth. Every answer
// must be a 4xx/2xx in bounded time, with a JSON error body from the app's API routes; a 5xx, a
// hang or a non-JSON API error is a finding, and the exit code is the number of findings.
// Nothing destructive: no route that deletes, promotes, rolls back or starts training is sent a
// body it could accept (ids in paths are made up), so it can run against a real instance.
//
//   npm run probe:bad-input -- [--app http://127.0.0.1:3000] [--gpu http://127.0.0.1:8000]
//       [--key mk_live_…] [--gpu-token …] [--admin-email … --admin-password …] [--site ws_…]
//       [--limit-ms 15000] [--only <substring>] [--quick]
// Slow clients (stalled or trickled bodies) are covered by lib/http/client-address.test.ts,
// gpu-function/server-hardening.test.ts and e2e/hardening.spec.ts.
import http from "node:http";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    app: { type: "string", default: "http://127.0.0.1:3000" },
    gpu: { type: "string", default: "http://127.0.0.1:8000" },
    key: { type: "string" },
    "gpu-token": { type: "string" },
    "admin-email": { type: "string" },
    "admin-password": { type: "string" },
    site: { type: "string", default: "ws_probe_unknown_site_key" },
    "limit-ms": { type: "string", default: "15000" },
    only: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});
const LIMIT_MS = Number(args["limit-ms"]);

interface Answer {
  status: number | string;
  contentType: string;
  body: string;
  ms: number;
}

function send(base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const started = Date.now();
    const all: Record<string, string> = { connection: "close", ...headers };
    if (body) all["content-length"] = String(body.length);
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: all, timeout: LIMIT_MS + 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= 4_000) chunks.push(c);
        else res.destroy();
      });
      const done = () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8").slice(0, 300),
          ms: Date.now() - started,
        });
      res.on("end", done);
      res.on("close", done);
    });
    req.on("timeout", () => {
      req.destroy();
      resolve({ status: "HANG", contentType: "", body: "", ms: Date.now() - started });
    });
    // A server may answer (e.g. 401, 413) and close before a large body is written: that is fine.
    req.on("error", (e: NodeJS.ErrnoException) =>
      resolve({ status: /EPIPE|ECONNRESET/.test(e.code ?? "") ? "EARLY_CLOSE" : `ERR ${e.code}`, contentType: "", body: "", ms: 0 }),
    );
    if (body) req.write(body);
    req.end();
  });
}

const text = (s: string) => Buffer.from(s, "utf8");
const FIELDS = ["id", "model", "input", "query", "name", "email", "messageId", "comment", "filename", "token", "password"];
const everyField = (value: string) =>
  `{${FIELDS.map((f) => `"${f}":"${value}"`).join(",")},"messages":[{"role":"user","content":"${value}"}],"message":{"id":"${value}","role":"user","parts":[{"type":"text","text":"${value}"}]},"consent":true,"rating":"up","allowedOrigins":["https://${value}.example"]}`;
const BODIES: Record<string, () => Buffer> = {
  empty: () => text(""),
  brokenJson: () => text('{"a":'),
  null: () => text("null"),
  array: () => text("[]"),
  number: () => text("123"),
  wrongTypes: () =>
    text(
      JSON.stringify({
        id: 5,
        message: 7,
        messages: "x",
        model: 3,
        consent: "yes",
        rating: 9,
        messageId: [],
        query: {},
        stream: "yes",
        input: 5,
        email: 1,
        password: 2,
        name: {},
        allowedOrigins: "x",
        scopes: 5,
      }),
    ),
  loneSurrogate: () => text(everyField("\\ud800x")),
  nul: () => text(everyField("a\\u0000b")),
  rawNul: () => Buffer.from('{"a":"\u0000"}\u0000'),
  badUtf8: () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
  bom: () => text("\ufeff{}"),
  deepNest: () => text("[".repeat(100_000) + "]".repeat(100_000)),
  hugeString: () =>
    text(
      JSON.stringify({
        messages: [{ role: "user", content: "a".repeat(3_000_000) }],
        model: "medchat",
        input: "a".repeat(3_000_000),
        query: "a".repeat(3_000_000),
      }),
    ),
  huge: () => Buffer.alloc(12 * 1024 * 1024, "a"),
  manyItems: () =>
    text(
      JSON.stringify({
        model: "medchat",
        messages: Array.from({ length: 20_000 }, () => ({ role: "user", content: "hi" })),
        input: Array.from({ length: 20_000 }, () => "hi"),
      }),
    ),
  protoPollution: () => text('{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}'),
  bigNumbers: () =>
    text(
      JSON.stringify({
        model: "medchat",
        messages: [{ role: "user", content: "hi" }],
        max_tokens: 1e300,
        temperature: -1e308,
        n: 1e9,
        top_p: "NaN",
        limit: 1e20,
        k: -5,
      }),
    ),
};
const QUICK_BODIES = ["brokenJson", "wrongTypes", "loneSurrogate", "nul", "huge"];
const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=",
  "application/json; charset=utf-16",
];
const WRONG_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

type Auth = "none" | "badKey" | "key" | "gpu" | "admin" | "widget" | "badCookie";
interface Target {
  base: "app" | "gpu";
  method: string;
  path: string;
  auths: Auth[];
  /** Only bodies no handler accepts (a route that changes state when a body is valid). */
  badBodiesOnly?: boolean;
  /** Not probed with other methods (one of them would act: DELETE of a real resource …). */
  noWrongMethods?: boolean;
}

let admin: { cookie: string; csrf: string } | undefined;

function headersFor(auth: Auth): Record<string, string> {
  const appOrigin = new URL(args.app).origin;
  switch (auth) {
    case "key":
      return args.key ? { authorization: `Bearer ${args.key}` } : {};
    case "badKey":
      return { authorization: "Bearer mk_live_\u00ff\u00fe" };
    case "gpu":
      return args["gpu-token"] ? { authorization: `Bearer ${args["gpu-token"]}` } : {};
    case "admin":
      return admin ? { cookie: admin.cookie, "x-csrf-token": admin.csrf, origin: appOrigin } : {};
    case "widget":
      return {
        "x-medchat-widget-site": args.site!,
        "x-medchat-widget-origin": "https://host.example",
        "x-medchat-widget-visitor": "v".repeat(40),
        origin: appOrigin,
      };
    case "badCookie":
      return { cookie: "medchat_vid=%ZZ\u00ff; medchat_admin=\u00ff" };
    default:
      return {};
  }
}

const site = args.site!;
const TARGETS: Target[] = [
  { base: "app", method: "POST", path: "/api/chat", auths: ["none", "badCookie", "widget"] },
  { base: "app", method: "GET", path: "/api/conversations", auths: ["none", "badCookie", "widget"] },
  { base: "app", method: "GET", path: "/api/conversations/probe-unknown-id", auths: ["none", "widget"] },
  { base: "app", method: "GET", path: "/api/conversations?cursor=%ZZ&limit=-1", auths: ["none"] },
  { base: "app", method: "POST", path: "/api/feedback", auths: ["none", "widget"] },
  { base: "app", method: "GET", path: "/api/health", auths: ["none"] },
  { base: "app", method: "GET", path: "/api/internal/adapters/active", auths: ["none", "badKey"] },
  { base: "app", method: "GET", path: "/api/cron/retrain", auths: ["none", "badKey"] },
  { base: "app", method: "POST", path: "/api/v1/chat/completions", auths: ["none", "badKey", "key"] },
  { base: "app", method: "GET", path: "/api/v1/models", auths: ["none", "badKey", "key"] },
  { base: "app", method: "GET", path: "/api/v1/models/medchat", auths: ["key"] },
  { base: "app", method: "GET", path: "/api/v1/usage?from=%ZZ&to=%ED%A0%80", auths: ["key"] },
  { base: "app", method: "GET", path: "/api/v1/usage?from=99999999999999999&to=-1", auths: ["key"] },
  { base: "app", method: "GET", path: "/api/v1/usage?from=2026-02-31&to=1999-01-01", auths: ["key"] },
  { base: "app", method: "GET", path: "/api/v1/openapi.json", auths: ["none"] },
  { base: "app", method: "POST", path: "/api/v1/embeddings", auths: ["key"] },
  { base: "app", method: "GET", path: `/api/widget/sites/${site}`, auths: ["none"] },
  { base: "app", method: "GET", path: "/api/widget/sites/%00", auths: ["none"] },
  { base: "app", method: "POST", path: "/api/admin/login", auths: ["none"], badBodiesOnly: true },
  { base: "app", method: "POST", path: "/api/admin/invitations/accept", auths: ["none"], badBodiesOnly: true },
  { base: "app", method: "GET", path: "/api/admin/session", auths: ["none", "admin"], noWrongMethods: true },
  { base: "app", method: "POST", path: "/api/admin/documents", auths: ["admin"], badBodiesOnly: true },
  { base: "app", method: "POST", path: "/api/admin/search", auths: ["admin"] },
  { base: "app", method: "POST", path: "/api/admin/keys", auths: ["admin"], badBodiesOnly: true },
  { base: "app", method: "POST", path: "/api/admin/sites", auths: ["admin"], badBodiesOnly: true },
  { base: "app", method: "PATCH", path: "/api/admin/sites/ws_probe_unknown_site_key", auths: ["admin"] },
  { base: "app", method: "POST", path: "/api/admin/users", auths: ["admin"], badBodiesOnly: true },
  { base: "app", method: "PATCH", path: "/api/admin/users/probe-unknown-user", auths: ["admin"] },
  { base: "app", method: "PUT", path: "/api/admin/settings", auths: ["admin"], badBodiesOnly: true },
  { base: "app", method: "POST", path: "/api/admin/training/uploads", auths: ["admin"], badBodiesOnly: true },
  { base: "app", method: "POST", path: "/api/admin/messages/probe-unknown-message/review", auths: ["admin"] },
  { base: "app", method: "GET", path: "/api/admin/conversations?surface=%ZZ&from=x&to=%ED%A0%80&rating=9", auths: ["admin"] },
  { base: "app", method: "GET", path: "/api/admin/audit?limit=-1&before=x", auths: ["admin"] },
  { base: "app", method: "GET", path: "/api/admin/training/runs/%00", auths: ["admin"] },
  { base: "app", method: "DELETE", path: "/api/admin/documents/%ED%A0%80", auths: ["admin"] },
  { base: "gpu", method: "GET", path: "/v1/models", auths: ["none", "gpu"] },
  { base: "gpu", method: "POST", path: "/v1/adapters", auths: ["none", "gpu"], badBodiesOnly: true },
  { base: "gpu", method: "DELETE", path: "/v1/adapters/probe-unknown-adapter", auths: ["none", "gpu"] },
  { base: "gpu", method: "GET", path: "/healthz", auths: ["none"] },
  { base: "gpu", method: "GET", path: "/metrics", auths: ["none", "gpu"] },
  { base: "gpu", method: "POST", path: "/v1/chat/completions", auths: ["none", "gpu"] },
  { base: "gpu", method: "POST", path: "/v1/embeddings", auths: ["none", "gpu"] },
  { base: "gpu", method: "POST", path: "/v1/perplexity", auths: ["none", "gpu"] },
  { base: "gpu", method: "POST", path: "/v1/rerank", auths: ["none", "gpu"] },
  { base: "gpu", method: "POST", path: "/v1/fine_tuning/jobs", auths: ["none", "gpu"], badBodiesOnly: true },
  { base: "gpu", method: "GET", path: "/v1/fine_tuning/jobs/%ZZ", auths: ["none", "gpu"] },
  { base: "gpu", method: "POST", path: "/v1/fine_tuning/jobs/probe-unknown-job/cancel", auths: ["none", "gpu"] },
  { base: "gpu", method: "GET", path: "/v1/fine_tuning/jobs/probe-unknown-job/events?limit=%ZZ&after=%ED%A0%80", auths: ["none", "gpu"] },
];
const PATHS = [
  "/%ZZ",
  "/c/%ZZ",
  "/c/%00",
  `/c/${"a".repeat(5000)}`,
  "/admin/invite/%ZZ",
  "/admin/invite/%ED%A0%80",
  "/embed?site=%ZZ&origin=%00",
  `/embed?site=${"x".repeat(9000)}`,
  "/api/v1/%ZZ",
  "/api/admin/%ZZ",
  `/api/admin/${"a/".repeat(300)}`,
  "/widget.js?%ZZ",
  "/_next/%ZZ",
  "/api/chat/%ZZ",
  `/${"%".repeat(10)}`,
  "/..%2f..%2fetc/passwd",
];
// Bodies a state-changing route could accept: sent only where badBodiesOnly is not set.
const MAYBE_ACCEPTED = new Set(["empty", "null", "array", "number", "protoPollution", "bigNumbers"]);

const findings: string[] = [];
let requests = 0;
async function probe(target: Target, method: string, auth: Auth, bodyName: string | null, contentType: string | null): Promise<void> {
  const label = `${target.base} ${method} ${target.path.slice(0, 90)} auth=${auth} body=${bodyName ?? "none"} type=${contentType ?? "none"}`;
  if (args.only && !label.includes(args.only)) return;
  const headers = headersFor(auth);
  if (contentType) headers["content-type"] = contentType;
  const answer = await send(
    target.base === "app" ? args.app : args.gpu,
    method,
    target.path,
    headers,
    bodyName ? BODIES[bodyName]!() : undefined,
  );
  requests++;
  const apiPath = target.base === "gpu" || target.path.startsWith("/api/");
  const problems: string[] = [];
  if (typeof answer.status === "string" && answer.status !== "EARLY_CLOSE") problems.push(answer.status);
  if (typeof answer.status === "number" && answer.status >= 500) problems.push(`${answer.status}`);
  if (answer.ms > LIMIT_MS) problems.push(`slow ${answer.ms} ms`);
  if (apiPath && method !== "HEAD" && typeof answer.status === "number" && answer.status >= 400 && !/json/.test(answer.contentType))
    problems.push(`${answer.status} without a JSON reason`);
  if (problems.length > 0) {
    const line = `${problems.join(", ")}: ${label} :: ${answer.body.replace(/\s+/g, " ").slice(0, 160)}`;
    findings.push(line);
    console.log(`FINDING ${line}`);
  }
}

async function signIn(): Promise<void> {
  if (!args["admin-email"] || !args["admin-password"]) return;
  const res = await fetch(new URL("/api/admin/login", args.app), {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(args.app).origin },
    body: JSON.stringify({ email: args["admin-email"], password: args["admin-password"] }),
  });
  if (!res.ok) throw new Error(`admin sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(/,(?=\s*medchat_)/).find((c) => c.trim().startsWith("medchat_admin="));
  admin = { cookie: cookie!.split(";")[0]!.trim(), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function main(): Promise<void> {
  await signIn();
  const bodyNames = args.quick ? QUICK_BODIES : Object.keys(BODIES);
  for (const target of TARGETS) {
    for (const auth of target.auths) {
      if ((auth === "admin" && !admin) || (auth === "key" && !args.key) || (auth === "gpu" && !args["gpu-token"])) continue;
      const takesBody = target.method !== "GET" && target.method !== "DELETE";
      if (!takesBody) await probe(target, target.method, auth, null, null);
      else {
        for (const name of bodyNames) {
          if (target.badBodiesOnly && MAYBE_ACCEPTED.has(name)) continue;
          await probe(target, target.method, auth, name, "application/json");
        }
        for (const type of CONTENT_TYPES) await probe(target, target.method, auth, "wrongTypes", type);
      }
      if (target.noWrongMethods) continue;
      for (const method of WRONG_METHODS) {
        if (method === target.method) continue;
        const withBody = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
        // Another method of the same path may act on it (DELETE a made-up id is fine; a real one is never named).
        await probe(target, method, auth, withBody ? "wrongTypes" : null, withBody ? "application/json" : null);
      }
    }
  }
  for (const path of PATHS)
    for (const method of ["GET", "POST"]) await probe({ base: "app", method, path, auths: ["none"] }, method, "none", null, null);
  console.log(`\n${requests} requests, ${findings.length} findings`);
  process.exitCode = Math.min(findings.length, 100);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 101;
});
