// Partner keys and their limits on a real Postgres (PGlite), and the keys CLI as a real
// process against a database it shares with the test over pglite-socket.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { apiKeys, usageRecords } from "@/lib/db/schema";
import { PartnerError } from "./errors";
import { authenticateApiKey, createApiKey, KeyInputError, listApiKeys, normalizeOrigin, revokeApiKey, touchApiKey } from "./keys";
import { admitRequest, formatResetDuration, rateLimitHeaders, settleRequest } from "./limits";
import { startSharedPglite, type SharedPglite } from "./shared-pglite.test-helper";

const run = promisify(execFile);
let shared: SharedPglite;
let handle: DbHandle;
beforeAll(async () => {
  shared = await startSharedPglite(8);
  handle = await createDb({ url: shared.url });
  await migrateDb(handle);
});
afterAll(async () => {
  await handle?.close();
  await shared?.close();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as PartnerError,
  );

describe("API keys", () => {
  it("are shown once: only the SHA-256 and a visible prefix are stored", async () => {
    const { key, info } = await createApiKey(handle.db, { name: "Clinic app", allowedOrigins: ["https://Clinic.Example:443/"] });
    expect(key).toMatch(/^mk_live_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(info.prefix)).toBe(true);
    expect(info).not.toHaveProperty("hash");
    expect(info).toMatchObject({
      scopes: ["chat", "models"],
      allowedOrigins: ["https://clinic.example"],
      requestsPerMinute: 60,
      tokensPerDay: 200_000,
      concurrentRequests: 4,
      expiresAt: null,
    });
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, info.id));
    expect(row!.hash).toBe(crypto.createHash("sha256").update(key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(key.slice(8));
    expect((await listApiKeys(handle.db)).find((k) => k.id === info.id)).not.toHaveProperty("hash");
  });

  it("refuse bad input with a reason", async () => {
    await expect(createApiKey(handle.db, { name: "" })).rejects.toThrow(KeyInputError);
    await expect(createApiKey(handle.db, { name: "x", scopes: ["admin" as never] })).rejects.toThrow(/scopes/);
    await expect(createApiKey(handle.db, { name: "x", expiresAt: new Date(Date.now() - 1) })).rejects.toThrow(/future/);
    for (const bad of ["clinic.example", "ftp://clinic.example", "https://clinic.example/path", "https://u@clinic.example"]) {
      expect(() => normalizeOrigin(bad)).toThrow(KeyInputError);
    }
    expect(normalizeOrigin("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  });

  it("authenticate by bearer token, refusing unknown, revoked and expired keys and missing scopes", async () => {
    const { key, info } = await createApiKey(handle.db, { name: "a", scopes: ["chat"] });
    expect((await authenticateApiKey(handle.db, `Bearer ${key}`, "chat")).id).toBe(info.id);
    expect((await authenticateApiKey(handle.db, `bearer  ${key} `, null)).id).toBe(info.id);
    const codes = async (header: string | null, scope: "chat" | "models" = "chat") => {
      const e = await refusal(authenticateApiKey(handle.db, header, scope));
      return [e?.status, e?.code];
    };
    expect(await codes(null)).toEqual([401, "missing_api_key"]);
    expect(await codes(`Basic ${key}`)).toEqual([401, "missing_api_key"]);
    expect(await codes("Bearer sk-abc")).toEqual([401, "invalid_api_key"]);
    expect(await codes(`Bearer ${key}x`)).toEqual([401, "invalid_api_key"]);
    expect(await codes(`Bearer ${key}`, "models")).toEqual([403, "insufficient_scope"]);
    await handle.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, info.id));
    expect(await codes(`Bearer ${key}`)).toEqual([401, "expired_api_key"]);
    expect((await revokeApiKey(handle.db, info.prefix))?.revokedAt).toBeInstanceOf(Date);
    expect(await codes(`Bearer ${key}`)).toEqual([401, "revoked_api_key"]);
    expect(await revokeApiKey(handle.db, "mk_live_nothing")).toBeNull();
  });

  it("stamp their last use at most once a minute", async () => {
    const { info } = await createApiKey(handle.db, { name: "t" });
    const t0 = new Date("2026-12-01T08:00:00Z");
    await touchApiKey(handle.db, info.id, t0);
    await touchApiKey(handle.db, info.id, new Date(t0.getTime() + 30_000));
    const lastUsed = async () => (await handle.db.select().from(apiKeys).where(eq(apiKeys.id, info.id)))[0]!.lastUsedAt?.toISOString();
    expect(await lastUsed()).toBe(t0.toISOString());
    await touchApiKey(handle.db, info.id, new Date(t0.getTime() + 61_000));
    expect(await lastUsed()).toBe("2026-12-01T08:01:01.000Z");
  });
});

describe("limits", () => {
  const now = Date.UTC(2026, 11, 4, 12, 0, 30);

  it("format OpenAI-style reset durations and headers", () => {
    expect([formatResetDuration(400), formatResetDuration(61_000), formatResetDuration(3_723_000)]).toEqual(["1s", "1m1s", "1h2m3s"]);
    expect(rateLimitHeaders({ tokens: { limit: 100, remaining: -5, resetMs: 1000 } })).toEqual({
      "x-ratelimit-limit-tokens": "100",
      "x-ratelimit-remaining-tokens": "0",
      "x-ratelimit-reset-tokens": "1s",
    });
  });

  it("reserve the worst case, refuse what does not fit, and give back what a request did not use", async () => {
    const { info } = await createApiKey(handle.db, { name: "budget", tokensPerDay: 1_000, concurrentRequests: 10, requestsPerMinute: 100 });
    const key = (await handle.db.select().from(apiKeys).where(eq(apiKeys.id, info.id)))[0]!;
    const admit = (reserve: number, at = now) =>
      admitRequest(handle.db, key, { reserveTokens: reserve, stream: false, leaseMs: 60_000, now: at });
    const a = await admit(600);
    expect(a.kind === "admitted" && a.snapshot.tokens).toEqual({
      limit: 1_000,
      remaining: 400,
      resetMs: 86_400_000 - 12 * 3_600_000 - 30_000,
    });
    const refused = await refusal(admit(500));
    expect([refused?.status, refused?.code, refused?.options.headers?.["retry-after"]]).toEqual([429, "rate_limit_exceeded", "1"]);
    await settleRequest(handle.db, (a as { usageId: string }).usageId, {
      status: "complete",
      promptTokens: 100,
      completionTokens: 50,
      emergency: false,
      model: "m",
    });
    const b = await admit(500);
    await settleRequest(handle.db, (b as { usageId: string }).usageId, {
      status: "complete",
      promptTokens: 400,
      completionTokens: 100,
      emergency: false,
      model: "m",
    });
    // Over the day's tokens for good (650 spent): wait for the next UTC day.
    const late = await refusal(admit(400));
    expect(Number(late?.options.headers?.["retry-after"])).toBe(12 * 3600 - 30);
    // Never fits at all.
    expect((await refusal(admit(1_001)))?.status).toBe(413);
    // The next UTC day starts fresh.
    expect((await admit(900, now + 86_400_000)).kind).toBe("admitted");
  });

  it("release a reservation whose instance died once its lease expires (charged as reserved)", async () => {
    const { info } = await createApiKey(handle.db, { name: "lease", concurrentRequests: 1, tokensPerDay: 10_000 });
    const key = (await handle.db.select().from(apiKeys).where(eq(apiKeys.id, info.id)))[0]!;
    const first = await admitRequest(handle.db, key, { reserveTokens: 300, stream: true, leaseMs: 5_000, now });
    expect(
      (await refusal(admitRequest(handle.db, key, { reserveTokens: 300, stream: true, leaseMs: 5_000, now: now + 1_000 })))?.code,
    ).toBe("concurrency_limit_exceeded");
    expect((await admitRequest(handle.db, key, { reserveTokens: 300, stream: true, leaseMs: 5_000, now: now + 6_000 })).kind).toBe(
      "admitted",
    );
    const [abandoned] = await handle.db
      .select()
      .from(usageRecords)
      .where(eq(usageRecords.id, (first as { usageId: string }).usageId));
    expect(abandoned).toMatchObject({ status: "error", errorCode: "abandoned", chargedTokens: 300 });
  });
});

describe("npm run keys (CLI)", () => {
  const cli = (...args: string[]) =>
    run(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/keys.ts", ...args], {
      env: { ...process.env, DATABASE_URL: shared.url },
      timeout: 60_000,
    });

  it("creates a key (shown once), lists keys without secrets, revokes by prefix, and explains bad input", async () => {
    const created = JSON.parse(
      (
        await cli(
          "create",
          "--name",
          "Partner CLI",
          "--origins",
          "https://app.example",
          "--tokens-per-day",
          "5000",
          "--expires",
          "30d",
          "--json",
        )
      ).stdout,
    ) as {
      key: string;
      id: string;
      prefix: string;
      expiresAt: string;
    };
    expect(created.key).toMatch(/^mk_live_/);
    expect(new Date(created.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await authenticateApiKey(handle.db, `Bearer ${created.key}`, "chat")).tokensPerDay).toBe(5000);

    const listed = (await cli("list")).stdout;
    expect(listed).toContain(created.prefix);
    expect(listed).toContain("https://app.example");
    expect(listed).not.toContain(created.key);

    expect((await cli("revoke", created.prefix)).stdout).toMatch(/revoked/);
    expect((await refusal(authenticateApiKey(handle.db, `Bearer ${created.key}`, "chat")))?.code).toBe("revoked_api_key");

    const bad = await cli("create", "--name", "x", "--origins", "not-an-origin").then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad?.code).toBe(2);
    expect(bad?.stderr).toMatch(/not an origin/);
    const unknown = await cli("revoke", "mk_live_nope").then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(unknown?.code).toBe(1);
  });
});
