// Who may call the partner API and how much: bad/revoked/expired keys, scopes, browser
// origins (CORS), bad bodies, per-key limits with their headers, Idempotency-Key replays,
// the usage endpoint, the model list and the OpenAPI document — over a real HTTP server.
import { Validator } from "@seriousme/openapi-schema-validator";
import { eq } from "drizzle-orm";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/lib/db/schema";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/pipeline";
import { startInFreshWindow } from "@/lib/rate-limit/fresh-window.test-helper";
import { revokeApiKey } from "./keys";
import { client, newKey, readSse, startPartnerFixture, usageRows, type PartnerFixture } from "./partner-fixture.test-helper";

let fx: PartnerFixture;
let key: { key: string; id: string };
beforeAll(async () => {
  fx = await startPartnerFixture({ deltas: ["Asthma ", "narrows ", "the airways [1]."] });
  key = await newKey(fx.db, { allowedOrigins: ["https://clinic.example"] });
});
afterAll(async () => {
  await fx?.close();
});

const ask = { model: "medchat", messages: [{ role: "user" as const, content: "What is asthma?" }] };

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fx.app.baseURL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function expectError(res: Response, status: number, code: string, param?: string | null) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { message: string; type: string; param: string | null; code: string } };
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  if (param !== undefined) expect(body.error.param).toBe(param);
  return body.error;
}

describe("keys, scopes and origins", () => {
  it("refuses a missing, malformed or unknown key with 401 in OpenAI's shape (AuthenticationError in the client)", async () => {
    await expectError(await post("/chat/completions", ask), 401, "missing_api_key");
    await expectError(await post("/chat/completions", ask, { authorization: "Bearer sk-123" }), 401, "invalid_api_key");
    const unknown = await expectError(
      await post("/chat/completions", ask, { authorization: `Bearer mk_live_${"x".repeat(43)}` }),
      401,
      "invalid_api_key",
    );
    expect(unknown.type).toBe("authentication_error");
    await expect(client(fx.app, "mk_live_nope").chat.completions.create(ask)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("refuses revoked and expired keys with 401", async () => {
    const revoked = await newKey(fx.db);
    expect((await client(fx.app, revoked.key).chat.completions.create(ask)).choices[0]!.message.content).toBeTruthy();
    await revokeApiKey(fx.db, revoked.id);
    await expectError(await post("/chat/completions", ask, { authorization: `Bearer ${revoked.key}` }), 401, "revoked_api_key");
    await expectError(
      await fetch(`${fx.app.baseURL}/models`, { headers: { authorization: `Bearer ${revoked.key}` } }),
      401,
      "revoked_api_key",
    );

    const expired = await newKey(fx.db, { expiresAt: new Date(Date.now() + 60_000) });
    await fx.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(apiKeys.id, expired.id));
    await expectError(await post("/chat/completions", ask, { authorization: `Bearer ${expired.key}` }), 401, "expired_api_key");
  });

  it("enforces scopes with 403 (PermissionDeniedError)", async () => {
    const modelsOnly = await newKey(fx.db, { scopes: ["models"] });
    const chatOnly = await newKey(fx.db, { scopes: ["chat"] });
    const error = await expectError(
      await post("/chat/completions", ask, { authorization: `Bearer ${modelsOnly.key}` }),
      403,
      "insufficient_scope",
    );
    expect(error.type).toBe("permission_error");
    expect((await client(fx.app, modelsOnly.key).models.list()).data.map((m) => m.id)).toEqual(["medchat"]);
    await expect(client(fx.app, chatOnly.key).models.list()).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  });

  it("serves browsers only from the key's allowed origins (preflight, CORS headers, 403 for a foreign origin)", async () => {
    const preflight = (origin: string) =>
      fetch(`${fx.app.baseURL}/chat/completions`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type, x-stainless-os",
        },
      });
    const ok = await preflight("https://clinic.example");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://clinic.example");
    expect(ok.headers.get("access-control-allow-headers")).toContain("x-stainless-os");
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    const foreignPreflight = await preflight("https://evil.example");
    expect(foreignPreflight.status).toBe(403);
    expect(foreignPreflight.headers.get("access-control-allow-origin")).toBeNull();

    const allowed = await post("/chat/completions", ask, { authorization: `Bearer ${key.key}`, origin: "https://clinic.example" });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://clinic.example");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("x-ratelimit-remaining-tokens");
    await allowed.json();

    const foreign = await post("/chat/completions", ask, { authorization: `Bearer ${key.key}`, origin: "https://evil.example" });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    await expectError(foreign, 403, "origin_not_allowed");
    const serverOnly = await newKey(fx.db);
    await expectError(
      await post("/chat/completions", ask, { authorization: `Bearer ${serverOnly.key}`, origin: "https://clinic.example" }),
      403,
      "origin_not_allowed",
    );
  });
});

describe("bad requests get a 4xx with the reason", () => {
  const auth = () => ({ authorization: `Bearer ${key.key}` });
  it.each([
    ["not JSON", "{nope", 400, "invalid_json", null],
    ["no model", { messages: ask.messages }, 400, "invalid_request_body", "model"],
    ["empty messages", { model: "medchat", messages: [] }, 400, "invalid_request_body", "messages"],
    ["a bad role", { model: "medchat", messages: [{ role: "robot", content: "hi" }] }, 400, "invalid_request_body", "messages.0.role"],
    ["n > 1", { ...ask, n: 2 }, 400, "invalid_request_body", "n"],
    ["tools", { ...ask, tools: [{ type: "function", function: { name: "f" } }] }, 400, "invalid_request_body", "tools"],
    ["a bad temperature", { ...ask, temperature: 7 }, 400, "invalid_request_body", "temperature"],
    ["a bad locale", { ...ask, locale: "en US; drop" }, 400, "invalid_request_body", "locale"],
    [
      "an assistant message last",
      { model: "medchat", messages: [...ask.messages, { role: "assistant", content: "x" }] },
      400,
      "invalid_messages",
      "messages[1].role",
    ],
    [
      "an image part",
      { model: "medchat", messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://x" } }] }] },
      400,
      "invalid_messages",
      "messages[0].content",
    ],
    [
      "a tool message",
      { model: "medchat", messages: [{ role: "tool", content: "x" }, ...ask.messages] },
      400,
      "invalid_messages",
      "messages[0].role",
    ],
    ["max_tokens above the server's", { ...ask, max_tokens: 100_000 }, 400, "max_tokens_too_large", "max_tokens"],
    ["an unknown model", { ...ask, model: "gpt-4o" }, 404, "model_not_found", "model"],
    [
      "a message too long",
      { model: "medchat", messages: [{ role: "user", content: "a ".repeat(MAX_MESSAGE_CHARS) }] },
      413,
      "message_too_long",
      "messages",
    ],
    ["a body too large", { ...ask, padding: "x".repeat(300_000) }, 413, "body_too_large", null],
  ])("%s", async (_what, body, status, code, param) => {
    const started = Date.now();
    await expectError(await post("/chat/completions", body, auth()), status, code, param);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("rejects a malformed Idempotency-Key and answers unknown paths with an OpenAI-shaped 404", async () => {
    await expectError(await post("/chat/completions", ask, { ...auth(), "idempotency-key": "a b" }), 400, "invalid_idempotency_key");
    await expectError(await fetch(`${fx.app.baseURL}/models/gpt-4o`, { headers: auth() }), 404, "model_not_found");
    await expectError(await fetch(`${fx.app.baseURL}/usage?from=yesterday`, { headers: auth() }), 400, "invalid_time", "from");
    await expectError(await fetch(`${fx.app.baseURL}/usage?from=2026-12-02&to=2026-12-01`, { headers: auth() }), 400, "invalid_time_range");
  });
});

describe("limits per key", () => {
  it("refuses the request over the per-minute limit with 429, Retry-After and x-ratelimit headers (RateLimitError)", async () => {
    const limited = await newKey(fx.db, { requestsPerMinute: 2 });
    await startInFreshWindow(60_000, 30_000);
    const c = client(fx.app, limited.key);
    const first = await c.chat.completions.create(ask).withResponse();
    expect(first.response.headers.get("x-ratelimit-remaining-requests")).toBe("1");
    await c.chat.completions.create(ask);
    const refused = await post("/chat/completions", ask, { authorization: `Bearer ${limited.key}` });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("x-ratelimit-limit-requests")).toBe("2");
    expect(refused.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    // OpenAI's duration format: "42s", or "1m0s" for a full minute ahead.
    expect(refused.headers.get("x-ratelimit-reset-requests")).toMatch(/^(1m0s|\d{1,2}s)$/);
    expect(refused.headers.get("x-ratelimit-limit-tokens")).toBe("1000000");
    const error = await expectError(refused, 429, "rate_limit_exceeded");
    expect(error.type).toBe("rate_limit_error");
    await expect(c.chat.completions.create(ask)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    // Refused requests are not metered as answered ones.
    expect(await usageRows(fx.db, limited.id)).toHaveLength(2);
  });

  it("refuses requests beyond the concurrent limit while one runs", async () => {
    const slow = await fx.startApp({ deltas: ["a ", "b ", "c ", "d "], delayMs: 150 });
    try {
      const one = await newKey(fx.db, { concurrentRequests: 1 });
      const c = client(slow.app, one.key);
      const running = c.chat.completions.create(ask);
      await new Promise((r) => setTimeout(r, 300));
      const sameInstance = await fetch(`${slow.app.baseURL}/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${one.key}`, "content-type": "application/json" },
        body: JSON.stringify(ask),
      });
      await expectError(sameInstance, 429, "concurrency_limit_exceeded");
      expect(sameInstance.headers.get("retry-after")).toBe("1");
      // The other app instance sees the same running request through the database.
      await expectError(await post("/chat/completions", ask, { authorization: `Bearer ${one.key}` }), 429, "concurrency_limit_exceeded");
      expect((await running).choices[0]!.message.content).toBe("a b c d ");
      expect((await client(slow.app, one.key).chat.completions.create(ask)).choices[0]!.message.content).toBe("a b c d ");
    } finally {
      await slow.close();
    }
  });

  it("refuses a request whose worst case can never fit the daily tokens with 413", async () => {
    const tiny = await newKey(fx.db, { tokensPerDay: 100 });
    const error = await expectError(
      await post("/chat/completions", { ...ask, max_tokens: 50 }, { authorization: `Bearer ${tiny.key}` }),
      413,
      "request_too_large",
      "max_tokens",
    );
    // It says what the reservation is made of (mostly the sources' bound, not the question) and what would admit it.
    const reserve = Number(/may use up to (\d+) tokens/.exec(error.message)?.[1]);
    expect(error.message).toContain(`the largest retrieved sources, ${reserve - 50}, + max_tokens, 50)`);
    expect(error.message).toContain(`Raise the key's tokens per day to at least ${reserve}`);
  });
});

describe("Idempotency-Key", () => {
  it("replays a completed request's stored response (also as a stream) without answering or billing again", async () => {
    const k = await newKey(fx.db);
    const c = client(fx.app, k.key);
    const calls = fx.gpu.requests.length;
    const first = await c.chat.completions.create(ask, { headers: { "Idempotency-Key": "order-42" } });
    const again = await c.chat.completions.create(ask, { headers: { "Idempotency-Key": "order-42" } }).withResponse();
    expect(again.data).toEqual(first);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    const streamed = await post("/chat/completions", { ...ask }, { authorization: `Bearer ${k.key}`, "idempotency-key": "order-42" });
    expect(await streamed.json()).toEqual(first);
    expect(fx.gpu.requests.length).toBe(calls + 1);
    expect(await usageRows(fx.db, k.id)).toHaveLength(1);

    const asStream = await post(
      "/chat/completions",
      { ...ask, stream: true },
      { authorization: `Bearer ${k.key}`, "idempotency-key": "stream-1" },
    );
    await readSse(asStream);
    const replay = await readSse(
      await post("/chat/completions", { ...ask, stream: true }, { authorization: `Bearer ${k.key}`, "idempotency-key": "stream-1" }),
    );
    const text = replay
      .map((e) => (e === "[DONE]" ? "" : ((e.choices as { delta?: { content?: string } }[])[0]?.delta?.content ?? "")))
      .join("");
    expect(text).toBe("Asthma narrows the airways [1].");
    expect(replay.at(-1)).toBe("[DONE]");
    expect(await usageRows(fx.db, k.id)).toHaveLength(2);

    await expectError(
      await post("/chat/completions", { ...ask, temperature: 0.1 }, { authorization: `Bearer ${k.key}`, "idempotency-key": "order-42" }),
      422,
      "idempotency_key_reused",
    );
  });

  it("answers 409 to the same key sent while the first request still runs", async () => {
    const slow = await fx.startApp({ deltas: ["a ", "b ", "c "], delayMs: 200 });
    try {
      const k = await newKey(fx.db);
      const send = () =>
        fetch(`${slow.app.baseURL}/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${k.key}`, "content-type": "application/json", "idempotency-key": "same" },
          body: JSON.stringify(ask),
        });
      const results = await Promise.all([send(), send(), send()]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409]);
      for (const r of results.filter((r) => r.status === 409)) await expectError(r, 409, "idempotency_key_in_use");
      expect(await usageRows(fx.db, k.id)).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});

describe("usage, models and the OpenAPI document", () => {
  it("reports the key's own usage over a range (requests, tokens, emergencies) as recorded", async () => {
    const k = await newKey(fx.db);
    const c = client(fx.app, k.key);
    await c.chat.completions.create(ask);
    await c.chat.completions.create({
      model: "medchat",
      messages: [{ role: "user", content: "I have crushing chest pain spreading to my left arm and I am sweating" }],
    });
    const usage = (await (await fetch(`${fx.app.baseURL}/usage`, { headers: { authorization: `Bearer ${k.key}` } })).json()) as Record<
      string,
      unknown
    >;
    expect(usage).toMatchObject({
      object: "usage",
      requests: 2,
      prompt_tokens: 22,
      completion_tokens: 6,
      total_tokens: 28,
      emergencies: 1,
      by_status: { complete: 2 },
    });
    const rows = await usageRows(fx.db, k.id);
    expect(rows.reduce((s, r) => s + r.chargedTokens, 0)).toBe(28);
    const past = (await (
      await fetch(`${fx.app.baseURL}/usage?from=2020-01-01&to=2020-02-01`, { headers: { authorization: `Bearer ${k.key}` } })
    ).json()) as Record<string, unknown>;
    expect(past).toMatchObject({ requests: 0, total_tokens: 0 });
    // Another key's usage is not visible.
    const other = (await (await fetch(`${fx.app.baseURL}/usage`, { headers: { authorization: `Bearer ${key.key}` } })).json()) as {
      key: { id: string };
    };
    expect(other.key.id).toBe(key.id);
  });

  it("lists and retrieves the model through the openai client", async () => {
    const c = client(fx.app, key.key);
    expect((await c.models.list()).data).toEqual([expect.objectContaining({ id: "medchat", object: "model", owned_by: "medchat" })]);
    expect((await c.models.retrieve("medchat")).id).toBe("medchat");
    await expect(c.models.retrieve("nope")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("publishes a valid OpenAPI 3.1 document of every route", async () => {
    const doc = (await (await fetch(`${fx.app.baseURL}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/chat/completions", "/models", "/models/{model}", "/usage"]);
  });
});
