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
