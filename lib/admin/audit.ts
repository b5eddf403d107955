// The audit log: every write in the admin console with who, when, what, and the values
// before and after (secrets never stored: key hashes, password hashes and tokens are dropped).
import { and, desc, eq, gte, ilike, lte, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export type AuditEntry = typeof auditLog.$inferSelect;
export interface Actor {
  id: string | null;
  email: string;
  ip?: string | null;
}

const SECRET_FIELDS = new Set(["hash", "passwordHash", "inviteTokenHash", "csrfToken", "weights", "key", "token"]);

/** A JSON-safe copy without secret fields (and without large binary values). */
export function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (Buffer.isBuffer(value)) return `<${value.byteLength} bytes>`;
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_FIELDS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

export async function recordAudit(
  db: Db,
  actor: Actor,
  entry: { action: string; targetType: string; targetId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorEmail: actor.email,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    ip: actor.ip ?? null,
  });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditLog.actorEmail, `%${filter.actor.replace(/[%_\\]/g, "\\$&")}%`));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, filter.to));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 200, 1000));
}
