// Opens PGlite with pgvector on an embedded data folder (<folder>/pglite) or in memory.
// Apart from the server and the client so both use it without importing each other.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

export function pgliteFolder(folder: string): string {
  return path.join(folder, "pglite");
}

export async function openPglite(folder: string | null): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { vector } = await import("@electric-sql/pglite-pgvector");
  let dataDir: string | undefined;
  if (folder) {
    dataDir = pgliteFolder(folder);
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = new PGlite({ dataDir, extensions: { vector } });
  await client.waitReady;
  return client;
}
