// The adapter the gpu-function should serve: the one promoted to `active`. The
// gpu-function holds no business data, so it pulls this at start-up (and the promotion
// job pushes new ones); the body is the same as the gpu-function's POST /v1/adapters.
import { desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { toAdapterUpload, type AdapterUpload } from "@/gpu-function/shared/openai";
import { adapters, trainingRuns } from "@/lib/db/schema";

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

const POINTER_TTL_MS = 10_000;
const pointerCache = new WeakMap<Db, { pointer: ServedAdapterPointerRecord; at: number }>();

export interface ServedAdapterPointerRecord {
  /** The promoted adapter the public chat serves; null = none promoted (the committed default serves). */
  active: string | null;
  /** Every adapter retraining produced or is evaluating: never served unless it is `active`. */
  retraining: string[];
}

/**
 * The pointer the public chat follows (lib/chat/model.ts resolveModelId): a promotion or
 * rollback is a pointer flip here, live within seconds on every app instance (cached 10 s per
 * database; forgetServedAdapterPointer makes this instance see its own flip at once).
 */
export async function servedAdapterPointer(db: Db): Promise<ServedAdapterPointerRecord> {
  const cached = pointerCache.get(db);
  if (cached && Date.now() - cached.at < POINTER_TTL_MS) return cached.pointer;
  const rows = await db
    .select({ name: adapters.name, status: adapters.status, promotedAt: adapters.promotedAt })
    .from(adapters)
    .orderBy(desc(adapters.promotedAt));
  // A candidate is loaded on the gpu-function while it is evaluated, before it has an adapters row.
  const evaluating = await db
    .selectDistinct({ name: trainingRuns.adapterName })
    .from(trainingRuns)
    .where(isNotNull(trainingRuns.adapterName));
  const pointer = {
    active: rows.find((r) => r.status === "active")?.name ?? null,
    retraining: [...new Set([...rows.map((r) => r.name), ...evaluating.map((r) => r.name!)])],
  };
  pointerCache.set(db, { pointer, at: Date.now() });
  return pointer;
}

/** After this instance flipped the pointer (promotion, rollback), its chat follows at once. */
export function forgetServedAdapterPointer(db: Db): void {
  pointerCache.delete(db);
}

/** The promoted adapter's name (null when none is promoted); see servedAdapterPointer. */
export async function activeAdapterName(db: Db): Promise<string | null> {
  return (await servedAdapterPointer(db)).active;
}
