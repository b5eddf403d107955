// The per-address limit of `next start` cannot be reset by a fresh cookie and a made-up
// X-Forwarded-For per request: with no proxy in front (TRUSTED_PROXIES=0) the address is
// the socket's. Runs last (its own project): it uses up 127.0.0.1's window for a minute.
import { expect, test } from "@playwright/test";
import { startInFreshWindow, windowIndex } from "../lib/rate-limit/fresh-window.test-helper";

const LIMIT = 240; // CHAT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE in e2e/global-setup.ts
const WINDOW_MS = 60_000; // the limit's fixed window, aligned to the minute (lib/rate-limit/fixed-window.ts)
const BATCH = 20;

test("a fresh cookie and a new X-Forwarded-For per request do not reset the per-address limit", async () => {
  test.setTimeout(150_000);
  // All requests must fall in one window, or the count restarts at the boundary and no 429 is due:
  // start right after a boundary unless most of the current window is still ahead.
  await startInFreshWindow(WINDOW_MS, 45_000);
  const windowStart = windowIndex(WINDOW_MS);

  // Node's fetch keeps no cookies, so every request comes without the visitor cookie; each claims
  // another client address. Requests without consent are counted, then refused (403) before any
  // model call: cheap to send, in small concurrent batches.
  const send = async (i: number) => {
    const res = await fetch(`http://127.0.0.1:${process.env.E2E_APP_PORT}/api/chat`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        "x-real-ip": `198.51.100.${(i % 250) + 1}`,
      },
      body: JSON.stringify({
        id: `addr-${i}`,
        message: { id: `addr-${i}-m`, role: "user", parts: [{ type: "text", text: "What is a cold?" }] },
      }),
    });
    await res.arrayBuffer();
    return res.status;
  };
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 5 && !statuses.includes(429); i += BATCH) {
    statuses.push(...(await Promise.all(Array.from({ length: BATCH }, (_, k) => send(i + k)))));
  }
  expect(windowIndex(WINDOW_MS), "the requests took longer than one rate-limit window").toBe(windowStart);
  expect(statuses).toContain(429);
  expect(statuses.filter((s) => s === 403).length).toBeLessThanOrEqual(LIMIT);
  expect(statuses.every((s) => s === 403 || s === 429)).toBe(true);
});
