// The environment with the admin console's settings applied, for the chat routes and pages.
import { getDb } from "@/lib/db";
import { envWithSettings, readSettings } from "./settings";

export async function effectiveEnv(): Promise<NodeJS.ProcessEnv> {
  try {
    return envWithSettings(await readSettings(await getDb()));
  } catch {
    // Settings unreadable (e.g. database down): the environment alone still works.
    return process.env;
  }
}
