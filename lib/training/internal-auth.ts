// Internal endpoints (called by the gpu-function) accept only GPU_FUNCTION_TOKEN.
import { bearerTokenMatches } from "@/gpu-function/shared/bearer";

export function hasInternalToken(request: Request, token = process.env.GPU_FUNCTION_TOKEN ?? ""): boolean {
  return bearerTokenMatches(request.headers.get("authorization"), token);
}
