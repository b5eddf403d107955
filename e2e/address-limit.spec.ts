// The per-address limit of `next start` cannot be reset by a fresh cookie and a made-up
// X-Forwarded-For per request: with no proxy in front (TRUSTED_PROXIES=0) the address is
// the socket's. Runs last (its own project): it uses up 127.0.0.1's window for a minute.
import { expect, test } from "@playwright/test";

const LIMIT = 240; // CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE in e2e/global-setup.ts

test("a fresh cookie and a new X-Forwarded-For per request do not reset the per-address limit", async ({ playwright }) => {
  test.setTimeout(120_000);
  const statuses: number[] = [];
  // Requests without consent are counted, then refused (403) before any model call: cheap to send.
  for (let i = 0; i < LIMIT + 5 && !statuses.includes(429); i++) {
    const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_APP_PORT}` });
    const res = await request.post("/api/chat", {
      headers: { "x-forwarded-for": `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`, "x-real-ip": `198.51.100.${(i % 250) + 1}` },
      data: { id: `addr-${i}`, message: { id: `addr-${i}-m`, role: "user", parts: [{ type: "text", text: "What is a cold?" }] } },
    });
    statuses.push(res.status());
    await request.dispose();
  }
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.filter((s) => s === 403).length).toBeLessThanOrEqual(LIMIT);
});
