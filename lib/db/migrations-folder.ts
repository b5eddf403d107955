// Where the committed SQL migrations are (drizzle/, or MEDCHAT_MIGRATIONS_DIR). Apart from
// migrate.ts so the embedded server can migrate without importing the client (no cycle).
import path from "node:path";

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDCHAT_MIGRATIONS_DIR || path.join(process.cwd(), "drizzle"));
}
