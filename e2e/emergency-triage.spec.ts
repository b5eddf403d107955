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
