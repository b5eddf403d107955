// HTTP plumbing shared by the chat routes: bounded body reading with a deadline, the
// visitor cookie. Errors are AppError (lib/http/app-error.ts), the app's one error type.
import { AppError, zodReason } from "@/lib/http/app-error";
import { newVisitorId, visitorIdFromCookieHeader, visitorSetCookieHeader } from "./visitor";

export { zodReason };

/** An error response in the app's one shape (AppError's). */
export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return new AppError(status, code, message).toResponse(headers);
}

/** @deprecated Body errors are AppErrors now; kept so code written against the old name still type-checks. */
export const BodyError = AppError;
/** @deprecated see BodyError. */
export type BodyError = AppError;

/** A body that stalls this long between chunks is refused with 408 (a declared-but-unsent body must not hold a handler). */
export const BODY_IDLE_TIMEOUT_MS = 10_000;

async function readWithDeadline(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(408, "request_timeout", `The request body stalled: no data for ${Math.round(ms / 1000)} s.`, {
            headers: { connection: "close" },
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a JSON body of at most `maxBytes` (413 beyond, 400 when not JSON, 408 when it stalls). */
export async function readJsonBody(request: Request, maxBytes: number, idleMs = BODY_IDLE_TIMEOUT_MS): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError(413, "body_too_large", `The request body is ${declared} bytes; the limit is ${maxBytes}.`);
  }
  const reader = request.body?.getReader();
  if (!reader) throw new AppError(400, "empty_body", "The request has no body.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await readWithDeadline(reader, idleMs);
    } catch (error) {
      await reader.cancel().catch(() => {});
      throw error;
    }
    if (result.done) break;
    size += result.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError(413, "body_too_large", `The request body exceeds ${maxBytes} bytes.`);
    }
    chunks.push(result.value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError(400, "empty_body", "The request has no body.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/** The visitor id from the cookie, or a new one with the Set-Cookie header to send back. */
export function visitorFrom(request: Request): { visitorId: string; setCookie?: string } {
  const existing = visitorIdFromCookieHeader(request.headers.get("cookie"));
  if (existing) return { visitorId: existing };
  const visitorId = newVisitorId();
  const secure = new URL(request.url).protocol === "https:";
  return { visitorId, setCookie: visitorSetCookieHeader(visitorId, secure) };
}
