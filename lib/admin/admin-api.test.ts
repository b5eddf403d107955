// The admin API over a real database: every route refuses without a session, reviewers
// are refused admin routes, CSRF and login throttling hold, and every kind of write is
// in the audit log with its before and after values.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createHashingEmbedder } from "@/lib/rag/embed-hashing";
import { insertMessage } from "@/lib/db/messages";
import { createConversation } from "@/lib/db/conversations";
import { ADMIN_ROUTES, handleAdminRequest, type AdminDeps } from "./api";
import { listAudit } from "./audit";
import { ensureFirstAdmin } from "./users";
import { login } from "./sessions";

let handle: DbHandle;
let deps: AdminDeps;
const BASE = "http://127.0.0.1:3000";
beforeAll(async () => {
  handle = await createDb({ url: "memory://" });
  await migrateDb(handle);
  const embedder = createHashingEmbedder();
  deps = { getDb: async () => handle.db, embedder: () => embedder };
  expect(await ensureFirstAdmin(handle.db, { ADMIN_EMAIL: "Admin@Clinic.example", ADMIN_PASSWORD: "correct horse battery" })).toBe(
    "created",
  );
  expect(await ensureFirstAdmin(handle.db, { ADMIN_EMAIL: "other@clinic.example", ADMIN_PASSWORD: "another long password" })).toBe(
    "exists",
  );
});
afterAll(async () => handle?.close());

interface Session {
  cookie: string;
  csrf: string;
}
let ipCounter = 0;
async function call(
  method: string,
  path: string,
  opts: { session?: Session; body?: unknown; csrf?: string | null; ip?: string; form?: FormData; origin?: string } = {},
) {
  const headers: Record<string, string> = { "x-forwarded-for": opts.ip ?? `10.0.0.${++ipCounter % 250}` };
  if (opts.session) headers.cookie = opts.session.cookie;
  const csrf = opts.csrf === undefined ? opts.session?.csrf : opts.csrf;
  if (csrf) headers["x-csrf-token"] = csrf;
  if (opts.origin) headers.origin = opts.origin;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  const res = await handleAdminRequest(
    new Request(`${BASE}/api/admin/${path}`, { method, headers, body }),
    path.split("?")[0].split("/").map(decodeURIComponent),
    deps,
  );
  return { res, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function signIn(email: string, password: string): Promise<Session> {
  const { res, json } = await call("POST", "login", { body: { email, password } });
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return { cookie: cookie.split(";")[0], csrf: json.csrfToken };
}

describe("admin API access", () => {
  it("refuses every non-public route without a session (each route, not a sample)", async () => {
    const routes = ADMIN_ROUTES.filter((r) => r.access !== "public");
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const path = route.path.replace(/:[a-z]+/g, "x1");
      const { res, json } = await call(route.method, path, { body: route.method === "GET" ? undefined : {} });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(json.error.code).toBe("not_signed_in");
    }
  });

  it("signs in the first admin, refuses a wrong password with one message, and throttles guessing per account", async () => {
    const admin = await signIn("admin@clinic.example", "correct horse battery");
    expect((await call("GET", "session", { session: admin })).json.user).toMatchObject({ email: "admin@clinic.example", role: "admin" });
    const wrong = await call("POST", "login", { body: { email: "admin@clinic.example", password: "nope nope nope" }, ip: "10.9.9.9" });
    expect(wrong.res.status).toBe(401);
    const unknown = await call("POST", "login", { body: { email: "nobody@clinic.example", password: "nope nope nope" }, ip: "10.9.9.9" });
    expect(unknown.json.error.message).toBe(wrong.json.error.message);
    let last = wrong;
    for (let i = 0; i < 6; i++)
      last = await call("POST", "login", { body: { email: "throttled@clinic.example", password: "guess guess guess" }, ip: `10.8.0.${i}` });
    expect(last.res.status).toBe(429);
    expect(last.res.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("keeps an account locked across a throttle-window boundary: five failures just before it lock the sixth just after", async () => {
    const WINDOW_MS = 15 * 60 * 1000;
    const boundary = (Math.floor(Date.now() / WINDOW_MS) + 2) * WINDOW_MS;
    const clock = vi.spyOn(Date, "now");
    try {
      const attempt = () => login(handle.db, "boundary@clinic.example", "guess guess guess", { ip: `10.7.0.${++ipCounter}` });
      clock.mockReturnValue(boundary - 2_000);
      for (let i = 0; i < 5; i++) await expect(attempt()).rejects.toMatchObject({ status: 401 });
      clock.mockReturnValue(boundary + 2_000);
      await expect(attempt()).rejects.toMatchObject({ status: 429 });
      // Two windows on, the old failures no longer count.
      clock.mockReturnValue(boundary + WINDOW_MS + 2_000);
      await expect(attempt()).rejects.toMatchObject({ status: 401 });
    } finally {
      clock.mockRestore();
    }
  });

  it("refuses a state-changing request without the CSRF token or from another site", async () => {
    const admin = await signIn("admin@clinic.example", "correct horse battery");
    const noToken = await call("PUT", "settings", { session: admin, csrf: null, body: { retrieval: "on" } });
    expect(noToken.res.status).toBe(403);
    expect(noToken.json.error.code).toBe("csrf_failed");
    const otherSite = await call("PUT", "settings", { session: admin, origin: "https://evil.example", body: { retrieval: "on" } });
    expect(otherSite.res.status).toBe(403);
    const ok = await call("PUT", "settings", { session: admin, body: { retrieval: "on", talkToPersonUrl: "tel:+15550100" } });
    expect(ok.res.status).toBe(200);
  });

  it("invites a reviewer who may review conversations but nothing else; logout everywhere ends every session", async () => {
    const admin = await signIn("admin@clinic.example", "correct horse battery");
    const invite = await call("POST", "users", { session: admin, body: { email: "Reviewer@Clinic.example", role: "reviewer" } });
    expect(invite.res.status).toBe(201);
    const token = String(invite.json.inviteUrl).split("/").pop();
    expect((await call("POST", "invitations/accept", { body: { token, password: "short" } })).res.status).toBe(400);
    expect((await call("POST", "invitations/accept", { body: { token, password: "reviewer password 1" } })).res.status).toBe(200);
    expect((await call("POST", "invitations/accept", { body: { token, password: "reviewer password 2" } })).res.status).toBe(400);
    const reviewer = await signIn("reviewer@clinic.example", "reviewer password 1");
    expect((await call("GET", "conversations", { session: reviewer })).res.status).toBe(200);
    for (const route of ADMIN_ROUTES.filter((r) => r.access === "admin")) {
      const { res } = await call(route.method, route.path.replace(/:[a-z]+/g, "x1"), {
        session: reviewer,
        body: route.method === "GET" ? undefined : {},
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
    }
    const second = await signIn("reviewer@clinic.example", "reviewer password 1");
    expect((await call("POST", "logout", { session: reviewer, body: { everywhere: true } })).res.status).toBe(200);
    expect((await call("GET", "session", { session: second })).res.status).toBe(401);
  });

  it("answers malformed input with a 4xx and a reason", async () => {
    const admin = await signIn("admin@clinic.example", "correct horse battery");
    const bad = await call("POST", "keys", { session: admin, body: { name: "" } });
    expect(bad.res.status).toBe(400);
    expect((await call("GET", "nope", { session: admin })).res.status).toBe(404);
    const badJson = await handleAdminRequest(
      new Request(`${BASE}/api/admin/settings`, {
        method: "PUT",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
        body: "{nope",
      }),
      ["settings"],
      deps,
    );
    expect(badJson.status).toBe(400);
    expect((await call("PUT", "settings", { session: admin, body: { talkToPersonUrl: "javascript:alert(1)" } })).res.status).toBe(400);
  });

  it("refuses text Postgres cannot store (NUL, a lone surrogate) with a 400 naming the field, and stores nothing", async () => {
    // Each used to end in a 500 (Postgres: invalid byte sequence for encoding "UTF8": 0x00) or to
    // store U+FFFD instead of what was sent. Sent as the JSON escapes a client would send.
    const raw = (method: string, path: string, body: string, session?: Session) =>
      handleAdminRequest(
        new Request(`${BASE}/api/admin/${path}`, {
          method,
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": "10.9.9.9",
            ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
          },
          body,
        }),
        path.split("/"),
        deps,
      );
    const expectInvalidText = async (res: Response, field: string) => {
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: Record<string, unknown> };
      expect(Object.keys(error).sort()).toEqual(["code", "message", "param", "type"]);
      expect(error).toMatchObject({ code: "invalid_text", type: "invalid_request_error" });
      expect(error.message).toContain(`"${field}"`);
    };
    await expectInvalidText(await raw("POST", "login", `{"email":"admin@clinic.example\\u0000","password":"x"}`), "email");
    const admin = await signIn("admin@clinic.example", "correct horse battery");
    const keysBefore = (await call("GET", "keys", { session: admin })).json.keys.length;
    await expectInvalidText(await raw("POST", "keys", `{"name":"Clinic\\u0000app"}`, admin), "name");
    await expectInvalidText(await raw("POST", "keys", `{"name":"Clinic \\ud800"}`, admin), "name");
    expect((await call("GET", "keys", { session: admin })).json.keys).toHaveLength(keysBefore);
    const site = await call("POST", "sites", { session: admin, body: { name: "NUL test", allowedOrigins: ["https://nul.example"] } });
    expect(site.res.status).toBe(201);
    const key = site.json.site.id as string;
    await expectInvalidText(await raw("PATCH", `sites/${key}`, `{"name":"x\\u0000"}`, admin), "name");
    await expectInvalidText(
      await raw("POST", "sites", `{"name":"y","allowedOrigins":["https://a\\u0000.example"]}`, admin),
      "allowedOrigins.0",
    );
    const sites = (await call("GET", "sites", { session: admin })).json.sites as { id: string; name: string }[];
    expect(sites.find((s) => s.id === key)?.name).toBe("NUL test");
    expect(sites.filter((s) => s.name === "y")).toEqual([]);
  });
});

describe("audit log", () => {
  it("records each kind of write with who, what, and the values before and after", async () => {
    const admin = await signIn("admin@clinic.example", "correct horse battery");
    // API keys: create and revoke (the secret itself is never logged).
    const key = await call("POST", "keys", { session: admin, body: { name: "Clinic app", tokensPerDay: 5000 } });
    expect(key.res.status).toBe(201);
    const revoked = await call("POST", `keys/${key.json.info.id}/revoke`, { session: admin });
    expect(revoked.res.status).toBe(200);
    // Widget sites: create, update, delete.
    const site = await call("POST", "sites", { session: admin, body: { name: "Clinic", allowedOrigins: ["https://clinic.example"] } });
    await call("PATCH", `sites/${site.json.site.id}`, { session: admin, body: { enabled: false } });
    await call("DELETE", `sites/${site.json.site.id}`, { session: admin });
    // Knowledge base: upload, re-ingest, delete.
    const form = new FormData();
    form.append(
      "files",
      new Blob(["# Chickenpox\n\nChickenpox is a common illness that mainly affects children and causes an itchy, spotty rash."]),
      "chickenpox.md",
    );
    const upload = await call("POST", "documents", { session: admin, form });
    expect(upload.res.status).toBe(200);
    expect(upload.json.report.added).toBe(1);
    const docs = await call("GET", "documents", { session: admin });
    const doc = docs.json.documents.find((d: { title: string }) => d.title === "Chickenpox");
    expect(doc.chunks).toBeGreaterThan(0);
    const search = await call("POST", "search", { session: admin, body: { query: "itchy spotty rash in children", mode: "text" } });
    expect(search.json.results[0]).toMatchObject({ title: "Chickenpox", rank: 1 });
    expect((await call("POST", `documents/${encodeURIComponent(doc.id)}/reingest`, { session: admin })).res.status).toBe(200);
    expect((await call("DELETE", `documents/${encodeURIComponent(doc.id)}`, { session: admin })).res.status).toBe(200);
    // Reviews: a corrected answer becomes a curated example.
    await createConversation(handle.db, { id: "conv-review", visitorId: "visitor_reviewtest000000", title: "Is eczema contagious?" });
    await insertMessage(handle.db, {
      id: "q1",
      conversationId: "conv-review",
      role: "user",
      parts: [{ type: "text", text: "Is eczema contagious?" }],
    });
    await insertMessage(handle.db, {
      id: "a1",
      conversationId: "conv-review",
      role: "assistant",
      parts: [{ type: "text", text: "Yes it spreads." }],
    });
    const corrected = await call("POST", "messages/a1/review", {
      session: admin,
      body: { verdict: "corrected", answer: "No. Eczema is not contagious." },
    });
    expect(corrected.json.example).toMatchObject({
      question: "Is eczema contagious?",
      answer: "No. Eczema is not contagious.",
      verdict: "corrected",
    });
    expect((await call("GET", "curated", { session: admin })).json.examples.map((e: { messageId: string }) => e.messageId)).toContain("a1");
    // Settings and users.
    await call("PUT", "settings", {
      session: admin,
      body: { emergencyContacts: { "en-GB": { emergencyNumber: "999", crisisLine: "116 123", crisisLineName: "Samaritans" } } },
    });

    const entries = await listAudit(handle.db, { limit: 1000 });
    const byAction = (action: string) => entries.find((e) => e.action === action);
    for (const action of [
      "key.create",
      "key.revoke",
      "site.create",
      "site.update",
      "site.delete",
      "kb.upload",
      "kb.reingest",
      "kb.delete",
      "review.corrected",
      "settings.update",
      "user.invite",
      "user.accept_invite",
      "auth.login",
      "auth.login_failed",
    ]) {
      expect(byAction(action), action).toBeDefined();
      expect(byAction(action)!.actorEmail).toBeTruthy();
    }
    expect(byAction("key.revoke")!.before).toMatchObject({ revokedAt: null });
    expect((byAction("key.revoke")!.after as { revokedAt: string }).revokedAt).toBeTruthy();
    expect(JSON.stringify(byAction("key.create"))).not.toContain("mk_live_" + String(key.json.key).slice(8, 20));
    expect(byAction("site.update")!.before).toMatchObject({ enabled: true });
    expect(byAction("site.update")!.after).toMatchObject({ enabled: false });
    expect(byAction("kb.delete")!.before).toMatchObject({ title: "Chickenpox" });
    expect(byAction("review.corrected")!.after).toMatchObject({ answer: "No. Eczema is not contagious." });
    expect(byAction("settings.update")!.after).toMatchObject({ emergencyContacts: { "en-GB": { emergencyNumber: "999" } } });
    expect(byAction("settings.update")!.actorEmail).toBe("admin@clinic.example");
    expect(JSON.stringify(entries)).not.toMatch(/scrypt\$/);
    const filtered = await call("GET", "audit?action=site.update", { session: admin });
    expect(filtered.json.entries.every((e: { action: string }) => e.action === "site.update")).toBe(true);
  });
});
