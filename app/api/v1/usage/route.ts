import { getDb } from "@/lib/db";
import { handlePreflight, handleUsage } from "@/lib/partners";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleUsage(request, getDb);
}

export async function OPTIONS(request: Request): Promise<Response> {
  return handlePreflight(request, getDb);
}
