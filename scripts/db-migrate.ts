// `npm run db:migrate`: the release step that applies drizzle/ to DATABASE_URL (Neon,
// any Postgres with pgvector) or to the embedded data folder. Holds a Postgres advisory
// lock, so concurrent runs (several deploys, several instances) wait for each other and
// the schema is applied once. The Vercel build runs it before `next build`.
import { openDatabaseForCli } from "@/lib/db/cli";
import { schemaStatus } from "@/lib/db/migrate";

async function main(): Promise<void> {
  const handle = await openDatabaseForCli("npm run db:migrate");
  try {
    const status = await schemaStatus(handle);
    const where = handle.embedded ? handle.embedded.folder : `${handle.kind} database`;
    console.log(
      `db:migrate: ${where}: ${status.applied} of ${status.expected} migrations applied${status.current ? ", schema current" : ""}`,
    );
    if (!status.current) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
