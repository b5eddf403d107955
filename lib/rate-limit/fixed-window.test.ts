import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { rateLimitWindows } from "@/lib/db/schema";
import { chatRateLimitRules } from "./chat-limits";
import { consumeRateLimits, type RateLimitRule } from "./fixed-window";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
});
afterAll(async () => {
  await handle?.close();
});

const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);

describe("consumeRateLimits (Postgres fixed windows)", () => {
  it("allows `limit` requests per window, refuses the next with the seconds left, and reopens in the next window", async () => {
    const rule: RateLimitRule = { bucket: "t:one", limit: 3, windowMs: 60_000 };
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await consumeRateLimits(handle.db, [rule], T0 + 15_000));
    expect(seen.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(seen.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(seen[3].retryAfterSeconds).toBe(45);
    expect(seen.map((d) => d.resetMs)).toEqual([45_000, 45_000, 45_000, 45_000]);
    expect(seen[3].rule?.bucket).toBe("t:one");

    const next = await consumeRateLimits(handle.db, [rule], T0 + 60_000);
    expect(next).toMatchObject({ allowed: true, remaining: 2 });
    // A new window keeps its predecessor (the sign-in throttle looks one window back) and retires older rows.
    const windowsOf = async () =>
      (await handle.db.select().from(rateLimitWindows))
        .filter((r) => r.bucket === "t:one")
        .map((r) => r.windowStart.getTime())
        .sort((a, b) => a - b);
    expect(await windowsOf()).toEqual([T0, T0 + 60_000]);
    await consumeRateLimits(handle.db, [rule], T0 + 120_000);
    expect(await windowsOf()).toEqual([T0 + 60_000, T0 + 120_000]);
  });

  it("resets with the window of the rule that leaves the fewest requests", async () => {
    const rules: RateLimitRule[] = [
      { bucket: "t:reset-day", limit: 1_000, windowMs: 86_400_000 },
      { bucket: "t:reset-minute", limit: 2, windowMs: 60_000 },
    ];
    const decision = await consumeRateLimits(handle.db, rules, T0 + 20_000);
    expect(decision).toMatchObject({ allowed: true, remaining: 1, resetMs: 40_000 });
  });

  it("counts concurrent requests exactly (atomic upsert)", async () => {
    const rule: RateLimitRule = { bucket: "t:concurrent", limit: 5, windowMs: 60_000 };
    const decisions = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimits(handle.db, [rule], T0)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("refuses when any rule is over its limit and ignores disabled rules", async () => {
    const rules: RateLimitRule[] = [
      { bucket: "t:wide", limit: 100, windowMs: 86_400_000 },
      { bucket: "t:narrow", limit: 1, windowMs: 60_000 },
      { bucket: "t:off", limit: 0, windowMs: 60_000 },
    ];
    expect((await consumeRateLimits(handle.db, rules, T0)).allowed).toBe(true);
    const refused = await consumeRateLimits(handle.db, rules, T0 + 1_000);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 59 });
    expect(refused.rule?.bucket).toBe("t:narrow");
    const rows = await handle.db.select().from(rateLimitWindows);
    expect(rows.some((r) => r.bucket === "t:off")).toBe(false);
  });
});

describe("chat limits", () => {
  it("limit each visitor per minute and per day, and each client address per minute, from env settings", () => {
    const rules = chatRateLimitRules("visitor_x", "203.0.113.9", { CHAT_RATE_LIMIT_PER_MINUTE: "4", CHAT_RATE_LIMIT_PER_DAY: "junk" });
    expect(rules.map((r) => [r.bucket, r.limit, r.windowMs])).toEqual([
      ["chat:visitor:visitor_x:minute", 4, 60_000],
      ["chat:visitor:visitor_x:day", 300, 86_400_000],
      ["chat:address:203.0.113.9:minute", 30, 60_000],
    ]);
    expect(chatRateLimitRules("v", null, {}).map((r) => r.bucket)).toEqual(["chat:visitor:v:minute", "chat:visitor:v:day"]);
  });
});
