// Installed once by instrumentation.ts in the Next.js Node server (`next start`, `npm start`):
// it sees every request at the socket, before Next.js, whose route handlers get no socket.
// - It stamps the TCP peer address into a header that only this process can produce (it
//   carries a per-process secret and any client-sent copy is dropped), so client addresses
//   come from the socket and from X-Forwarded-For only as far as TRUSTED_PROXIES says.
// - It answers a request whose declared body stalls with a 408 within seconds: Next.js
//   buffers a body for proxy.ts before any route handler runs, so without this a client that
//   declares Content-Length: 99999999 and sends 9 bytes holds the request for Node's 300 s.
//   A body trickled a byte every few seconds is not idle: it gets the 408 when it has taken
//   longer than a budget its bytes earn (15 s plus the time they take at 16 KB/s).
// - It answers what Node's HTTP parser refuses (a bad Content-Length, oversized headers, a
//   line that is not HTTP) with a JSON reason instead of Node's empty 400, like the gpu-function.
// - A client that hangs up before its request body arrived is not a server error: Next.js
//   printed Node's "Error: aborted" (ECONNRESET) for each one; that one error is not logged.
// On a platform without this Node server (e.g. Vercel functions) nothing is installed: the
// peer is then unknown and the platform's own proxy must be counted in TRUSTED_PROXIES.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Duplex } from "node:stream";
import { answerClientError } from "@/gpu-function/shared/http-connection";

export const PEER_HEADER = "x-medchat-peer";
const STATE_KEY = Symbol.for("medchat.server-guard");

interface GuardState {
  token: string;
  idleMs: number;
  budget: BodyBudget;
}

/** Whole-body time budget: baseMs plus the time the bytes received so far take at minBytesPerSecond. */
export interface BodyBudget {
  baseMs: number;
  minBytesPerSecond: number;
}

export const DEFAULT_BODY_BUDGET: BodyBudget = { baseMs: 15_000, minBytesPerSecond: 16 * 1024 };

type GlobalWithGuard = typeof globalThis & { [STATE_KEY]?: GuardState };

/** BODY_IDLE_TIMEOUT_MS: longest pause while a request body arrives before the 408 (default 10 s). */
export function bodyIdleTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BODY_IDLE_TIMEOUT_MS);
  return Number.isFinite(n) && n >= 100 ? n : 10_000;
}

export function installServerGuard(opts: { idleMs?: number; budget?: BodyBudget } = {}): void {
  const g = globalThis as GlobalWithGuard;
  if (g[STATE_KEY]) return;
  const state: GuardState = {
    token: randomBytes(18).toString("base64url"),
    idleMs: opts.idleMs ?? bodyIdleTimeoutMs(),
    budget: opts.budget ?? DEFAULT_BODY_BUDGET,
  };
  g[STATE_KEY] = state;
  quietClientAborts();
  const emit = http.Server.prototype.emit;
  // Every http.Server in this process emits "request" through here (Next.js creates its own).
  http.Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") guardRequest(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, state);
    // Node answers a parser error itself (an empty 400) only when nobody listens; Next.js does not.
    if (event === "clientError" && this.listenerCount("clientError") === 0) {
      answerClientError(args[0] as Error, args[1] as Duplex);
      return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** Node's error for a request whose client hung up before its body was complete. */
export function isClientAbort(error: unknown): boolean {
  return error instanceof Error && error.message === "aborted" && (error as NodeJS.ErrnoException).code === "ECONNRESET";
}

/** `log` without the lone client-abort error Next.js prints for a request whose client hung up. */
export function withoutClientAborts(log: (...args: unknown[]) => void): (...args: unknown[]) => void {
  return (...args) => {
    if (args.length === 1 && isClientAbort(args[0])) return;
    log(...args);
  };
}

function quietClientAborts(): void {
  console.error = withoutClientAborts(console.error.bind(console));
}

function guardRequest(req: http.IncomingMessage, res: http.ServerResponse, state: GuardState): void {
  delete req.headers[PEER_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_HEADER] = `${state.token} ${peer}`;
  watchBody(req, res, state.idleMs, state.budget);
}

/**
 * Watches the socket, not the body stream (listening for "data" would start the flow before
 * Next.js reads it): no new bytes for `idleMs` while the body is incomplete and not held
 * back by a full buffer means the client stalled.
 */
function watchBody(req: http.IncomingMessage, res: http.ServerResponse, idleMs: number, budget: BodyBudget): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  const hasBody = declared > 0 || req.headers["transfer-encoding"] !== undefined;
  if (!hasBody || req.complete) return;
  const socket = req.socket;
  const started = Date.now();
  const startBytes = socket.bytesRead;
  let lastBytes = socket.bytesRead;
  let lastProgress = started;
  const timer = setInterval(
    () => {
      if (req.complete || res.writableEnded || socket.destroyed) return clearInterval(timer);
      const now = Date.now();
      // Earned by bytes received, not declared: a trickler cannot buy time with a large Content-Length.
      const budgetMs = budget.baseMs + ((socket.bytesRead - startBytes) / budget.minBytesPerSecond) * 1000;
      const backpressured = req.readableLength >= req.readableHighWaterMark;
      if (!backpressured && now - started > budgetMs) {
        clearInterval(timer);
        return refuseBody(res, `The request body did not arrive within ${Math.round(budgetMs / 1000)} s.`);
      }
      if (socket.bytesRead !== lastBytes || backpressured) {
        lastBytes = socket.bytesRead;
        lastProgress = now;
        return;
      }
      if (now - lastProgress < idleMs) return;
      clearInterval(timer);
      refuseBody(res, `The request body stalled: no data for ${Math.round(idleMs / 1000)} s.`);
    },
    Math.max(50, Math.min(1_000, idleMs / 4)),
  );
  timer.unref();
  res.once("close", () => clearInterval(timer));
}

function refuseBody(res: http.ServerResponse, message: string): void {
  if (!res.headersSent) {
    const body = JSON.stringify({
      error: {
        message,
        type: "invalid_request_error",
        param: null,
        code: "request_timeout",
      },
    });
    res.writeHead(408, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" });
    res.end(body);
  }
  // The rest of the body will never be read: the connection cannot be reused.
  res.socket?.destroySoon();
}

/** The TCP peer address stamped by the guard; null when no guard saw this request (or the header is forged). */
export function peerAddressOf(request: Request): string | null {
  const state = (globalThis as GlobalWithGuard)[STATE_KEY];
  const value = request.headers.get(PEER_HEADER);
  if (!state || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== state.token) return null;
  return value.slice(space + 1) || null;
}
