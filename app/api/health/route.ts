import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Liveness of the app and its database (used by `npm start` and the e2e setup). */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new AppError(503, "database_unavailable", `The database is not reachable: ${reason}`, { extra: { ok: false } }).toResponse();
  }
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
