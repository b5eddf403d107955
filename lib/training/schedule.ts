// Under `npm start` (a long-lived server), RETRAIN_CRON schedules the same runRetrain the
// Vercel cron route calls. croner's `protect` skips a tick while the previous one runs in
// this process; the database's single-flight index covers other instances.
import { Cron } from "croner";
import type { Db } from "@/lib/db";
import { runRetrain } from "./retrain";

export function startRetrainSchedule(pattern: string, getDb: () => Promise<Db>, log: (line: string) => void = console.log): Cron {
  return new Cron(
    pattern,
    { protect: true, catch: (err) => log(`[medchat] retrain failed: ${err instanceof Error ? err.message : String(err)}`) },
    async () => {
      const result = await runRetrain(await getDb(), { trigger: "cron" });
      log(`[medchat] scheduled retrain: ${result.outcome} — ${result.reason}`);
    },
  );
}
