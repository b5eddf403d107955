// Which adapter the public chat serves: the pointer (the one `active` row of `adapters`).
// Every flip — the gate's promotion (retrain.ts), an admin's explicit promotion of an
// evaluated adapter, a rollback — goes the same way: the adapter that will serve is pushed
// to every replica first (a refusal stops with the pointer unchanged), the pointer flips in
// one transaction, then the adapter that stopped serving is unloaded from every replica
// (DELETE /v1/adapters/:name, best effort: the chat never picks a retraining adapter that is
// not the pointer, lib/chat/model.ts resolveModelId), and this instance's cached pointer is
// dropped so its chat follows at once (other instances within 10 s).
import { and, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { adapters, trainingRuns } from "@/lib/db/schema";
import { forgetServedAdapterPointer } from "./active-adapter";
import { addRunEvent } from "./run-events";
import { ACTIVE_STATES, RunEnded, type RunPatch } from "./run-record";
import type { AdapterUpload } from "@/gpu-function/shared/openai";
import { pushToReplicas, replicaClients, unloadFromReplicas, type GpuFunctionClient } from "./gpu-client";

type AdapterRow = typeof adapters.$inferSelect;

export interface PointerFlip {
  /** The adapter that served before (null: none was promoted). */
  from: string | null;
  /** The adapter that serves now (null: none promoted; the committed default serves). */
  to: string | null;
  /** Replicas that could not unload the adapter that stopped serving (it is never served again unless promoted). */
  unloadFailures: string[];
}

/** Why a promotion or rollback cannot happen (the console answers 404/409 with the message). */
export class PointerFlipError extends Error {
  constructor(
    readonly code: "not_found" | "already_active" | "not_evaluated" | "nothing_active",
    message: string,
  ) {
    super(message);
  }
}

const uploadOf = (row: AdapterRow) => ({
  name: row.name,
  adapter_config: row.adapterConfig as Record<string, unknown>,
  adapter_model_base64: Buffer.from(row.weights).toString("base64"),
});

type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Moves the pointer to adapter `name`: `upload` is pushed to every replica first (a refusal
 * throws with the pointer unchanged), then one transaction retires the active adapter and runs
 * `activate` (which makes the new one active; throwing rolls both back). The adapter that was
 * active, for `afterFlip`.
 */
async function flipTo(
  db: Db,
  replicas: GpuFunctionClient[],
  upload: AdapterUpload,
  name: string,
  activate: (tx: Transaction) => Promise<void>,
): Promise<string | null> {
  await pushToReplicas(replicas, upload);
  return db.transaction(async (tx) => {
    const retired = await tx
      .update(adapters)
      .set({ status: "retired" })
      .where(and(eq(adapters.status, "active"), ne(adapters.name, name)))
      .returning({ name: adapters.name });
    await activate(tx);
    return retired[0]?.name ?? null;
  });
}

/** `flipTo`'s activation of an adapter already stored (an admin's promotion, a rollback). */
const activateStored = (name: string) => async (tx: Transaction) => {
  await tx.update(adapters).set({ status: "active", promotedAt: new Date() }).where(eq(adapters.name, name));
};

/** After the pointer moved off `name`: unload it everywhere; the failures, for the caller to report. */
export async function afterFlip(db: Db, replicas: GpuFunctionClient[], retired: string | null): Promise<string[]> {
  forgetServedAdapterPointer(db);
  return retired ? unloadFromReplicas(replicas, retired) : [];
}

/**
 * The gate's promotion of a run's candidate: pushed to every replica first (a refusal fails the
 * run with the pointer unchanged), then in one transaction the run is marked promoted (unless it
 * was ended meanwhile: RunEnded), the active adapter retired and the candidate made active; then
 * the retired one is unloaded. The run's events say what happened.
 */
export async function promoteRunCandidate(
  db: Db,
  runId: string,
  replicas: GpuFunctionClient[],
  candidate: { name: string; upload: AdapterUpload; weights: Buffer; metrics: Record<string, unknown>; runPatch: RunPatch },
): Promise<void> {
  await addRunEvent(db, runId, `Pushing ${candidate.name} to ${replicas.length} replica(s): ${replicas.map((r) => r.url).join(", ")}`);
  const previous = await flipTo(db, replicas, candidate.upload, candidate.name, async (tx) => {
    const marked = await tx
      .update(trainingRuns)
      .set({ ...candidate.runPatch, status: "promoted", error: null, finishedAt: new Date() })
      .where(and(eq(trainingRuns.id, runId), inArray(trainingRuns.status, [...ACTIVE_STATES])))
      .returning({ id: trainingRuns.id });
    if (marked.length === 0) throw new RunEnded();
    await tx.insert(adapters).values({
      name: candidate.name,
      runId,
      status: "active",
      adapterConfig: candidate.upload.adapter_config,
      weights: candidate.weights,
      metrics: candidate.metrics,
      promotedAt: new Date(),
    });
  });
  const unloadFailures = await afterFlip(db, replicas, previous);
  if (previous)
    await addRunEvent(
      db,
      runId,
      unloadFailures.length === 0
        ? `${previous} unloaded from ${replicas.length} replica(s)`
        : `${previous} retired; unloading it failed on ${unloadFailures.join("; ")} (the chat does not serve it)`,
      unloadFailures.length === 0 ? "info" : "warn",
    );
}

async function currentActive(db: Db): Promise<AdapterRow | undefined> {
  const [row] = await db.select().from(adapters).where(eq(adapters.status, "active")).orderBy(desc(adapters.promotedAt)).limit(1);
  return row;
}

/**
 * An admin promotes an evaluated adapter explicitly: a candidate the gate kept back, or an
 * older retired adapter. It must have golden-set metrics (it went through an evaluation).
 * The run that produced it records who promoted it; its own status (the gate's verdict) stays.
 */
export async function promoteAdapter(db: Db, name: string, opts: { by: string; replicas?: GpuFunctionClient[] }): Promise<PointerFlip> {
  const replicas = opts.replicas ?? replicaClients();
  const [row] = await db.select().from(adapters).where(eq(adapters.name, name));
  if (!row) throw new PointerFlipError("not_found", `No adapter named ${name}.`);
  if (row.status === "active") throw new PointerFlipError("already_active", `${name} is already the active adapter.`);
  if (!row.metrics || Object.keys(row.metrics as object).length === 0)
    throw new PointerFlipError("not_evaluated", `${name} has no golden-set evaluation; only an evaluated adapter can be promoted.`);
  const from = await flipTo(db, replicas, uploadOf(row), name, activateStored(name));
  if (row.runId) await addRunEvent(db, row.runId, `Adapter ${name} promoted by ${opts.by}${from ? ` in place of ${from}` : ""}`);
  return { from, to: name, unloadFailures: await afterFlip(db, replicas, from) };
}

/**
 * Rollback: the pointer flips back to the adapter that was active before the current one,
 * pushed to every replica first, so nothing serves a missing adapter. With no earlier
 * promoted adapter, the current one is retired and the chat serves what it served before
 * the first promotion (`to: null`: CHAT_MODEL or the gpu-function's own default adapter).
 * Either way the adapter left is unloaded from every replica.
 */
export async function rollbackAdapter(db: Db, replicas: GpuFunctionClient[] = replicaClients()): Promise<PointerFlip> {
  const current = await currentActive(db);
  if (!current) throw new PointerFlipError("nothing_active", "No adapter is active: there is nothing to roll back.");
  const [previous] = await db
    .select()
    .from(adapters)
    .where(and(eq(adapters.status, "retired"), isNotNull(adapters.promotedAt)))
    .orderBy(desc(adapters.promotedAt))
    .limit(1);
  if (previous) await flipTo(db, replicas, uploadOf(previous), previous.name, activateStored(previous.name));
  else await db.update(adapters).set({ status: "retired" }).where(eq(adapters.name, current.name));
  return { from: current.name, to: previous?.name ?? null, unloadFailures: await afterFlip(db, replicas, current.name) };
}
