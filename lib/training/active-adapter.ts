// The adapter the gpu-function should serve: the one promoted to `active`. The
// gpu-function holds no business data, so it pulls this at start-up (and the promotion
// job pushes new ones); the body is the same as the gpu-function's POST /v1/adapters.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { toAdapterUpload, type AdapterUpload } from "@/gpu-function/shared/openai";
import { adapters } from "@/lib/db/schema";

export async function findActiveAdapter(db: Db): Promise<AdapterUpload | null> {
  const [row] = await db
    .select({ name: adapters.name, config: adapters.adapterConfig, weights: adapters.weights })
    .from(adapters)
    .where(eq(adapters.status, "active"))
    .orderBy(desc(adapters.promotedAt))
    .limit(1);
  if (!row) return null;
  return toAdapterUpload(row.name, row.config as Record<string, unknown>, row.weights);
}

const ACTIVE_NAME_TTL_MS = 10_000;
const activeNameCache = new WeakMap<Db, { name: string | null; at: number }>();

/**
 * The promoted adapter's name, which the public chat serves (a promotion or rollback is a
 * pointer flip here, live within seconds on every app instance); cached for 10 s per database.
 */
export async function activeAdapterName(db: Db): Promise<string | null> {
  const cached = activeNameCache.get(db);
  if (cached && Date.now() - cached.at < ACTIVE_NAME_TTL_MS) return cached.name;
  const [row] = await db
    .select({ name: adapters.name })
    .from(adapters)
    .where(eq(adapters.status, "active"))
    .orderBy(desc(adapters.promotedAt))
    .limit(1);
  activeNameCache.set(db, { name: row?.name ?? null, at: Date.now() });
  return row?.name ?? null;
}
