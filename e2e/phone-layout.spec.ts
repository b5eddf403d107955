// On a phone (375–390 px wide, touch): what a visitor of the web chat and the widget sees stays
// on the screen — an emergency notice and its call button after the answer under it, the
// header, disclaimer banner and close button after an emergency answer (only the conversation
// scrolls, never the page or the widget's frame), the comment box a thumb opens, and a source
// whose title is one unbroken word (wrapped, not scrolled sideways).
import { expect, test, type Frame, type Page } from "@playwright/test";
import { AdminPage } from "./pages/admin-page";
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

test("on a phone, an answer that opens with an emergency notice leaves the notice and its call button on screen", async ({ page }) => {
  // A short phone screen: the answer under the notice (its text, sources, disclaimer and
  // buttons) is taller than the conversation, which followed it to its end.
  await page.setViewportSize({ width: 375, height: 600 });
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("I have crushing chest pain spreading to my left arm and I can't breathe");
  const answer = await chat.waitForAnswer();
  const notice = answer.getByTestId("emergency-notice");
  await expect(notice).toBeInViewport();
  await expect(notice.getByRole("link", { name: "Call 911" })).toBeInViewport();
  await page.screenshot({ path: "test-results/phone-emergency-notice-in-view.png" });
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
    await page.screenshot({ path: "test-results/phone-web-emergency-page-unscrolled.png" });
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
      await page.screenshot({ path: "test-results/phone-widget-emergency-frame-unscrolled.png" });
    } finally {
      await host.close();
    }
  });
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
    await page.screenshot({ path: "test-results/phone-thumb-comment-box.png" });
    await comment.fill("It did not say when to see a doctor");
    await answer.getByRole("button", { name: "Send feedback" }).click();
    await expect(answer.getByText("Thanks for your feedback.")).toBeVisible();
    await expect(comment).toBeHidden();
  });
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
  await page.screenshot({ path: "test-results/phone-long-source-title-wraps.png" });
});
