// Partner API keys: `mk_live_…` secrets shown once, stored as SHA-256 (a 256-bit random
// secret needs no slow hash; lookup by hash stays one indexed query), with a visible
// prefix, scopes, allowed browser origins, limits, expiry and revocation. The CLI
// (scripts/keys.ts) and the admin page call these functions; nothing else writes keys.
import crypto from "node:crypto";
import { desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { zodReason } from "@/lib/chat/http";
import { PartnerError } from "./errors";

export const KEY_PREFIX = "mk_live_";
/** Characters of the secret shown as the key's prefix (after mk_live_). */
const VISIBLE_CHARS = 6;
export const API_SCOPES = ["chat", "models"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type ApiKeyRecord = typeof apiKeys.$inferSelect;
/** What may be shown about a key (never its hash). */
export type ApiKeyInfo = Omit<ApiKeyRecord, "hash">;

/** Bad input for creating or revoking a key (the CLI and the admin page show the message). */
export class KeyInputError extends Error {
  name = "KeyInputError";
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

/** "https://clinic.example" from any spelling of an origin; throws on anything that is not an http(s) origin. */
export function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new KeyInputError(`"${value}" is not an origin (expected e.g. https://clinic.example)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new KeyInputError(`"${value}": only http(s) origins are allowed`);
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username) {
    throw new KeyInputError(`"${value}" is not an origin: give scheme, host and port only`);
  }
  return url.origin;
}

export const newApiKeySchema = z.object({
  name: z.string().trim().min(1, "a name is required").max(100),
  scopes: z.array(z.enum(API_SCOPES)).min(1).default(["chat", "models"]),
  allowedOrigins: z.array(z.string()).max(50).default([]),
  requestsPerMinute: z.number().int().min(0).max(100_000).default(60),
  tokensPerDay: z.number().int().min(0).max(1_000_000_000).default(200_000),
  concurrentRequests: z.number().int().min(1).max(1_000).default(4),
  expiresAt: z.date().nullable().default(null),
});
export type NewApiKey = z.input<typeof newApiKeySchema>;

/** Creates a key; the returned `key` is the only time the secret exists outside the caller's hands. */
export async function createApiKey(db: Db, input: NewApiKey): Promise<{ key: string; info: ApiKeyInfo }> {
  const result = newApiKeySchema.safeParse(input);
  if (!result.success) throw new KeyInputError(zodReason(result.error));
  const parsed = result.data;
  const allowedOrigins = [...new Set(parsed.allowedOrigins.map(normalizeOrigin))];
  if (parsed.expiresAt && parsed.expiresAt.getTime() <= Date.now()) throw new KeyInputError("the expiry must be in the future");
  const secret = crypto.randomBytes(32).toString("base64url");
  const key = `${KEY_PREFIX}${secret}`;
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: `key_${crypto.randomBytes(9).toString("base64url")}`,
      name: parsed.name,
      prefix: `${KEY_PREFIX}${secret.slice(0, VISIBLE_CHARS)}`,
      hash: hashApiKey(key),
      scopes: parsed.scopes,
      allowedOrigins,
      requestsPerMinute: parsed.requestsPerMinute,
      tokensPerDay: parsed.tokensPerDay,
      concurrentRequests: parsed.concurrentRequests,
      expiresAt: parsed.expiresAt,
    })
    .returning();
  return { key, info: withoutHash(row) };
}

export async function listApiKeys(db: Db): Promise<ApiKeyInfo[]> {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(withoutHash);
}

/** Revokes a key given its id or its visible prefix; null when no key matches. */
export async function revokeApiKey(db: Db, idOrPrefix: string, now = new Date()): Promise<ApiKeyInfo | null> {
  const matches = await db
    .select()
    .from(apiKeys)
    .where(or(eq(apiKeys.id, idOrPrefix), eq(apiKeys.prefix, idOrPrefix)));
  if (matches.length > 1) throw new KeyInputError(`"${idOrPrefix}" matches ${matches.length} keys; give the key id`);
  if (matches.length === 0) return null;
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${now})` })
    .where(eq(apiKeys.id, matches[0].id))
    .returning();
  return withoutHash(row);
}

export function keyState(key: Pick<ApiKeyRecord, "revokedAt" | "expiresAt">, now = new Date()): "active" | "revoked" | "expired" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  return match ? match[1] : null;
}

/**
 * The key behind a request's Authorization header, checked for revocation, expiry and
 * scope (null: any valid key, e.g. for its own usage); throws the OpenAI-shaped 401/403 otherwise.
 */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
  scope: ApiScope | null,
  now = new Date(),
): Promise<ApiKeyRecord> {
  const token = bearerToken(authorization);
  if (!token) {
    throw new PartnerError(401, "missing_api_key", "No API key given: send it as `Authorization: Bearer mk_live_…`.");
  }
  // Bounded before hashing: an oversized header is not a key.
  if (!token.startsWith(KEY_PREFIX) || token.length > 200) {
    throw new PartnerError(401, "invalid_api_key", "Incorrect API key provided: MedChat keys start with mk_live_.");
  }
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashApiKey(token)));
  if (!key)
    throw new PartnerError(
      401,
      "invalid_api_key",
      `Incorrect API key provided: ${token.slice(0, KEY_PREFIX.length + VISIBLE_CHARS)}… is not a MedChat key.`,
    );
  const state = keyState(key, now);
  if (state === "revoked") throw new PartnerError(401, "revoked_api_key", `The API key ${key.prefix}… was revoked.`);
  if (state === "expired")
    throw new PartnerError(401, "expired_api_key", `The API key ${key.prefix}… expired on ${key.expiresAt?.toISOString()}.`);
  if (scope && !key.scopes.includes(scope)) {
    throw new PartnerError(
      403,
      "insufficient_scope",
      `The API key ${key.prefix}… lacks the "${scope}" scope (it has: ${key.scopes.join(", ") || "none"}).`,
    );
  }
  return key;
}

/** Throttled "last used" stamp (at most one write a minute per key). */
export async function touchApiKey(db: Db, keyId: string, now = new Date()): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(sql`${apiKeys.id} = ${keyId} and (${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < ${minuteAgo})`);
}

/** Whether any usable key lists this origin (answers CORS preflights, which carry no key). */
export async function originAllowedByAnyKey(db: Db, origin: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(
      sql`${apiKeys.allowedOrigins} @> ${JSON.stringify([origin])}::jsonb and ${apiKeys.revokedAt} is null and (${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > ${now})`,
    )
    .limit(1);
  return rows.length > 0;
}

function withoutHash(row: ApiKeyRecord): ApiKeyInfo {
  const { hash: _hash, ...info } = row;
  void _hash;
  return info;
}
