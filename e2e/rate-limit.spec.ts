// The public chat's per-visitor limit (CHAT_RATE_LIMIT_PER_MINUTE, 10 by default): once a
// visitor is over it, the chat shows the server's reason, which still gives the emergency number.
import { expect, test } from "@playwright/test";
import { startInFreshWindow, windowIndex } from "../lib/rate-limit/fresh-window.test-helper";
import { ChatPage } from "./pages/chat-page";

const WINDOW_MS = 60_000; // CHAT_RATE_LIMIT_PER_MINUTE's fixed window, aligned to the minute

test("a visitor over the message limit sees why, when to retry, and the emergency number", async ({ page }) => {
  test.setTimeout(120_000);
  // The refusal the page shows at the end must fall in the window the requests used up.
  await startInFreshWindow(WINDOW_MS, 40_000);
  const windowStart = windowIndex(WINDOW_MS);
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  // Use up this visitor's window with API calls that carry the same visitor cookie as the
  // page, until the server refuses one (windows are fixed minutes, so counting to exactly 10
  // could straddle a boundary).
  const statuses: number[] = [];
  for (let i = 0; i < 25 && !statuses.includes(429); i++) {
    const res = await page.request.post("/api/chat", {
      data: {
        id: `rate-e2e-${i}`,
        message: { id: `rate-e2e-${i}-m`, role: "user", parts: [{ type: "text", text: "What is a cold?" }] },
        consent: true,
      },
    });
    statuses.push(res.status());
    await res.body();
  }
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(10);
  await chat.ask("What is the flu?");
  const alert = page.getByTestId("request-error");
  await expect(alert).toContainText("message limit");
  await expect(alert).toContainText(/try again in \d+ seconds/);
  await expect(alert).toContainText("call 911");
  expect(windowIndex(WINDOW_MS), "the test took longer than one rate-limit window").toBe(windowStart);
});
