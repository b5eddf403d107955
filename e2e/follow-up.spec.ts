// A conversation in the web chat, as a visitor holds one: a question, then follow-ups that lean on
// it. "what foods should I avoid?" names no subject of its own and "and can I still drink beer?"
// follows that follow-up: both are answered from the Gout page, the conversation's subject
// (lib/chat/follow-up.ts), not from Food poisoning / Food allergy. A new subject stands on its own.
import { expect, test, type Locator } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";

/** Asks in the open conversation and waits for that question's own answer (not the one before it) to finish. */
async function askInConversation(chat: ChatPage, question: string): Promise<Locator> {
  const answered = await chat.assistantMessages.count();
  await chat.ask(question);
  await expect(chat.userMessages.last()).toContainText(question);
  await expect(chat.assistantMessages).toHaveCount(answered + 1);
  return chat.waitForAnswer();
}

/** The titles of the sources listed under an answer, in their numbered order. */
async function listedTitles(answer: Locator): Promise<string[]> {
  const items = answer.getByTestId("sources").getByRole("listitem");
  const listed = await items.evaluateAll((lis) =>
    lis.map((li) => ({ n: (li as HTMLLIElement).value, title: li.querySelector("a, span")?.textContent?.trim() ?? "" })),
  );
  return listed.sort((a, b) => a.n - b.n).map((l) => l.title);
}

test("follow-ups keep the conversation's subject, through a follow-up to a follow-up; a new subject stands on its own", async ({
  page,
}) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();

  expect((await listedTitles(await askInConversation(chat, "what is gout?")))[0]).toBe("Gout");
  const conversation = chat.conversationIdFromUrl();

  for (const followUp of ["what foods should I avoid?", "and can I still drink beer?"]) {
    const titles = await listedTitles(await askInConversation(chat, followUp));
    expect(titles[0], `"${followUp}" is answered from the Gout page first (listed: ${titles.join(", ")})`).toBe("Gout");
    expect(titles).not.toContain("Food poisoning");
  }

  const titles = await listedTitles(await askInConversation(chat, "what is asthma?"));
  expect(titles[0]).toBe("Asthma");
  expect(titles).not.toContain("Gout");

  // One conversation throughout: four questions, four answers.
  expect(chat.conversationIdFromUrl()).toBe(conversation);
  await expect(chat.userMessages).toHaveCount(4);
  await expect(chat.assistantMessages).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath("follow-up-gout.png"), fullPage: true });
});
