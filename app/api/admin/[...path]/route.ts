// /api/admin/* — the admin console's API (lib/admin/api.ts holds the route table).
import { appEmbedder, getDb } from "@/lib/chat/app-deps";
import { handleAdminRequest } from "@/lib/admin/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

type Params = { params: Promise<{ path: string[] }> };
const handle = async (request: Request, { params }: Params) =>
  handleAdminRequest(request, (await params).path, { getDb, embedder: appEmbedder });

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const PUT = handle;
export const DELETE = handle;
