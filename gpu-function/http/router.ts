// Minimal HTTP routing for the gpu-function on node:http: path patterns with `:params`,
// OpenAI-shaped errors, JSON bodies with a size limit, SSE helpers. node:http rather than a
// framework so the image stays small and streaming/abort behaviour is explicit.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { bearerTokenMatches } from "../shared/bearer";
import { closeAfterUnreadBody } from "../shared/http-connection";

export interface RouteContext {
  params: Record<string, string>;
  url: URL;
  /** Parses the request body as JSON (413 over the size limit, 400 when malformed). */
  readJson(): Promise<unknown>;
}

export interface Route {
  method: string;
  /** e.g. "/v1/fine_tuning/jobs/:id" */
  pattern: string;
  /** Overrides the router's body limit (e.g. adapter uploads are larger than chat requests). */
  maxBodyBytes?: number;
  handler(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void>;
}

export interface ApiErrorOptions {
  type?: string;
  code?: string;
  param?: string;
  headers?: Record<string, string>;
}

/** An error with an HTTP status, rendered in OpenAI's `{error:{message,type,param,code}}` shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, opts: ApiErrorOptions = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.type = opts.type ?? defaultErrorType(status);
    this.code = opts.code ?? null;
    this.param = opts.param ?? null;
    this.headers = opts.headers ?? {};
  }

  toBody() {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

function defaultErrorType(status: number): string {
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status === 429) return "rate_limit_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text).toString() });
  res.end(text);
}

/** Renders any thrown value; unknown errors become a 500 without leaking internals. */
export function sendError(res: ServerResponse, err: unknown): void {
  const apiError = err instanceof ApiError ? err : new ApiError(500, "Internal server error", { code: "internal_error" });
  if (!(err instanceof ApiError)) console.error("[gpu-function] unhandled error:", err);
  if (res.headersSent) {
    // Mid-stream: the status is gone, so report in-band (SSE) and close.
    if (!res.writableEnded) {
      res.write(`data: ${JSON.stringify(apiError.toBody())}\n\n`);
      res.end();
    }
    return;
  }
  sendJson(res, apiError.status, apiError.toBody(), apiError.headers);
}

/** Validates with zod; a failure becomes a 400 that names the offending field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
  const message = issue ? `${param ? `'${param}': ` : ""}${issue.message}` : "Invalid request body";
  throw new ApiError(400, message, { param, code: "invalid_value" });
}

/**
 * How long a request body may take: a client that declares a body and then stalls (or
 * trickles it) gets a 408 in seconds instead of holding a connection and a handler.
 */
export interface BodyTiming {
  /** Longest pause between two chunks of the body. */
  idleMs: number;
  /** Whole-body budget: baseMs plus the time the body takes at minBytesPerSecond. */
  baseMs: number;
  minBytesPerSecond: number;
}

export const DEFAULT_BODY_TIMING: BodyTiming = { idleMs: 10_000, baseMs: 15_000, minBytesPerSecond: 64 * 1024 };

function bodyTimeout(message: string): ApiError {
  // `connection: close`: the rest of the body will never be read, so the connection cannot be reused.
  return new ApiError(408, message, { code: "request_timeout", headers: { connection: "close" } });
}

export function readBody(req: IncomingMessage, limitBytes: number, timing: BodyTiming = DEFAULT_BODY_TIMING): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(tooLarge(limitBytes));
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  const expected = Number.isFinite(declared) ? declared : limitBytes;
  const totalMs = timing.baseMs + (expected / timing.minBytesPerSecond) * 1000;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let idle: NodeJS.Timeout | undefined;
    const total = setTimeout(() => fail(bodyTimeout(`The request body did not arrive within ${Math.round(totalMs / 1000)} s`)), totalMs);
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => fail(bodyTimeout(`The request body stalled: no data for ${Math.round(timing.idleMs / 1000)} s`)),
        timing.idleMs,
      );
    };
    const cleanup = () => {
      clearTimeout(idle);
      clearTimeout(total);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", fail);
      req.off("aborted", onAborted);
    };
    function fail(err: unknown) {
      cleanup();
      req.pause();
      reject(err);
    }
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size > limitBytes) return fail(tooLarge(limitBytes));
      chunks.push(chunk);
      armIdle();
    }
    function onEnd() {
      cleanup();
      resolve(Buffer.concat(chunks));
    }
    function onAborted() {
      fail(new ApiError(400, "The client closed the connection before the request body was complete", { code: "request_aborted" }));
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", fail);
    req.on("aborted", onAborted);
    armIdle();
  });
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError(413, `Request body exceeds ${limitBytes} bytes`, { code: "request_too_large" });
}

async function readJsonBody(req: IncomingMessage, limitBytes: number, timing?: BodyTiming): Promise<unknown> {
  const buf = await readBody(req, limitBytes, timing);
  if (buf.length === 0) throw new ApiError(400, "Request body is empty; expected JSON", { code: "invalid_json" });
  try {
    return JSON.parse(buf.toString("utf8"));
  } catch {
    throw new ApiError(400, "Request body is not valid JSON", { code: "invalid_json" });
  }
}

/**
 * Server-sent events over a ServerResponse (OpenAI framing: `data: <json>\n\n`, then `data: [DONE]`).
 * After `coalesce(ms)`, events that come within `ms` of the last write wait and go out together
 * in one write (each still its own event, in order): a fast stream then costs one socket write
 * per interval instead of one per token. The first event after a pause is written at once.
 * `render(fn)` queues an event whose text `fn` produces when the write happens, so a producer
 * can keep adding to it (e.g. merge tokens into one delta) until then.
 */
export class SseWriter {
  /** Events waiting for the write: text, or a renderer called at write time. */
  private pending: Array<string | (() => string)> = [];
  private coalesceMs = 0;
  private lastWrite = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // The stream is the whole exchange: the socket closes right after `data: [DONE]` instead of
      // idling for the keep-alive timeout (clients that read to the end of the connection hung 5 s).
      connection: "close",
      "x-accel-buffering": "no",
    });
    res.flushHeaders();
    res.once("close", () => this.cancelTimer());
  }

  get closed(): boolean {
    return this.res.writableEnded || this.res.destroyed;
  }

  /** From now on, batch the events of each `ms` window into one write (0: write each at once); the next event goes out at once. */
  coalesce(ms: number): void {
    this.coalesceMs = ms;
    this.lastWrite = -Infinity;
  }

  data(payload: unknown): void {
    if (!this.closed) this.send(`data: ${JSON.stringify(payload)}\n\n`);
  }

  /** Queues an event whose whole text (`data: …\n\n`) `frame` returns when it is written. */
  render(frame: () => string): void {
    if (!this.closed) this.send(frame);
  }

  comment(text: string): void {
    if (!this.closed) this.send(`: ${text}\n\n`);
  }

  done(): void {
    if (this.closed) return;
    this.pending.push("data: [DONE]\n\n");
    this.flush();
    this.res.end();
  }

  private send(event: string | (() => string)): void {
    this.pending.push(event);
    if (this.timer) return;
    const wait = this.lastWrite + this.coalesceMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.cancelTimer();
    if (this.pending.length > 0 && !this.closed) {
      let text = "";
      for (const e of this.pending) text += typeof e === "string" ? e : e();
      this.res.write(text);
      this.lastWrite = performance.now();
    }
    this.pending = [];
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Aborts when the client goes away before the response finished (disconnect stops generation). */
export function clientAbortSignal(req: IncomingMessage, res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort(new Error("client disconnected"));
  };
  res.on("close", onClose);
  req.on("aborted", onClose);
  return controller.signal;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

export function matchPattern(patternSegments: string[], pathSegments: string[]): Record<string, string> | null {
  if (patternSegments.length !== pathSegments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternSegments.length; i++) {
    const p = patternSegments[i]!;
    const s = pathSegments[i]!;
    if (p.startsWith(":")) {
      let value: string;
      try {
        value = decodeURIComponent(s);
      } catch {
        return null;
      }
      params[p.slice(1)] = value;
    } else if (p !== s) return null;
  }
  return params;
}

export interface RouterOptions {
  maxBodyBytes: number;
  /** Deadlines for reading request bodies (default DEFAULT_BODY_TIMING). */
  bodyTiming?: BodyTiming;
  /** Returns true when the request may proceed; routes listed in `publicPaths` skip it. */
  authorize?: (req: IncomingMessage) => boolean;
  publicPaths?: string[];
  /** Called once per finished response (access log, metrics). */
  onResponse?: (info: { method: string; path: string; status: number; ms: number }) => void;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export function createRouter(routes: Route[], opts: RouterOptions): RequestListener {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, segments: splitPath(route.pattern) }));
  const publicPaths = new Set(opts.publicPaths ?? []);

  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (opts.onResponse) {
      const started = performance.now();
      res.once("close", () =>
        opts.onResponse!({ method: req.method ?? "GET", path: url.pathname, status: res.statusCode, ms: performance.now() - started }),
      );
    }
    const run = async () => {
      if (opts.authorize && !publicPaths.has(url.pathname) && !opts.authorize(req)) {
        throw new ApiError(401, "Missing or invalid bearer token", {
          type: "invalid_request_error",
          code: "invalid_api_key",
          headers: { "www-authenticate": "Bearer" },
        });
      }
      const pathSegments = splitPath(url.pathname);
      let pathMatched = false;
      for (const { route, segments } of compiled) {
        const params = matchPattern(segments, pathSegments);
        if (!params) continue;
        pathMatched = true;
        if (route.method.toUpperCase() !== (req.method ?? "GET").toUpperCase()) continue;
        let bodyPromise: Promise<unknown> | null = null;
        const ctx: RouteContext = {
          params,
          url,
          readJson: () => (bodyPromise ??= readJsonBody(req, route.maxBodyBytes ?? opts.maxBodyBytes, opts.bodyTiming)),
        };
        await route.handler(req, res, ctx);
        return;
      }
      if (pathMatched) throw new ApiError(405, `Method ${req.method} not allowed on ${url.pathname}`, { code: "method_not_allowed" });
      throw new ApiError(404, `No route for ${req.method} ${url.pathname}`, { code: "not_found" });
    };
    run().catch((err: unknown) => {
      // A refusal before the body was read (401, 404, 413…): the client's unread rest is not waited for.
      closeAfterUnreadBody(req, res);
      sendError(res, err);
    });
  };
}

/** Constant-time bearer token check. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  return bearerTokenMatches(req.headers.authorization, token);
}
