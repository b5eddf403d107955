// Scheduled retraining (vercel.json cron; under npm start the croner schedule in
// lib/training/schedule.ts calls the same runRetrain). Refused without Bearer CRON_SECRET.
import { getDb } from "@/lib/db";
import { hasCronSecret } from "@/lib/training/cron-auth";
import { runRetrain } from "@/lib/training/retrain";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";
export const maxDuration = 800;

export async function GET(request: Request): Promise<Response> {
  if (!hasCronSecret(request)) {
    return Response.json(
      { error: { message: "missing or wrong Authorization: Bearer CRON_SECRET", type: "unauthorized" } },
      { status: 401 },
    );
  }
  const result = await runRetrain(await getDb(), { trigger: "cron" });
  return Response.json(result, { status: result.outcome === "failed" ? 502 : 200 });
}

const wrongMethod = methodNotAllowed(["GET"]);
export { wrongMethod as POST, wrongMethod as PUT, wrongMethod as PATCH, wrongMethod as DELETE };
