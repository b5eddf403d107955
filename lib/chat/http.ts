// HTTP plumbing shared by the chat routes: JSON errors with a reason, bounded body
// reading, the visitor cookie.
import { ZodError } from "zod";
import { newVisitorId, visitorIdFromCookieHeader, visitorSetCookieHeader } from "./visitor";

export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}

export function zodReason(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body of at most `maxBytes` (413 beyond, 400 when not JSON). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new BodyError(413, "body_too_large", `The request body is ${declared} bytes; the limit is ${maxBytes}.`);
  }
  const reader = request.body?.getReader();
  if (!reader) throw new BodyError(400, "empty_body", "The request has no body.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyError(413, "body_too_large", `The request body exceeds ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new BodyError(400, "empty_body", "The request has no body.");
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, "invalid_json", "The request body is not valid JSON.");
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
