// The adapter the gpu-function should serve: the one promoted to `active`. The
// gpu-function holds no business data, so it pulls this at start-up (and the promotion
// job pushes new ones); the body is the same as the gpu-function's POST /v1/adapters.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { toAdapterUpload, type AdapterUpload } from "@/gpu-function/shared/openai";
import { adapters } from "@/lib/db/schema";

const NAME_TTL_MS = 5_000;
const nameCache = new WeakMap<Db, { name: string | null; at: number }>();

/**
 * The active adapter's name, for the chat to ask the gpu-function for by name (remembered
 * for 5 s per process, so a promotion or rollback reaches every app instance within that).
 * null when none is active or the database cannot say: the chat then falls back to what
 * the gpu-function lists.
 */
export async function activeAdapterName(db: Db): Promise<string | null> {
  const cached = nameCache.get(db);
  if (cached && Date.now() - cached.at < NAME_TTL_MS) return cached.name;
  try {
    const [row] = await db
      .select({ name: adapters.name })
      .from(adapters)
      .where(eq(adapters.status, "active"))
      .orderBy(desc(adapters.promotedAt))
      .limit(1);
    nameCache.set(db, { name: row?.name ?? null, at: Date.now() });
    return row?.name ?? null;
  } catch {
    return null;
  }
}

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
