import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { findActiveAdapter } from "@/lib/training/active-adapter";
import { hasInternalToken } from "@/lib/training/internal-auth";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The promoted adapter for the gpu-function to load at start-up; 204 when none is active. */
export async function GET(request: Request): Promise<Response> {
  if (!hasInternalToken(request)) return new AppError(401, "unauthorized", "A valid internal bearer token is required.").toResponse();
  const adapter = await findActiveAdapter(await getDb());
  return adapter ? Response.json(adapter) : new Response(null, { status: 204 });
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
