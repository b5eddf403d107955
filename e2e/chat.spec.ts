import { expect, test } from "@playwright/test";
import { ChatPage, PHONE } from "./pages/chat-page";

test.describe("public web chat", () => {
  test("the consent gate blocks chatting until accepted, and the API refuses requests without consent", async ({ page, request }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await expect(chat.consentGate).toBeVisible();
    await expect(chat.consentGate).toContainText("not medical advice");
    await expect(chat.consentGate).toContainText("911");
    await expect(chat.input).toBeDisabled();
    await chat.accept();
    await expect(chat.input).toBeEnabled();
    await expect(chat.banner).toContainText("not medical advice");
    // Remembered for this browser.
    await page.reload();
    await expect(chat.consentGate).toBeHidden();

    const refused = await request.post("/api/chat", {
      data: { id: "no-consent-e2e", message: { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] } },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("consent_required");
  });

  test("works with the keyboard alone: consent, question, answer", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await expect(chat.acceptConsent).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(chat.acceptConsent).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(chat.consentGate).toBeHidden();
    await expect(chat.input).toBeFocused();
    await page.keyboard.type("What is eczema?");
    await page.keyboard.press("Enter");
    await chat.waitForAnswer();
    await expect(page.getByRole("log", { name: "Conversation" })).toContainText("What is eczema?");
  });

  test("a question streams an answer that ends with the disclaimer footer", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("What is asthma?");
    await expect(chat.userMessages.last()).toContainText("What is asthma?");
    const answer = await chat.waitForAnswer();
    await expect(answer.getByTestId("answer-text")).not.toBeEmpty();
    await expect(answer.getByTestId("disclaimer-footer")).toContainText("not medical advice");
    // The footer comes after the model's text.
    const order = await answer
      .locator(":scope > *")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-testid")).filter(Boolean));
    expect(order.indexOf("disclaimer-footer")).toBeGreaterThan(order.indexOf("answer-text"));
    await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  });

  test("an emergency message shows the emergency notice before anything else", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("I have crushing chest pain going down my left arm and I'm sweating");
    const answer = chat.lastAnswer();
    await expect(answer.getByTestId("emergency-notice")).toBeVisible();
    await expect(answer.getByTestId("emergency-notice")).toContainText("911");
    await chat.waitForAnswer();
    const first = await answer.locator(":scope > *").first().getAttribute("data-testid");
    expect(first).toBe("emergency-notice");
    await expect(answer.getByTestId("disclaimer-footer")).toBeVisible();
  });

  test("thumbs-down with a comment is stored, and a reload keeps the conversation", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("How long does a cold last?");
    const answer = await chat.waitForAnswer();
    await answer.getByRole("button", { name: "Not helpful" }).click();
    await answer.getByLabel(/What was wrong or missing/).fill("Too vague for me");
    await answer.getByRole("button", { name: "Send feedback" }).click();
    await expect(answer.getByText("Thanks for your feedback.")).toBeVisible();

    const conversationId = chat.conversationIdFromUrl();
    const stored = await page.request.get(`/api/conversations/${conversationId}`);
    expect(stored.ok()).toBe(true);
    const view = (await stored.json()) as {
      messages: { id: string; role: string }[];
      feedback: Record<string, { rating: string; comment: string }>;
    };
    const assistantId = view.messages.find((m) => m.role === "assistant")!.id;
    expect(view.feedback[assistantId]).toEqual({ rating: "down", comment: "Too vague for me" });

    await page.reload();
    await expect(chat.userMessages.first()).toContainText("How long does a cold last?");
    await expect(chat.lastAnswer().getByTestId("disclaimer-footer")).toBeVisible();
    await expect(chat.lastAnswer().getByRole("button", { name: "Not helpful" })).toHaveAttribute("aria-pressed", "true");
    await expect(chat.historyList).toContainText("How long does a cold last?");
  });

  test("retry replaces the answer, and the history sidebar starts new chats and deletes old ones", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("What is a migraine?");
    await chat.waitForAnswer();
    await chat.lastAnswer().getByRole("button", { name: "Retry this answer" }).click();
    await chat.waitForAnswer();
    await expect(chat.assistantMessages).toHaveCount(1);
    const conversationId = chat.conversationIdFromUrl();
    const stored = (await (await page.request.get(`/api/conversations/${conversationId}`)).json()) as { messages: { role: string }[] };
    expect(stored.messages.map((m) => m.role)).toEqual(["user", "assistant"]);

    await page.getByRole("button", { name: "+ New chat" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(chat.userMessages).toHaveCount(0);
    const entry = chat.historyList.getByRole("listitem").filter({ hasText: "What is a migraine?" });
    await expect(entry).toBeVisible();
    page.once("dialog", (dialog) => void dialog.accept());
    await entry.getByRole("button", { name: /Delete conversation/ }).click();
    await expect(entry).toBeHidden();
    expect((await page.request.get(`/api/conversations/${conversationId}`)).status()).toBe(404);
  });

  test.describe("from a Spanish-speaking browser", () => {
    test.use({ locale: "es-MX" });

    test("'hi' gets the English greeting with the footer in English too, not Spanish", async ({ page }) => {
      const chat = new ChatPage(page);
      await chat.open();
      await chat.accept();
      await chat.ask("hi");
      const answer = await chat.waitForAnswer();
      await expect(answer.getByTestId("answer-text")).toContainText("Hello! I'm MedChat, an AI assistant.");
      await expect(answer.getByTestId("disclaimer-footer")).toContainText(
        "MedChat gives general educational information, not medical advice",
      );
      await page.screenshot({ path: "test-results/web-chat-greeting-es-browser.png" });
    });
  });

  test.describe("on a phone", () => {
    test.use(PHONE);

    test("the chat works and fits the screen", async ({ page }) => {
      const chat = new ChatPage(page);
      await chat.open();
      await chat.accept();
      await expect(chat.historyList).toBeHidden();
      await chat.ask("What helps with a sore throat?");
      await chat.waitForAnswer();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const menu = page.getByRole("button", { name: "Conversation history" });
      await menu.click();
      await expect(chat.historyList).toBeVisible();
      await expect(chat.historyList).toContainText("What helps with a sore throat?");
      // The history covers the screen: keyboard focus moves into it, and Escape closes it back to the menu button.
      await expect(page.getByRole("button", { name: "Close conversation history" })).toBeFocused();
      // Tab stays in the history: the chat it covers cannot take focus.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press("Tab");
        expect(
          await page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest("#history-panel")),
        ).toBe(true);
      }
      await page.getByRole("button", { name: "Close conversation history" }).focus();
      await page.keyboard.press("Escape");
      await expect(chat.historyList).toBeHidden();
      await expect(menu).toBeFocused();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
    });
  });
});
