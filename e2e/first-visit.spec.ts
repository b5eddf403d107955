// A new visitor's first minutes on each public surface, as a person meets them: on a small
// phone (375 px), nothing wider than the screen and every safety line in view; by keyboard
// alone, an answer rated with a comment; a first load without a failed request or console
// error, and a mistyped address that leads back to the chat. Screenshots go to test-results/.
import { expect, test, type Frame, type FrameLocator, type Locator, type Page } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";
import { startHostSite, WidgetHostPage } from "./pages/widget-host";

const SMALL_PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const SITE = () => process.env.E2E_WIDGET_SITE!;
// The origin the seeded site allows (specs run one file at a time, each serving it while it runs).
const HOST_PORT = () => Number(process.env.E2E_WIDGET_HOST_PORT);

let host: Awaited<ReturnType<typeof startHostSite>> | undefined;
test.afterAll(async () => {
  await host?.close();
});
async function hostSite() {
  host ??= await startHostSite(HOST_PORT());
  return host;
}

/** Elements that stick out of the viewport sideways (a horizontal scrollbar on a phone). */
async function overflowing(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1) && !el.closest(".sr-only");
    });
    return [
      ...(document.documentElement.scrollWidth > width + 1 ? [`page ${document.documentElement.scrollWidth}px > ${width}px`] : []),
      ...wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 60)}`),
    ];
  });
}

/** Rates the last answer "Not helpful" with a comment using only the keyboard, from the message box. */
async function rateByKeyboard(page: Page, answer: Locator, input: Locator) {
  await input.focus();
  // Back from the message box: the answer's last control is its "Not helpful" button.
  await page.keyboard.press("Shift+Tab");
  await expect(answer.getByRole("button", { name: "Not helpful" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The rating is saved at once and the comment box takes the focus.
  await expect(answer.getByLabel("What was wrong or missing? (optional)")).toBeFocused();
  await page.keyboard.type("Please say when to see a doctor");
  await page.keyboard.press("Tab");
  await expect(answer.getByRole("button", { name: "Send feedback" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(answer.getByText("Thanks for your feedback.")).toBeVisible();
  await expect(answer.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
}

async function expectSafetyLinesInView(scope: Page | FrameLocator) {
  await expect(scope.getByTestId("disclaimer-banner")).toBeInViewport();
  await expect(scope.getByTestId("ai-disclosure")).toBeInViewport();
  await expect(scope.getByTestId("ai-disclosure")).toContainText("AI assistant, not a person");
}

/**
 * The finished answer is scrolled to its end: its rating buttons, shown only once it has
 * finished streaming, are wholly on screen (they were left cut off below the fold).
 */
async function expectAnswerEndInView(answer: Locator) {
  await expect(answer.getByRole("button", { name: "Not helpful" })).toBeInViewport({ ratio: 1 });
}

test.describe("a new visitor on a small phone (375 px)", () => {
  test.use(SMALL_PHONE);

  test("web chat: consent, AI disclosure, disclaimer, a streamed cited answer and thumbs, nothing wider than the screen", async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await expect(chat.consentGate).toBeVisible();
    await expect(chat.acceptConsent).toBeInViewport();
    await expect(chat.consentGate).toContainText("not medical advice");
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: "test-results/first-visit-web-consent-375.png" });

    await chat.accept();
    await expectSafetyLinesInView(page);
    await expect(chat.input).toBeInViewport();
    // An empty chat offers example questions; one tap asks it.
    const examples = page.getByRole("region", { name: "Example questions" });
    await expect(examples.getByRole("button")).toHaveCount(4);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: "test-results/first-visit-web-examples-375.png" });
    await examples.getByRole("button", { name: "What helps with hay fever?" }).click();
    await expect(chat.userMessages.last()).toContainText("What helps with hay fever?");
    const answer = await chat.waitForAnswer();
    await expect(answer.getByTestId("sources")).toContainText("Hay fever");
    await expect(examples).toHaveCount(0);
    await expect(answer.getByTestId("answer-text")).not.toBeEmpty();
    await expect(answer.getByTestId("sources").getByRole("listitem").first()).toBeVisible();
    await expect(answer.getByTestId("disclaimer-footer")).toContainText("not medical advice");
    await expectSafetyLinesInView(page);
    await expectAnswerEndInView(answer);
    expect(await overflowing(page)).toEqual([]);
    await answer.getByRole("button", { name: "Helpful", exact: true }).click();
    await answer.getByRole("button", { name: "Send feedback" }).click();
    await expect(answer.getByText("Thanks for your feedback.")).toBeVisible();
    await page.screenshot({ path: "test-results/first-visit-web-answer-375.png", fullPage: true });
  });

  test("widget on a clinic's page: the same, inside the full-screen panel", async ({ page }) => {
    const site = await hostSite();
    const widget = new WidgetHostPage(page);
    await widget.open(site.origin, SITE());
    await widget.launcher.click();
    await expect(widget.consentGate).toBeVisible();
    await expect(widget.panel.getByRole("button", { name: /I understand/ })).toBeInViewport();
    const frame = page.frame({ url: /\/embed\?/ })!;
    expect(await overflowing(frame)).toEqual([]);
    await page.screenshot({ path: "test-results/first-visit-widget-consent-375.png" });

    await widget.acceptConsent();
    await expectSafetyLinesInView(widget.panel);
    await widget.ask("What is asthma?");
    const answer = await widget.waitForAnswer();
    await expect(answer.getByTestId("sources").getByRole("listitem").first()).toBeVisible();
    await expectAnswerEndInView(answer);
    await expectSafetyLinesInView(widget.panel);
    // The header's controls fit beside the title.
    await expect(widget.panel.getByRole("button", { name: "New chat" })).toBeInViewport();
    await expect(widget.panel.getByRole("button", { name: "Close chat" })).toBeInViewport();
    expect(await overflowing(frame)).toEqual([]);
    await page.screenshot({ path: "test-results/first-visit-widget-answer-375.png" });
  });
});

/** From the focused consent button: accept, then ask in the message box that receives focus. */
async function consentAndAskByKeyboard(page: Page, consent: Locator, input: Locator) {
  await expect(consent).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(input).toBeFocused();
  await page.keyboard.type("What is eczema?");
  await page.keyboard.press("Enter");
}

test.describe("a new visitor using only the keyboard", () => {
  test("web chat: consent, question, and a rating with a comment", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await consentAndAskByKeyboard(page, chat.acceptConsent, chat.input);
    const answer = await chat.waitForAnswer();
    await rateByKeyboard(page, answer, chat.input);
    await page.screenshot({ path: "test-results/first-visit-web-keyboard.png" });
  });

  test("widget: launcher, consent, question, and a rating with a comment", async ({ page }) => {
    const site = await hostSite();
    const widget = new WidgetHostPage(page);
    await widget.open(site.origin, SITE());
    await widget.launcher.focus();
    await page.keyboard.press("Enter");
    await consentAndAskByKeyboard(page, widget.panel.getByRole("button", { name: /I understand/ }), widget.input);
    const answer = await widget.waitForAnswer();
    await rateByKeyboard(page, answer, widget.input);
    await page.screenshot({ path: "test-results/first-visit-widget-keyboard.png" });
  });
});

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
