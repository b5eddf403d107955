// What a new visitor's browser and a partner's client notice before reading anything: a first
// visit without failed requests or console errors (the tab's icon included), and a partner
// route called with the wrong method answering in OpenAI's error shape, and a mistyped address
// getting a styled page that leads back to the chat.
import { expect, test } from "@playwright/test";
import { AdminPage } from "./pages/admin-page";
import { ChatPage } from "./pages/chat-page";

test("a first visit to the web chat loads without a failed request or a console error, with the tab's icon", async ({ page }) => {
  const failures: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") failures.push(`console: ${m.text().slice(0, 200)}`);
  });
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await expect(chat.input).toBeFocused();
  const icon = page.locator('head link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  const iconResponse = await page.request.get((await icon.getAttribute("href"))!);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");
  // Give late requests (history, the browser's own icon fetch) time to settle.
  await page.waitForLoadState("networkidle");
  expect(failures).toEqual([]);
});

test("a partner calling /api/v1/chat/completions with GET gets a 405 in OpenAI's shape that names POST", async ({ request }) => {
  const res = await request.get("/api/v1/chat/completions");
  expect(res.status()).toBe(405);
  expect(res.headers()["allow"]).toBe("POST, OPTIONS");
  expect((await res.json()).error).toMatchObject({ code: "method_not_allowed", type: "invalid_request_error" });
});

test("a mistyped address gets a styled 'Page not found' that leads back to the chat, without CSP errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    // The document's own 404 status is expected; anything else (a refused inline style) is not.
    if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text().slice(0, 200));
  });
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to MedChat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(new ChatPage(page).consentGate).toBeVisible();
  expect(errors).toEqual([]);
});

test("on a phone, a source whose title is one long unbroken word wraps inside the answer instead of scrolling it sideways", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // An operator's document titled like a file name (no spaces), found by a word only it has.
  const title = "Zorblax_syndrome_patient_information_leaflet_for_adults_and_children_reviewed_by_the_clinic_2026";
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  await admin.go("Knowledge base");
  await page.getByLabel(/^Files/).setInputFiles({
    name: "zorblax.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(
      `# ${title}\n\nZorblax syndrome is a condition this clinic explains to its patients. Zorblax syndrome is managed with rest, fluids and a check-up with the clinic's nurse.\n`,
    ),
  });
  await page.getByRole("button", { name: "Upload and ingest" }).click();
  await expect(admin.status()).toContainText("1 added");

  await page.setViewportSize({ width: 375, height: 740 });
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("How is zorblax syndrome managed?");
  const answer = await chat.waitForAnswer();
  const sources = answer.getByTestId("sources");
  await expect(sources).toContainText(title);
  const sideways = await page.evaluate(() => {
    const log = document.querySelector('[role="log"]')!;
    return { log: log.scrollWidth - log.clientWidth, page: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  expect(sideways).toEqual({ log: 0, page: 0 });
  await page.screenshot({ path: "test-results/visitor-long-source-title.png" });
});
