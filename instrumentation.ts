// Runs once when the Next.js server starts: opens and migrates the database, then
// ingests the starter knowledge base in the background (idempotent) so a fresh
// install answers with sources. Never blocks or fails the start-up.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Client addresses from the socket and a deadline for request bodies (lib/http/server-guard.ts).
  const { installServerGuard } = await import("@/lib/http/server-guard");
  installServerGuard();
  const { getDb } = await import("@/lib/db");
  try {
    await getDb();
  } catch (error) {
    console.error("[medchat] database start-up failed:", error);
    return;
  }
  try {
    const { ensureFirstAdmin } = await import("@/lib/admin/users");
    const outcome = await ensureFirstAdmin(await getDb());
    const url = `http://${process.env.MEDCHAT_HOST || "127.0.0.1"}:${process.env.PORT || "3000"}/admin`;
    if (outcome === "created") console.log(`[medchat] admin console: sign in at ${url} as ${process.env.ADMIN_EMAIL} (ADMIN_PASSWORD)`);
    else if (outcome === "missing_env")
      console.log(
        `[medchat] admin console: no admin yet — set ADMIN_EMAIL and ADMIN_PASSWORD (12+ characters) and restart, then sign in at ${url}`,
      );
    else if (outcome === "invalid_env")
      console.error("[medchat] admin console: ADMIN_EMAIL must be an email address and ADMIN_PASSWORD at least 12 characters");
  } catch (error) {
    console.error("[medchat] admin start-up failed:", error instanceof Error ? error.message : error);
  }
  if (process.env.RETRAIN_CRON) {
    try {
      const { startRetrainSchedule } = await import("@/lib/training/schedule");
      const job = startRetrainSchedule(process.env.RETRAIN_CRON, getDb);
      console.log(
        `[medchat] retraining scheduled (RETRAIN_CRON=${process.env.RETRAIN_CRON}), next run ${job.nextRun()?.toISOString() ?? "never"}`,
      );
    } catch (error) {
      console.error("[medchat] RETRAIN_CRON is not a valid cron pattern:", error instanceof Error ? error.message : error);
    }
  }
  // Retraining runs this app left unfinished (a restart mid-run) are resumed from their gpu job
  // once their heartbeat is stale (or failed with the reason when no job was sent yet).
  const recoverRetrainRuns = async () => {
    try {
      const { recoverRuns } = await import("@/lib/training/retrain");
      const resumed = await recoverRuns(await getDb());
      if (resumed.length) console.log(`[medchat] resumed retraining run(s) ${resumed.join(", ")}`);
    } catch (error) {
      console.error("[medchat] retraining recovery failed:", error instanceof Error ? error.message : error);
    }
  };
  void recoverRetrainRuns();
  setTimeout(() => void recoverRetrainRuns(), 75_000).unref();
  if (process.env.MEDCHAT_STARTER_KB === "off") return;
  void (async () => {
    try {
      const db = await getDb();
      const { appEmbedder } = await import("@/lib/chat/app-deps");
      const { ensureStarterKnowledgeBase } = await import("@/lib/rag/starter");
      const report = await ensureStarterKnowledgeBase(db, appEmbedder());
      console.log(`[medchat] starter knowledge base ready: ${JSON.stringify(summary(report))}`);
    } catch (error) {
      console.error("[medchat] starter knowledge base ingestion failed:", error instanceof Error ? error.message : error);
    }
  })();
}

function summary(report: unknown): unknown {
  if (!report || typeof report !== "object") return report;
  const r = report as Record<string, unknown>;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.length : v]));
}
