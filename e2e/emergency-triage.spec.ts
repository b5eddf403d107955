// Issue 9 as a visitor sees it: an emergency in Spanish, and one told over two messages,
// get the notice first, in the visitor's language, with the locale's number.
import { expect, test } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";

test.describe("emergency triage in the web chat", () => {
  test("a Spanish emergency gets a Spanish notice with the emergency number, before the answer", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("me duele mucho el pecho y no puedo respirar");
    const answer = chat.lastAnswer();
    const notice = answer.getByTestId("emergency-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute("lang", "es");
    await expect(notice).toContainText("Posible emergencia");
    await expect(notice).toContainText("Llamar al 911");
    await chat.waitForAnswer();
    expect(await answer.locator(":scope > *").first().getAttribute("data-testid")).toBe("emergency-notice");
    await page.screenshot({ path: "test-results/emergency-notice-es.png", fullPage: true });
  });

  // Other scripts: the notice comes first, marked with the writer's language (right to left for Arabic).
  for (const [language, text, heading] of [
    ["zh", "我爸胸口压着疼，出冷汗，左手发麻", "可能是紧急情况"],
    ["ar", "أريد أن أنتحر الليلة", "حالة طارئة محتملة"],
    ["ru", "у мамы перекосило лицо и она не может говорить", "Возможно, это экстренная ситуация"],
  ] as const) {
    test(`an emergency written in ${language} gets the notice first, in ${language}`, async ({ page }) => {
      const chat = new ChatPage(page);
      await chat.open();
      await chat.accept();
      await chat.ask(text);
      const answer = chat.lastAnswer();
      const notice = answer.getByTestId("emergency-notice");
      await expect(notice).toHaveAttribute("lang", language);
      await expect(notice).toContainText(heading);
      if (language === "ar") await expect(notice).toHaveAttribute("dir", "rtl");
      await chat.waitForAnswer();
      expect(await answer.locator(":scope > *").first().getAttribute("data-testid")).toBe("emergency-notice");
    });
  }

  test("a child's ingestion told over two messages gets the notice on the second", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("my mum left her sleeping tablets on the table");
    await chat.waitForAnswer();
    await expect(chat.lastAnswer().getByTestId("emergency-notice")).toHaveCount(0);
    await chat.ask("my 2 year old ate some of them");
    await expect(chat.lastAnswer().getByTestId("emergency-notice")).toBeVisible();
    await chat.waitForAnswer();
  });
});

// What the notice says speaks to the message just sent: its language, what this turn brings,
// the crisis line written once. Screenshots in test-results/notice/.
test.describe("the emergency notice in a conversation", () => {
  test("English: a crisis after an earlier chest pain names the crisis line once and not the chest pain", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("I have crushing chest pain and I'm sweating");
    await expect(chat.lastAnswer().getByTestId("emergency-notice")).toContainText("heart attack");
    await chat.waitForAnswer();
    await chat.ask("it passed now, thanks");
    await expect(chat.assistantMessages).toHaveCount(2);
    await chat.waitForAnswer();
    await chat.ask("I want to kill myself");
    await expect(chat.assistantMessages).toHaveCount(3);
    const answer = chat.lastAnswer();
    const notice = answer.getByTestId("emergency-notice");
    await expect(notice).toHaveAttribute("lang", "en");
    await expect(notice).toContainText("call or text 988 (Suicide & Crisis Lifeline) now");
    await expect(notice).not.toContainText("heart attack");
    await expect(notice).not.toContainText("988 (988");
    await chat.waitForAnswer();
    await expect(answer).toContainText("You are not alone");
    await page.screenshot({ path: "test-results/notice/en.png", fullPage: true });
  });

  test("an overdose notice that names the crisis line offers it as a call too, not only in its text", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("I took a whole bottle of sleeping pills 20 minutes ago");
    const notice = chat.lastAnswer().getByTestId("emergency-notice");
    await expect(notice).toContainText("call or text 988");
    await expect(notice.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
    await expect(notice.getByRole("link", { name: "Crisis line 988" })).toHaveAttribute("href", "tel:988");
    await chat.waitForAnswer();
    await page.screenshot({ path: "test-results/notice/overdose.png", fullPage: true });
  });

  test("Spanish in the US: the 988 line under its Spanish name, the crisis answer in Spanish", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("quiero suicidarme esta noche");
    const answer = chat.lastAnswer();
    const notice = answer.getByTestId("emergency-notice");
    await expect(notice).toHaveAttribute("lang", "es");
    await expect(notice).toContainText("al 988 (Lifeline, opción 2 para español)");
    await expect(notice).not.toContainText("Suicide & Crisis");
    await chat.waitForAnswer();
    await expect(answer).toContainText("No está solo");
    await page.screenshot({ path: "test-results/notice/es.png", fullPage: true });
  });

  test.describe("in France", () => {
    test.use({ locale: "fr-FR" });
    test("French: 112 and 3114 with its French name, the crisis answer in French", async ({ page }) => {
      const chat = new ChatPage(page);
      await chat.open();
      await chat.accept();
      await chat.ask("je veux me suicider ce soir");
      const answer = chat.lastAnswer();
      const notice = answer.getByTestId("emergency-notice");
      await expect(notice).toHaveAttribute("lang", "fr");
      await expect(notice).toContainText("Appelez maintenant le 112");
      await expect(notice).toContainText("le 3114 (numéro national de prévention du suicide)");
      await chat.waitForAnswer();
      await expect(answer).toContainText("Vous n'êtes pas seul");
      await page.screenshot({ path: "test-results/notice/fr.png", fullPage: true });
    });
  });

  test("mixed: an English question after a Spanish emergency gets its notice in English", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("me duele mucho el pecho y estoy sudando frío");
    await expect(chat.lastAnswer().getByTestId("emergency-notice")).toHaveAttribute("lang", "es");
    await chat.waitForAnswer();
    // A question about the emergency itself (lib/safety/left-behind.ts: one about something else does not repeat the notice).
    await chat.ask("should I take an aspirin now?");
    await expect(chat.assistantMessages).toHaveCount(2);
    const notice = chat.lastAnswer().getByTestId("emergency-notice");
    await expect(notice).toHaveAttribute("lang", "en");
    await expect(notice).toContainText("Call 911");
    await chat.waitForAnswer();
    await page.screenshot({ path: "test-results/notice/mixed.png", fullPage: true });
  });
});
