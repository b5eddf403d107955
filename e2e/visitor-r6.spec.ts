// What a new visitor found on a fresh npm start (sixth walk-through), each written from what
// they saw: after an answer that opens with an emergency notice, the page itself (and the
// widget's frame) had scrolled, so the header, the disclaimer banner, the AI disclosure and
// the widget's close button had left the screen, with blank space under the message box; and
// admin console sections that stayed blank (or said "Documents (0)") until their data came.
import { expect, test, type Frame, type Page } from "@playwright/test";
import { AdminPage, ADMIN_E2E } from "./pages/admin-page";
import { ChatPage, PHONE } from "./pages/chat-page";
import { startHostSite, WidgetHostPage } from "./pages/widget-host";

const EMERGENCY = "I have crushing chest pain spreading to my left arm and I can't breathe";
const EARLIER = ["What is asthma?", "How long does a migraine usually last?", "What helps with heartburn?"];
/** How far the document scrolled, and by how much it is taller than its window (both 0 when only the log scrolls). */
const documentOverflow = (target: Page | Frame) =>
  target.evaluate(() => {
    const doc = document.scrollingElement!;
    return { scrolled: doc.scrollTop, taller: doc.scrollHeight - doc.clientHeight };
  });

test.describe("after an emergency answer only the conversation scrolls", () => {
  test.use(PHONE);

  test("web chat: the notice, the banner and the header stay on screen, the page unscrolled", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    // Earlier answers: the log is taller than the screen, and the notice sits low in it.
    for (const [i, question] of EARLIER.entries()) {
      await chat.ask(question);
      await expect(chat.assistantMessages).toHaveCount(i + 1);
      await chat.waitForAnswer();
    }
    expect(await documentOverflow(page)).toEqual({ scrolled: 0, taller: 0 });
    await chat.ask(EMERGENCY);
    await expect(chat.assistantMessages).toHaveCount(EARLIER.length + 1);
    const answer = await chat.waitForAnswer();
    await expect(answer.getByTestId("emergency-notice")).toBeInViewport();
    await expect(chat.banner).toBeInViewport();
    await expect(page.getByRole("heading", { name: "MedChat" })).toBeInViewport();
    expect(await documentOverflow(page)).toEqual({ scrolled: 0, taller: 0 });
    await page.screenshot({ path: "test-results/visitor-r6-web-emergency-phone.png" });
  });

  test("widget: the notice and the panel's close button stay on screen, the frame unscrolled", async ({ page }) => {
    const host = await startHostSite(Number(process.env.E2E_WIDGET_HOST_PORT));
    try {
      const widget = new WidgetHostPage(page);
      await widget.open(host.origin, process.env.E2E_WIDGET_SITE!);
      await widget.launcher.click();
      await widget.acceptConsent();
      for (const [i, question] of EARLIER.entries()) {
        await widget.ask(question);
        await expect(widget.answers).toHaveCount(i + 1);
        await widget.waitForAnswer();
      }
      await widget.ask(EMERGENCY);
      await expect(widget.answers).toHaveCount(EARLIER.length + 1);
      const answer = await widget.waitForAnswer();
      await expect(answer.getByTestId("emergency-notice")).toBeInViewport();
      await expect(widget.panel.getByRole("button", { name: "Close chat" })).toBeInViewport();
      await expect(widget.panel.getByTestId("disclaimer-banner")).toBeInViewport();
      expect(await documentOverflow(widget.panelFrame())).toEqual({ scrolled: 0, taller: 0 });
      await page.screenshot({ path: "test-results/visitor-r6-widget-emergency-phone.png" });
    } finally {
      await host.close();
    }
  });
});

test("admin console: a section whose data is slow to come says it is loading, then shows it", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  // Each section's first answer is held back until the page has been looked at (a loaded
  // machine takes seconds; the panels were blank until then).
  const sections: [section: string, api: RegExp, loading: string, loaded: RegExp][] = [
    ["Knowledge base", /\/api\/admin\/documents\?/, "Loading documents…", /Documents \(\d+\+?\)/],
    ["Conversations", /\/api\/admin\/conversations\?/, "Loading conversations…", /Conversation/],
    ["API keys", /\/api\/admin\/keys$/, "Loading API keys…", /Name/],
    ["Widget sites", /\/api\/admin\/sites$/, "Loading widget sites…", /Origins:/],
    ["Training", /\/api\/admin\/training\/runs$/, "Loading the runs…", /No retraining run yet|Started/],
    ["Adapters", /\/api\/admin\/adapters$/, "Loading the adapters…", /Serving the public chat now/],
    ["Users", /\/api\/admin\/users$/, "Loading users…", new RegExp(ADMIN_E2E.email)],
    ["Audit log", /\/api\/admin\/audit\?/, "Loading the audit log…", /auth\.login/],
    ["Settings", /\/api\/admin\/settings$/, "Loading the settings…", /Save settings/],
  ];
  for (const [section, api, loading, loaded] of sections) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(api, async (route) => {
      await held;
      await route.continue();
    });
    await admin.go(section);
    const main = page.getByRole("main");
    await expect(main.getByRole("status").filter({ hasText: loading })).toBeVisible();
    release();
    await expect(main).toContainText(loaded);
    await expect(main.getByTestId("admin-loading")).toHaveCount(0);
    await page.unroute(api);
  }
  await page.screenshot({ path: "test-results/visitor-r6-admin-loaded.png", fullPage: true });
});

test("admin console: an empty list says so instead of showing bare column headings", async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  await page.route(/\/api\/admin\/keys$/, (route) =>
    route.request().method() === "GET" ? route.fulfill({ json: { keys: [] } }) : route.continue(),
  );
  await admin.go("API keys");
  await expect(page.getByRole("main")).toContainText("No API key yet: create one above.");
  await admin.go("Knowledge base");
  await page.getByLabel("Filter by title").fill("no title has these words zzqx");
  await expect(page.getByRole("main")).toContainText("No document title matches.");
});

test.describe("a thumb on a phone", () => {
  test.use(PHONE);

  test("is saved at once, and the comment box it opens is on screen with the focus in it", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    for (const [i, question] of EARLIER.slice(0, 2).entries()) {
      await chat.ask(question);
      await expect(chat.assistantMessages).toHaveCount(i + 1);
      await chat.waitForAnswer();
    }
    const answer = chat.lastAnswer();
    await answer.getByRole("button", { name: "Not helpful" }).click();
    const comment = answer.getByLabel("What was wrong or missing? (optional)");
    await expect(comment).toBeFocused();
    await expect(comment).toBeInViewport();
    await expect(answer.getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    // Stored before any comment is sent: a visitor who taps and leaves has rated the answer.
    const id = chat.conversationIdFromUrl();
    await expect
      .poll(async () => {
        const view = (await (await page.request.get(`/api/conversations/${id}`)).json()) as {
          feedback: Record<string, { rating: string }>;
        };
        return Object.values(view.feedback).map((f) => f.rating);
      })
      .toEqual(["down"]);
    await page.screenshot({ path: "test-results/visitor-r6-feedback-phone.png" });
    await comment.fill("It did not say when to see a doctor");
    await answer.getByRole("button", { name: "Send feedback" }).click();
    await expect(answer.getByText("Thanks for your feedback.")).toBeVisible();
    await expect(comment).toBeHidden();
  });
});
