// The embeddable widget as a visitor of a clinic's website meets it: a plain HTML page on
// another site embeds it with one script tag; the panel (an iframe to /embed) carries the
// same guarantees as the web chat; other sites cannot load it or chat through it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ChatPage, PHONE } from "./pages/chat-page";
import { appOrigin, startHostSite, WidgetHostPage } from "./pages/widget-host";

const SITE = () => process.env.E2E_WIDGET_SITE!;
const DISABLED_SITE = () => process.env.E2E_WIDGET_DISABLED_SITE!;
const HOST_PORT = () => Number(process.env.E2E_WIDGET_HOST_PORT);

let allowed: Awaited<ReturnType<typeof startHostSite>>;
let foreign: Awaited<ReturnType<typeof startHostSite>>;
test.beforeAll(async () => {
  allowed = await startHostSite(HOST_PORT());
  foreign = await startHostSite(HOST_PORT() + 1);
});
test.afterAll(async () => {
  await allowed?.close();
  await foreign?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.map((r) => r.id)).toEqual(expect.arrayContaining(["color-contrast", "button-name"]));
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

test.describe("embeddable widget", () => {
  test("a visitor on a registered site opens it, accepts consent and gets a streamed, cited answer with the disclaimer", async ({
    page,
  }) => {
    const widget = new WidgetHostPage(page);
    await widget.open(allowed.origin, SITE());
    await expect(widget.launcher).toHaveAttribute("aria-expanded", "false");
    await widget.launcher.click();
    await expect(widget.frameElement).toBeVisible();
    await expect(widget.launcher).toHaveAttribute("aria-expanded", "true");
    await expect(widget.consentGate).toContainText("not medical advice");
    await expect(widget.panel.getByTestId("ai-disclosure")).toContainText("AI assistant");
    await expect(widget.panel.getByRole("link", { name: "Talk to a person" })).toHaveAttribute("href", "https://riverside.example/contact");
    await expect(widget.panel.getByText("Hello from Riverside Clinic")).toBeVisible();
    await widget.acceptConsent();
    await expect(widget.panel.getByTestId("disclaimer-banner")).toBeVisible();
    await widget.ask("What is asthma?");
    const answer = await widget.waitForAnswer();
    await expect(answer.getByTestId("answer-text")).not.toBeEmpty();
    await expect(answer.getByTestId("sources").getByRole("listitem").first()).toBeVisible();
    await expect(answer.getByTestId("disclaimer-footer")).toContainText("not medical advice");
    await expect(widget.panel.getByTestId("ai-disclosure")).toBeVisible();
    await page.screenshot({ path: "test-results/widget-answer.png" });
  });

  test("an empty panel offers the web chat's example questions, and the keyboard asks one", async ({ page }) => {
    // What the web chat's empty state offers on this deployment (lib/chat/example-questions.ts)…
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    const webExamples = await page.getByRole("region", { name: "Example questions" }).getByRole("button").allInnerTexts();
    expect(webExamples.length).toBeGreaterThan(0);

    // …is what the widget's empty panel offers too.
    const widget = new WidgetHostPage(page);
    await widget.open(allowed.origin, SITE());
    await widget.launcher.click();
    await widget.acceptConsent();
    const examples = widget.panel.getByRole("region", { name: "Example questions" });
    await expect(examples.getByRole("button")).toHaveText(webExamples);
    await page.screenshot({ path: "test-results/widget-examples.png" });

    // From the message box, Shift+Tab reaches the last example; Enter asks it.
    await expect(widget.input).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    const last = webExamples[webExamples.length - 1];
    await expect(examples.getByRole("button", { name: last })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(widget.panel.getByTestId("user-message")).toContainText(last);
    const answer = await widget.waitForAnswer();
    await expect(answer.getByTestId("sources").getByRole("listitem").first()).toBeVisible();
    await expect(examples).toHaveCount(0);
  });

  test("an emergency message gets the emergency notice before anything else", async ({ page }) => {
    const widget = new WidgetHostPage(page);
    await widget.open(allowed.origin, SITE());
    await widget.launcher.click();
    await widget.acceptConsent();
    await widget.ask("I have crushing chest pain going down my left arm and I'm sweating");
    const answer = await widget.waitForAnswer();
    const first = answer.locator(":scope > *").first();
    await expect(first).toHaveAttribute("data-testid", "emergency-notice");
    await expect(first).toContainText("911");
    // The panel stops at the notice instead of following the answer below it out of view.
    await expect(first).toBeInViewport();
    await page.screenshot({ path: "test-results/widget-emergency.png" });
  });

  test("the JS API opens, closes, toggles and resets the panel and reports events", async ({ page }) => {
    const widget = new WidgetHostPage(page);
    await widget.open(allowed.origin, SITE());
    // The call queued before the loader ran (MedChat.q) was applied: "ready" fired once the panel loaded.
    await page.evaluate(() => {
      const api = window.MedChat as unknown as { on(e: string, fn: (d?: unknown) => void): void };
      for (const event of ["open", "close", "message"])
        api.on(event, (d) =>
          (window as unknown as { medchatLog: unknown[] }).medchatLog.push(
            event === "message" ? `message:${(d as { role: string }).role}` : event,
          ),
        );
    });
    // The README's queue line also works once the loader has run (a snippet placed after the tag).
    await page.evaluate(() => {
      const w = window as unknown as { MedChat: { q: { push(call: unknown[]): void } }; medchatLog: string[] };
      w.MedChat.q.push(["on", "open", () => w.medchatLog.push("open-queued-late")]);
    });
    await page.getByRole("button", { name: "Ask a health question" }).click();
    await expect(widget.frameElement).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { medchatLog: string[] }).medchatLog))
      .toEqual(expect.arrayContaining(["ready", "open", "open-queued-late"]));
    await widget.acceptConsent();
    await widget.ask("What is eczema?");
    await widget.waitForAnswer();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { medchatLog: string[] }).medchatLog))
      .toEqual(expect.arrayContaining(["message:user", "message:assistant"]));

    await page.evaluate(() => (window.MedChat as unknown as { reset(): void }).reset());
    await expect(widget.answers).toHaveCount(0);
    await expect(widget.panel.getByText("Hello from Riverside Clinic")).toBeVisible();

    await page.evaluate(() => (window.MedChat as unknown as { close(): void }).close());
    await expect(widget.frameElement).toBeHidden();
    await page.evaluate(() => (window.MedChat as unknown as { toggle(): void }).toggle());
    await expect(widget.frameElement).toBeVisible();
    expect(await page.evaluate(() => (window.MedChat as unknown as { isOpen(): boolean }).isOpen())).toBe(true);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { medchatLog: string[] }).medchatLog.filter((e) => e === "close").length))
      .toBe(1);
  });

  test("a visitor rates an answer, finds the conversation again after reloading the host page, and New chat forgets it", async ({
    page,
  }) => {
    const widget = new WidgetHostPage(page);
    await widget.open(allowed.origin, SITE());
    await widget.launcher.click();
    await widget.acceptConsent();
    await widget.ask("What is asthma?");
    const answer = await widget.waitForAnswer();
    // Thumbs and a comment, saved on the server like the web chat's.
    await answer.getByRole("button", { name: "Not helpful" }).click();
    await answer.getByLabel("What was wrong or missing? (optional)").fill("I wanted to know about triggers");
    await answer.getByRole("button", { name: "Send feedback" }).click();
    await expect(answer.getByText("Thanks for your feedback.")).toBeVisible();
    await page.screenshot({ path: "test-results/widget-feedback.png" });

    // The visitor reloads the clinic's page and opens the chat again: the conversation and the rating are back.
    await page.reload();
    await expect(widget.launcher).toBeVisible();
    await widget.launcher.click();
    await expect(widget.panel.getByTestId("user-message")).toHaveText(/What is asthma\?/);
    await expect(widget.answers).toHaveCount(1);
    await expect(widget.answers.first().getByTestId("disclaimer-footer")).toContainText("not medical advice");
    await expect(widget.answers.first().getByTestId("sources")).toBeVisible();
    await expect(widget.answers.first().getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    await expect(widget.consentGate).toHaveCount(0);
    await expect(widget.input).toBeFocused();
    await page.screenshot({ path: "test-results/widget-restored.png" });

    // "New chat" starts afresh, and a reload then shows the greeting, not the old conversation.
    await widget.panel.getByRole("button", { name: "New chat" }).click();
    await expect(widget.panel.getByText("Hello from Riverside Clinic")).toBeVisible();
    await page.reload();
    await widget.launcher.click();
    await expect(widget.panel.getByText("Hello from Riverside Clinic")).toBeVisible();
    await expect(widget.answers).toHaveCount(0);
  });

  test("works with the keyboard alone: launcher, consent, question, Escape returns focus", async ({ page }) => {
    // The panel's page is slow to arrive: opened before it is there, the panel is focused only once it is.
    let releaseEmbed!: () => void;
    const embedHeld = new Promise<void>((resolve) => (releaseEmbed = resolve));
    await page.route(/\/embed\?/, async (route) => {
      await embedHeld;
      await route.continue();
    });
    const widget = new WidgetHostPage(page);
    await widget.open(allowed.origin, SITE());
    await widget.launcher.focus();
    await page.keyboard.press("Enter");
    await expect(widget.frameElement).toBeVisible();
    // Chromium loses track of a cross-site frame focused before its page commits (the frame's
    // page believes it has focus, keys still go to the host page): the launcher keeps focus meanwhile.
    expect(await widget.launcherState()).toEqual({ expanded: "true", focused: true });
    releaseEmbed();
    // Focus moved into the panel, onto the consent button.
    await expect(widget.panel.getByRole("button", { name: /I understand/ })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(widget.panel.getByRole("button", { name: /I understand/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(widget.input).toBeFocused();
    await page.keyboard.type("What is high blood pressure?");
    await page.keyboard.press("Enter");
    await widget.waitForAnswer();
    // Tab cycles inside the panel (focus trap) instead of leaving for the host page.
    for (let i = 0; i < 25; i++) await page.keyboard.press("Tab");
    expect(await widget.frameElement.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await page.keyboard.press("Escape");
    await expect(widget.frameElement).toBeHidden();
    expect(await widget.launcherState()).toEqual({ expanded: "false", focused: true });
  });

  test("another site cannot load the panel or chat through it", async ({ page, request }) => {
    // The loader on a page whose origin the site does not list: the browser refuses to show the panel.
    const widget = new WidgetHostPage(page);
    const refusedFrames: string[] = [];
    page.on("console", (m) => {
      if (/frame-ancestors/.test(m.text())) refusedFrames.push(m.text());
    });
    await widget.open(foreign.origin, SITE());
    await widget.launcher.click();
    await expect.poll(() => refusedFrames.length).toBeGreaterThan(0);
    await expect(widget.consentGate).toHaveCount(0);

    // A page that frames /embed itself and claims to be the allowed origin is refused too.
    await page.goto(`${foreign.origin}/?site=${SITE()}&spoof=${encodeURIComponent(allowed.origin)}`);
    await expect.poll(() => refusedFrames.length).toBeGreaterThan(1);
    await expect(page.frameLocator("iframe[title='spoofed panel']").getByTestId("consent-gate")).toHaveCount(0);

    // The policy the browser enforces, and the chat API's own checks.
    const embed = await request.get(`/embed?site=${SITE()}&origin=${encodeURIComponent(allowed.origin)}`);
    expect(embed.headers()["content-security-policy"]).toContain(`frame-ancestors ${allowed.origin}`);
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    const unknown = await request.get(`/embed?site=ws_000000000000000000000000&origin=${encodeURIComponent(allowed.origin)}`);
    expect(unknown.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await unknown.text()).toContain("not registered");
    const disabled = await request.get(`/embed?site=${DISABLED_SITE()}&origin=${encodeURIComponent(allowed.origin)}`);
    expect(disabled.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await disabled.text()).toContain("turned off");

    const message = (hostOrigin: string, siteKey = SITE()) => ({
      id: `widget-refused-${Math.random().toString(36).slice(2)}`,
      message: { id: `m-${Math.random().toString(36).slice(2)}`, role: "user", parts: [{ type: "text", text: "hello" }] },
      consent: true,
      widget: { siteKey, hostOrigin, visitor: "e2evisitor00000000000001" },
    });
    const fromForeign = await request.post("/api/chat", { data: message(foreign.origin), headers: { origin: appOrigin() } });
    expect(fromForeign.status()).toBe(403);
    expect((await fromForeign.json()).error.code).toBe("origin_not_allowed");
    const fromHostPage = await request.post("/api/chat", { data: message(allowed.origin), headers: { origin: allowed.origin } });
    expect(fromHostPage.status()).toBe(403);
    const fromDisabled = await request.post("/api/chat", {
      data: message(allowed.origin, DISABLED_SITE()),
      headers: { origin: appOrigin() },
    });
    expect((await fromDisabled.json()).error.code).toBe("site_disabled");
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`widget accessibility (${colorScheme})`, () => {
    test.use({ colorScheme });
    test("the open panel with an answer has no WCAG 2.1 A/AA violations", async ({ page }) => {
      const widget = new WidgetHostPage(page);
      await widget.open(allowed.origin, SITE());
      await widget.launcher.click();
      await expect(widget.consentGate).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await widget.acceptConsent();
      await widget.ask("What is asthma?");
      await widget.waitForAnswer();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/widget-open-${colorScheme}.png` });
    });
  });
}

test.describe("widget on a phone", () => {
  test.use(PHONE);
  test("closed it covers only its button; open it fills the screen and passes axe", async ({ page }) => {
    const widget = new WidgetHostPage(page);
    await widget.open(allowed.origin, SITE());
    const button = await widget.launcher.boundingBox();
    expect(button!.width).toBeLessThanOrEqual(64);
    await expect(widget.frameElement).toBeHidden();
    await page.getByRole("button", { name: "Ask a health question" }).click();
    await expect(widget.frameElement).toBeVisible();
    const frame = await widget.frameElement.boundingBox();
    expect(frame!.width).toBeGreaterThanOrEqual(PHONE.viewport.width - 1);
    expect(frame!.height).toBeGreaterThanOrEqual(PHONE.viewport.height - 1);
    await expect(widget.consentGate).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await widget.acceptConsent();
    await widget.panel.getByRole("button", { name: "Close chat" }).click();
    await expect(widget.frameElement).toBeHidden();
    await page.screenshot({ path: "test-results/widget-phone-closed.png" });
  });
});
