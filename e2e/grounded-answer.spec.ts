// Quote mode in the web chat: the model here is a tiny RANDOM model, which left alone writes
// nonsense; every sentence of the answer must still be a sentence of a listed source, and
// every [n] must link to the source that holds the sentence before it.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { citedSentences } from "../gpu-function/shared/quote-units";
import { ChatPage } from "./pages/chat-page";

/** The starter knowledge base by title: the full text each listed source comes from. */
function starterDocuments(): Map<string, string> {
  const dir = path.join(process.cwd(), "lib", "rag", "starter-kb");
  const docs = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".md") && !f.startsWith("_"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim();
    if (title) docs.set(title, text.replace(/^---[\s\S]*?---\n/, ""));
  }
  return docs;
}

test("the type 2 diabetes answer quotes its listed sources, each marker linked to its source", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("What are the symptoms of type 2 diabetes?");
  const answer = await chat.waitForAnswer();

  // The list shows the sources the answer cites, each under its own number (titles[n - 1]).
  const sourceItems = answer.getByTestId("sources").getByRole("listitem");
  const listed = await sourceItems.evaluateAll((items) =>
    items.map((li) => ({ n: (li as HTMLLIElement).value, title: li.querySelector("a, span")?.textContent?.trim() ?? "" })),
  );
  const titles: string[] = [];
  for (const { n, title } of listed) titles[n - 1] = title;
  expect(titles).toContain("Type 2 diabetes");
  const docs = starterDocuments();
  const sourceTexts = Array.from(titles, (t) => (t === undefined ? "" : (docs.get(t) ?? "")));
  for (const { n, title } of listed) expect(sourceTexts[n - 1], `listed source ${title} is a starter document`).not.toBe("");

  const text = (await answer.getByTestId("answer-text").innerText()).trim();
  const sentences = citedSentences(text, sourceTexts);
  expect(sentences.length).toBeGreaterThan(0);
  for (const s of sentences) {
    expect(s.cites, `"${s.text}" carries one marker`).toHaveLength(1);
    expect(s.verbatim, `"${s.text}" is a sentence of source ${s.cites[0]} (${titles[s.cites[0]! - 1]})`).toBe(true);
  }

  // Every marker is a link to the numbered source in the list below the answer.
  const markers = answer.getByTestId("answer-text").locator("a.citation");
  const count = await markers.count();
  expect(count).toBe(sentences.length);
  for (let i = 0; i < count; i++) {
    const href = (await markers.nth(i).getAttribute("href"))!;
    const n = Number(/-(\d+)$/.exec(href)?.[1]);
    expect(await markers.nth(i).innerText()).toBe(`[${n}]`);
    await expect(answer.locator(href.replace(/^#/, "#").replace(/([:.])/g, "\\$1"))).toHaveCount(1);
    await expect(answer.getByTestId("sources").locator(`li[value="${n}"]`)).toHaveAttribute("id", href.slice(1));
    await expect(markers.nth(i)).toHaveAttribute("title", titles[n - 1]!);
  }
  // Only cited sources are listed: a retrieved passage the answer does not use is not shown as one of its sources.
  const cited = new Set(sentences.flatMap((s) => s.cites));
  for (const { n, title } of listed) expect(cited.has(n), `listed source ${n} (${title}) is cited`).toBe(true);
  await page.screenshot({ path: test.info().outputPath("grounded-type-2-diabetes.png"), fullPage: true });
});

test("a question that asks two things is answered from a listed section for each part", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("What is gout and how is it treated?");
  const answer = await chat.waitForAnswer();
  // Two sections of the gout page, each its own source, told apart by their section.
  const items = answer.getByTestId("sources").getByRole("listitem");
  await expect(items.filter({ hasText: "What it is" })).toHaveCount(1);
  await expect(items.filter({ hasText: "Treatment and management" })).toHaveCount(1);
  const listed = await items.evaluateAll((lis) =>
    lis.map((li) => ({
      n: (li as HTMLLIElement).value,
      title: li.querySelector("a, span")?.textContent?.trim() ?? "",
      text: li.textContent ?? "",
    })),
  );
  const docs = starterDocuments();
  const sourceTexts: string[] = [];
  for (const { n, title } of listed) sourceTexts[n - 1] = docs.get(title) ?? "";
  const text = (await answer.getByTestId("answer-text").innerText()).trim();
  const sentences = citedSentences(
    text,
    Array.from(sourceTexts, (t) => t ?? ""),
  );
  for (const s of sentences) expect(s.verbatim, `"${s.text}" is a sentence of source ${s.cites[0]}`).toBe(true);
  // The answer quotes both: the overview for "what is gout", the treatment section for "how is it treated".
  const numberOf = (section: string) => listed.find((l) => l.text.includes(section))!.n;
  const cited = new Set(sentences.flatMap((s) => s.cites));
  expect(cited).toContain(numberOf("What it is"));
  expect(cited).toContain(numberOf("Treatment and management"));
  await page.screenshot({ path: test.info().outputPath("multi-part-gout.png"), fullPage: true });
});

test("a question the knowledge base cannot answer gets the honest fixed message, with no sources", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("Who won the football world cup in 1998?");
  const answer = await chat.waitForAnswer();
  await expect(answer.getByTestId("answer-text")).toContainText("I couldn't find this in the MedChat knowledge base");
  await expect(answer.getByTestId("answer-text")).toContainText("medlineplus.gov");
  await expect(answer.getByTestId("sources")).toHaveCount(0);
});

test("a child's fever written as '39C' finds the fever page, as the same question without the reading does", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("My 4 year old has a fever of 39C, what should I do?");
  const answer = await chat.waitForAnswer();
  await expect(answer.getByTestId("sources")).toContainText("Fever in children");
  await expect(answer).not.toContainText("couldn't find this");
  await page.screenshot({ path: "test-results/fever-39c-finds-fever-page.png", fullPage: true });
});
