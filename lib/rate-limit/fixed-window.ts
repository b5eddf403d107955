// Fixed-window request counters in Postgres (rate_limit_windows), so every app
// instance sharing the database shares the limits. One atomic upsert per check.
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rateLimitWindows } from "@/lib/db/schema";

export interface RateLimitRule {
  /** What is counted, e.g. "chat:visitor:<id>". */
  bucket: string;
  /** Requests allowed per window; 0 or less disables the rule. */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** The rule that refused the request (the first one over its limit). */
  rule?: RateLimitRule;
  remaining: number;
  /** Seconds until the refusing window ends (≥1), 0 when allowed. */
  retryAfterSeconds: number;
  /** Milliseconds until the window of the rule that leaves the fewest requests ends (x-ratelimit-reset-*); 0 without rules. */
  resetMs: number;
}

/** Rows older than this are swept; the longest window we use is a day. */
const SWEEP_AFTER_MS = 2 * 24 * 60 * 60 * 1000;
const SWEEP_PROBABILITY = 0.01;

/**
 * Counts one request against every rule and allows it only when all are within
 * their limits. A refused request still counts, so hammering does not reopen the gate early.
 */
export async function consumeRateLimits(db: Db, rules: RateLimitRule[], now = Date.now()): Promise<RateLimitDecision> {
  let remaining = Number.POSITIVE_INFINITY;
  let resetMs = 0;
  let refused: { rule: RateLimitRule; retryAfterSeconds: number; resetMs: number } | undefined;
  for (const rule of rules) {
    if (!(rule.limit > 0) || !(rule.windowMs > 0)) continue;
    const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
    const [row] = await db
      .insert(rateLimitWindows)
      .values({ bucket: rule.bucket, windowStart: new Date(windowStart), count: 1 })
      .onConflictDoUpdate({
        target: [rateLimitWindows.bucket, rateLimitWindows.windowStart],
        set: { count: sql`${rateLimitWindows.count} + 1` },
      })
      .returning({ count: rateLimitWindows.count });
    if (row.count === 1) await sweepOldWindows(db, rule.bucket, windowStart, rule.windowMs, now);
    const left = Math.max(0, rule.limit - row.count);
    const endsInMs = windowStart + rule.windowMs - now;
    if (left < remaining) [remaining, resetMs] = [left, endsInMs];
    if (row.count > rule.limit && !refused) {
      refused = { rule, retryAfterSeconds: Math.max(1, Math.ceil(endsInMs / 1000)), resetMs: endsInMs };
    }
  }
  if (refused)
    return { allowed: false, rule: refused.rule, remaining: 0, retryAfterSeconds: refused.retryAfterSeconds, resetMs: refused.resetMs };
  return { allowed: true, remaining: Number.isFinite(remaining) ? remaining : Number.MAX_SAFE_INTEGER, retryAfterSeconds: 0, resetMs };
}

/**
 * A new window for a bucket retires the ones before its predecessor (kept for readers that look one
 * window back, such as the admin sign-in throttle); now and then, stale buckets of everyone else go too.
 */
async function sweepOldWindows(db: Db, bucket: string, windowStart: number, windowMs: number, now: number): Promise<void> {
  await db
    .delete(rateLimitWindows)
    .where(and(eq(rateLimitWindows.bucket, bucket), lt(rateLimitWindows.windowStart, new Date(windowStart - windowMs))));
  if (Math.random() < SWEEP_PROBABILITY) {
    await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, new Date(now - SWEEP_AFTER_MS)));
  }
}
