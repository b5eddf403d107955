// Per-key limits that hold with any number of app instances sharing one database:
// requests per minute (lib/rate-limit fixed windows), tokens per UTC day and requests
// running at once. A request is admitted in ONE transaction that first locks its key's
// row (SELECT … FOR UPDATE), so admissions of one key are serialized across instances;
// it reserves the worst case (prompt bound + max_tokens) as an active usage row, and is
// settled to the tokens actually used when it ends (finish, disconnect or error).
import crypto from "node:crypto";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiKeys, usageRecords } from "@/lib/db/schema";
import { consumeRateLimits } from "@/lib/rate-limit/fixed-window";
import { PartnerError } from "./errors";
import type { ApiKeyRecord } from "./keys";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface LimitSnapshot {
  requests?: { limit: number; remaining: number; resetMs: number };
  tokens?: { limit: number; remaining: number; resetMs: number };
}

/** Go-style durations as OpenAI sends them in x-ratelimit-reset-*: "1s", "6m0s", "1h2m3s". */
export function formatResetDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** x-ratelimit-{limit,remaining,reset}-{requests,tokens}, sent on every chat response. */
export function rateLimitHeaders(snapshot: LimitSnapshot): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const kind of ["requests", "tokens"] as const) {
    const s = snapshot[kind];
    if (!s) continue;
    headers[`x-ratelimit-limit-${kind}`] = String(s.limit);
    headers[`x-ratelimit-remaining-${kind}`] = String(Math.max(0, s.remaining));
    headers[`x-ratelimit-reset-${kind}`] = formatResetDuration(s.resetMs);
  }
  return headers;
}

export function utcDayStart(now: number): number {
  return Math.floor(now / DAY) * DAY;
}

export interface AdmissionRequest {
  /** Worst-case tokens of this request: prompt bound + max_tokens. */
  reserveTokens: number;
  /** The max_tokens part of reserveTokens (named in a refusal, so the partner sees what to change). */
  maxTokens?: number;
  stream: boolean;
  idempotencyKey?: string;
  requestHash?: string;
  /** How long the reservation may stay active before another instance treats it as abandoned. */
  leaseMs: number;
  now?: number;
}

/**
 * Why a request can never fit the key's daily tokens. Most of the reservation is usually the
 * bound of the prompt with the largest retrieved sources, which a partner cannot shorten: the
 * message says so and names the daily limit that would admit it.
 */
function tooLargeMessage(req: AdmissionRequest, tokensPerDay: number): string {
  const parts =
    req.maxTokens === undefined
      ? "prompt bound + max_tokens"
      : `a bound of the prompt with the largest retrieved sources, ${req.reserveTokens - req.maxTokens}, + max_tokens, ${req.maxTokens}`;
  return (
    `This request may use up to ${req.reserveTokens} tokens (${parts}), more than this key's ${tokensPerDay} tokens per day. ` +
    `Raise the key's tokens per day to at least ${req.reserveTokens}, or send a shorter conversation or a smaller max_tokens.`
  );
}

export type Admission =
  { kind: "admitted"; usageId: string; snapshot: LimitSnapshot } | { kind: "replay"; response: unknown; snapshot: LimitSnapshot };

/**
 * Admits one request of `key` or throws the OpenAI-shaped refusal: 429 (rate, tokens or
 * concurrency, with Retry-After and the x-ratelimit headers), 413 (can never fit the
 * daily tokens), 409/422 (Idempotency-Key in progress / reused with another body).
 */
export async function admitRequest(db: Db, key: ApiKeyRecord, req: AdmissionRequest): Promise<Admission> {
  const now = req.now ?? Date.now();
  const dayStart = utcDayStart(now);
  const tokensResetMs = dayStart + DAY - now;
  if (key.tokensPerDay > 0 && req.reserveTokens > key.tokensPerDay) {
    throw new PartnerError(413, "request_too_large", tooLargeMessage(req, key.tokensPerDay), { param: "max_tokens" });
  }
  return db.transaction(async (tx) => {
    // Serializes admissions of this key across every instance (row lock until commit).
    await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, key.id)).for("update");

    if (req.idempotencyKey) {
      const [previous] = await tx
        .select()
        .from(usageRecords)
        .where(and(eq(usageRecords.apiKeyId, key.id), eq(usageRecords.idempotencyKey, req.idempotencyKey)));
      if (previous) {
        if (previous.status === "active") {
          throw new PartnerError(
            409,
            "idempotency_key_in_use",
            "A request with this Idempotency-Key is still running; retry after it has finished.",
            { headers: { "retry-after": "1" } },
          );
        }
        if (previous.requestHash !== req.requestHash) {
          throw new PartnerError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request body; use a new key for a new request.",
          );
        }
        return { kind: "replay" as const, response: previous.response, snapshot: {} };
      }
    }

    // Reservations of an instance that died are released to their reserved size (charged as reserved).
    await tx
      .update(usageRecords)
      .set({ status: "error", errorCode: "abandoned", finishedAt: new Date(now), leaseExpiresAt: null })
      .where(and(eq(usageRecords.apiKeyId, key.id), eq(usageRecords.status, "active"), lt(usageRecords.leaseExpiresAt, new Date(now))));

    const snapshot: LimitSnapshot = {};
    const [counts] = await tx
      .select({
        active: sql<number>`count(*) filter (where ${usageRecords.status} = 'active')`.mapWith(Number),
        charged: sql<number>`coalesce(sum(${usageRecords.chargedTokens}), 0)`.mapWith(Number),
        settled: sql<number>`coalesce(sum(${usageRecords.chargedTokens}) filter (where ${usageRecords.status} <> 'active'), 0)`.mapWith(
          Number,
        ),
      })
      .from(usageRecords)
      .where(and(eq(usageRecords.apiKeyId, key.id), gte(usageRecords.createdAt, new Date(dayStart))));

    if (key.tokensPerDay > 0) {
      snapshot.tokens = { limit: key.tokensPerDay, remaining: key.tokensPerDay - counts.charged, resetMs: tokensResetMs };
    }
    if (key.requestsPerMinute > 0) {
      const decision = await consumeRateLimits(
        tx,
        [{ bucket: `partner:${key.id}:minute`, limit: key.requestsPerMinute, windowMs: MINUTE }],
        now,
      );
      snapshot.requests = { limit: key.requestsPerMinute, remaining: decision.remaining, resetMs: decision.resetMs };
      if (!decision.allowed) {
        throw refusal(
          "requests",
          `Rate limit reached for requests: this key allows ${key.requestsPerMinute} requests per minute.`,
          decision.retryAfterSeconds,
          snapshot,
        );
      }
    }

    // A refusal below rolls the request count back: show what remains after the rollback.
    const uncount = () => {
      if (snapshot.requests) snapshot.requests.remaining += 1;
    };
    if (counts.active >= key.concurrentRequests) {
      uncount();
      throw refusal(
        "concurrency",
        `Too many requests at once: this key allows ${key.concurrentRequests} running at the same time.`,
        1,
        snapshot,
      );
    }
    if (key.tokensPerDay > 0 && counts.charged + req.reserveTokens > key.tokensPerDay) {
      // Running requests will give back what they did not use; otherwise wait for the next UTC day.
      const freesSoon = counts.settled + req.reserveTokens <= key.tokensPerDay;
      const retryAfter = freesSoon ? 1 : Math.ceil(tokensResetMs / 1000);
      uncount();
      throw refusal(
        "tokens",
        `Rate limit reached for tokens: this key allows ${key.tokensPerDay} tokens per day, ${Math.max(0, key.tokensPerDay - counts.charged)} are left and this request may use up to ${req.reserveTokens}.`,
        retryAfter,
        snapshot,
      );
    }

    const usageId = `req_${crypto.randomBytes(12).toString("base64url")}`;
    await tx.insert(usageRecords).values({
      id: usageId,
      surface: "api",
      apiKeyId: key.id,
      stream: req.stream,
      status: "active",
      reservedTokens: req.reserveTokens,
      chargedTokens: req.reserveTokens,
      idempotencyKey: req.idempotencyKey ?? null,
      requestHash: req.requestHash ?? null,
      leaseExpiresAt: new Date(now + req.leaseMs),
      createdAt: new Date(now),
    });
    if (snapshot.tokens) snapshot.tokens.remaining -= req.reserveTokens;
    return { kind: "admitted" as const, usageId, snapshot };
  });
}

function refusal(
  kind: "requests" | "tokens" | "concurrency",
  message: string,
  retryAfterSeconds: number,
  snapshot: LimitSnapshot,
): PartnerError {
  const code = kind === "concurrency" ? "concurrency_limit_exceeded" : "rate_limit_exceeded";
  return new PartnerError(429, code, message, {
    headers: { "retry-after": String(Math.max(1, retryAfterSeconds)), ...rateLimitHeaders(snapshot) },
  });
}

/** A request's settlement: one definition for every surface (lib/db/usage.ts). */
export { settleUsageRecord as settleRequest, type UsageSettlement as Settlement } from "@/lib/db/usage";
