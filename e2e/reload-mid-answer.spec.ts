// A visitor who reloads the web chat while a question is on its way: before the server has
// stored it, the page is the chat again (not "Conversation not found" for a conversation that
// never began); once it is stored, the reloaded page shows the question and, when the server
// has settled the answer the reload cut off, how it ended — never an empty answer with rating
// buttons, nor sources listed under no text.
import { expect, test } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";

test("a reload before the server has taken the question leaves the visitor on the chat, ready to ask again", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  // The question is held on its way (a slow network, a loaded server).
  await page.route("**/api/chat", () => {
    // Never answered: the reload cancels it.
  });
  await chat.ask("How long does a cold last?");
  await expect(chat.userMessages).toHaveCount(1);
  await expect(page).toHaveURL(/\/$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Conversation not found" })).toHaveCount(0);
  await expect(chat.consentGate).toBeHidden();
  await expect(chat.input).toBeEnabled();
  await page.unroute("**/api/chat");
  await chat.ask("How long does a cold last?");
  await chat.waitForAnswer();
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
});

test("a reload while the answer is being written shows how that answer ended once the server has settled it", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  const accepted = page.waitForResponse((r) => r.url().endsWith("/api/chat") && r.ok());
  await chat.ask("What are the symptoms of type 2 diabetes and how is it treated?");
  await accepted;
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  await page.reload();
  await expect(chat.userMessages.first()).toContainText("What are the symptoms of type 2 diabetes");
  const answer = chat.lastAnswer();
  // Settled: the text written, or the note that it was stopped before any of it was.
  await expect(answer.getByTestId("answer-finishing")).toHaveCount(0);
  await expect(answer.getByRole("button", { name: "Copy answer" })).toBeVisible();
  const text = (await answer.getByTestId("answer-text").allInnerTexts()).join("").trim();
  if (text) {
    await expect(answer.getByTestId("sources")).toBeVisible();
  } else {
    await expect(answer.getByTestId("answer-stopped")).toHaveText(
      "This answer was stopped before any of it was written. Retry to ask again.",
    );
    await expect(answer.getByTestId("sources")).toHaveCount(0);
    await expect(answer.getByRole("button", { name: "Retry this answer" })).toBeVisible();
  }
  await page.screenshot({ path: "test-results/web-chat-reload-mid-answer.png" });
});
