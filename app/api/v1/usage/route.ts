import { getDb } from "@/lib/db";
import { handlePreflight, handleUsage } from "@/lib/partners";
import { methodNotAllowed } from "@/lib/partners/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleUsage(request, getDb);
}

export async function OPTIONS(request: Request): Promise<Response> {
  return handlePreflight(request, getDb);
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
