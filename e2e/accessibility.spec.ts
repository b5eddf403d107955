// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on the states a
// visitor sees: the consent gate, a conversation with an emergency notice, sources and
// the disclaimer footer, in light and dark mode, on a desktop and a phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ChatPage, PHONE } from "./pages/chat-page";

async function violationsOf(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // The rules really ran on the page (colour contrast, labels, landmarks, …).
  expect(results.passes.map((r) => r.id)).toEqual(
    expect.arrayContaining(["color-contrast", "button-name", "document-title", "aria-valid-attr"]),
  );
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("the consent gate and a finished conversation have no WCAG A/AA violations", async ({ page }) => {
      const chat = new ChatPage(page);
      await chat.open();
      await expect(chat.consentGate).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);

      await chat.accept();
      await chat.ask("I took too many of my sleeping pills and feel very drowsy");
      const answer = await chat.waitForAnswer();
      await expect(answer.getByTestId("emergency-notice")).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);
    });
  });
}

test.describe("accessibility on a phone", () => {
  test.use(PHONE);

  test("the chat has no WCAG A/AA violations", async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("What is high blood pressure?");
    await chat.waitForAnswer();
    expect(await violationsOf(page)).toEqual([]);
  });
});
