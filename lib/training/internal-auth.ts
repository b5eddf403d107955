// Internal endpoints (called by the gpu-function) accept only GPU_FUNCTION_TOKEN.
import { timingSafeEqual } from "node:crypto";

export function hasInternalToken(request: Request, token = process.env.GPU_FUNCTION_TOKEN ?? ""): boolean {
  if (!token) return false;
  const header = request.headers.get("authorization") ?? "";
  const given = Buffer.from(header.replace(/^Bearer\s+/i, ""));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
