// Scheduled retraining, driven from the admin console as an operator would: upload training
// files, retrain with tiny settings, watch the run, read the gate's comparison, promote, roll
// back — and after every promotion and rollback the public chat is answered by the model the
// console says (the model id in the chat stream's finish metadata), including a rollback of the
// very FIRST promoted adapter (the chat serves the gpu-function's own default again although the
// retired adapter was loaded there) and an explicit promotion of an evaluated adapter.
//
// Safe on a Playwright retry: the stack (database, gpu-function) outlives a failed attempt, so
// the attempt first cancels a run the previous one left in progress, uploads files that are new
// examples for this attempt (training-data.ts `attempt`), and reads the adapters page to know
// whether it starts from a fresh deployment (nothing ever promoted) — where the gate must promote
// both runs and rollback must reach the default — or from a previous attempt's adapters, where
// a run the gate keeps back is promoted explicitly and rollback goes to the adapter before.
import { expect, test, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { AdminPage } from "./pages/admin-page";
import { ChatPage } from "./pages/chat-page";
import { flashcardsJsonl, selfCareChatJsonl } from "./pages/training-data";

/** A new visitor asks the public chat one question; the model that answered, from the stream's finish chunk. */
async function modelServingTheChat(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    return await askForModel(await context.newPage());
  } finally {
    await context.close();
  }
}

async function askForModel(page: Page): Promise<string> {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  const response = page.waitForResponse((r) => r.url().endsWith("/api/chat") && r.request().method() === "POST");
  await chat.ask("What is high blood pressure?");
  const body = await (await response).text();
  await chat.waitForAnswer();
  for (const line of body.split("\n")) {
    if (!line.startsWith("data: {")) continue;
    const chunk = JSON.parse(line.slice(6)) as { type?: string; messageMetadata?: { model?: string } };
    if (chunk.type === "finish" && chunk.messageMetadata?.model) return chunk.messageMetadata.model;
  }
  throw new Error("the chat stream carried no finish metadata with the model");
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3)}`);
}

async function uploadTrainingFile(page: Page, name: string, format: string, text: string) {
  await page.getByLabel(/^Training file/).setInputFiles({ name, mimeType: "application/jsonl", buffer: Buffer.from(text) });
  await page.getByLabel("Format").selectOption({ label: format });
  await page.getByRole("button", { name: "Upload training file" }).click();
  await expect(page.getByRole("status").filter({ hasText: name })).toBeVisible();
}

/** Starts a run with tiny settings and waits on its page until it has ended; returns its adapter and state. */
async function retrainAndWatch(page: Page, screenshot?: string): Promise<{ adapter: string; status: string }> {
  await page.getByLabel("Epochs").fill("3");
  await page.getByLabel("Batch size").fill("8");
  await page.getByLabel("Learning-rate multiplier").fill("4");
  await page.getByRole("button", { name: "Retrain now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Retraining started" })).toBeVisible();
  // The runs list shows it with its progress while it runs.
  const row = page.getByTestId("run-row").first();
  await expect(row.getByTestId("run-status")).toHaveText(/queued|running|evaluating|promoted|rejected/);
  await page.getByRole("link", { name: /^Watch run/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Retraining run");
  await expect(page.getByTestId("loss-summary")).toContainText(/Latest: step \d+/, { timeout: 120_000 });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  const status = page.getByTestId("run-status").first();
  await expect(status).toHaveText(/promoted|rejected|failed|cancelled/, { timeout: 300_000 });
  const adapter = (await page
    .getByText(/^Candidate adapter$/)
    .locator("xpath=following-sibling::dd[1]")
    .textContent())!.trim();
  return { adapter, status: (await status.textContent())!.trim() };
}

/** A run the previous attempt left in progress is cancelled from the runs list (one run at a time). */
async function cancelLeftoverRuns(page: Page) {
  const busy = page.getByTestId("run-row").filter({ has: page.getByTestId("run-status").filter({ hasText: /queued|running|evaluating/ }) });
  while ((await busy.count()) > 0) {
    page.once("dialog", (d) => void d.accept());
    await busy
      .first()
      .getByRole("button", { name: /^Cancel run/ })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "Cancelled." })).toBeVisible();
  }
}

/** "Promote…" on the page shown, the confirmation with the comparison, then the promotion. */
async function promoteExplicitly(page: Page, adapter: string) {
  await page.getByRole("button", { name: `Review and promote ${adapter}` }).click();
  const dialog = page.getByTestId("promote-dialog").filter({ visible: true });
  await expect(dialog.getByRole("heading", { name: `Promote ${adapter}?` })).toBeVisible();
  // the comparison it is promoted on: the gate's table from its run, and — when it replaces a promoted
  // adapter — its recorded metrics beside those of the adapter serving now
  await expect(dialog.getByTestId("comparison-table").getByRole("row", { name: /perplexity/ })).toBeVisible();
  if ((await dialog.innerText()).includes("The adapter serving now is retired"))
    await expect(dialog.getByTestId("promote-metrics")).toContainText("golden-set perplexity");
  else await expect(dialog.getByTestId("promote-metrics")).toHaveCount(0);
  await dialog.getByRole("button", { name: `Promote ${adapter}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Promoted:" })).toContainText(adapter);
}

/** What the e2e gpu-function serves with no adapter promoted: its tiny base (it has no adapter of its own). */
const GPU_DEFAULT_MODEL = "medchat-base";
const POLL = { timeout: 90_000, intervals: [1_000, 5_000, 15_000] };

test("an admin retrains with tiny settings, promotes, rolls back (also the very first adapter), and the chat serves each in turn", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(900_000);
  // This attempt's number on the shared stack (a retry, or a --repeat-each repetition): its files are new examples.
  const attempt = testInfo.retry + testInfo.repeatEachIndex * (testInfo.project.retries + 1);
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  await admin.go("Training");
  await expect(page.getByTestId("dataset-counts")).toBeVisible();
  await cancelLeftoverRuns(page);

  // Where this attempt starts: a fresh deployment has never promoted anything.
  await admin.go("Adapters");
  const fresh =
    (await page.getByTestId("active-adapter").innerText()).includes("No adapter is promoted") &&
    (await page.getByTestId("retired-adapters").count()) === 0;
  if (fresh) {
    await expect(page.getByTestId("serving-now")).toContainText(GPU_DEFAULT_MODEL);
    await expect.poll(() => modelServingTheChat(browser), POLL).toBe(GPU_DEFAULT_MODEL);
  }
  await admin.go("Training");

  // A training file in OpenAI chat JSONL with one malformed line: the rest is accepted.
  const selfCare = selfCareChatJsonl(attempt);
  await uploadTrainingFile(page, "self-care.jsonl", "OpenAI chat JSONL", selfCare.text);
  await expect(page.getByRole("status").filter({ hasText: "self-care.jsonl" })).toContainText(`${selfCare.examples} examples added`);
  await expect(page.getByTestId("upload-rejected")).toContainText("4");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/admin-training.png", fullPage: true });

  // Run 1: on a fresh deployment the candidate is better than the base model on the golden set, so the gate promotes it.
  const first = await retrainAndWatch(page, "test-results/admin-training-run-live.png");
  await expect(page.getByTestId("comparison-table")).toBeVisible();
  await expect(page.getByTestId("comparison-table").getByRole("row", { name: /perplexity/ })).toContainText(
    fresh ? "better" : /better|same|worse/,
  );
  await expect(page.getByTestId("gate-decision")).toContainText(/promoted|kept/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/admin-training-run.png", fullPage: true });
  if (fresh) expect(first.status, await page.getByTestId("gate-decision").innerText()).toBe("promoted");
  else if (first.status === "rejected") await promoteExplicitly(page, first.adapter);
  else expect(first.status).toBe("promoted");
  await expect(page.getByTestId("candidate-now")).toContainText("serves the public chat now");
  await expect.poll(() => modelServingTheChat(browser), POLL).toBe(first.adapter);

  // Rollback of the very first promoted adapter: the chat serves the gpu-function's default again
  // (on a retry, the adapter promoted before it), although the retired adapter was loaded there.
  await admin.go("Adapters");
  await expect(page.getByTestId("active-adapter")).toContainText(first.adapter);
  const rollback = page.getByRole("button", { name: /^Roll back to / });
  const rolledBackTo = (await rollback.innerText()).replace(/^Roll back to /, "").trim();
  if (fresh) expect(rolledBackTo).toBe("the default model");
  page.once("dialog", (d) => void d.accept());
  await rollback.click();
  await expect(page.getByRole("status").filter({ hasText: "Rolled back" })).toContainText(first.adapter);
  const expectedAfterRollback = rolledBackTo === "the default model" ? GPU_DEFAULT_MODEL : rolledBackTo;
  await expect(page.getByTestId("serving-now")).toContainText(expectedAfterRollback);
  await expect.poll(() => modelServingTheChat(browser), POLL).toBe(expectedAfterRollback);
  await page.screenshot({ path: "test-results/admin-adapters-first-rolled-back.png", fullPage: true });

  // An explicit promotion of the retired, evaluated adapter, after a confirmation that shows its comparison.
  await expect(page.getByTestId("retired-adapters")).toContainText(first.adapter);
  await promoteExplicitly(page, first.adapter);
  await expect(page.getByTestId("active-adapter")).toContainText(first.adapter);
  await expect.poll(() => modelServingTheChat(browser), POLL).toBe(first.adapter);

  // Run 2 on more data (a second format): better than the active adapter, promoted in its place.
  await admin.go("Training");
  const cards = flashcardsJsonl(attempt);
  await uploadTrainingFile(page, "flashcards.jsonl", "Medical Meadow flashcards", cards.text);
  await expect(page.getByRole("status").filter({ hasText: "flashcards.jsonl" })).toContainText(`${cards.examples} examples added`);
  const second = await retrainAndWatch(page);
  expect(second.adapter).not.toBe(first.adapter);
  await expect(page.getByTestId("gate-decision")).toContainText(first.adapter);
  if (fresh) expect(second.status, await page.getByTestId("gate-decision").innerText()).toBe("promoted");
  else if (second.status === "rejected") await promoteExplicitly(page, second.adapter);
  else expect(second.status).toBe("promoted");
  await expect.poll(() => modelServingTheChat(browser), POLL).toBe(second.adapter);
  await admin.go("Training");
  await expect(page.getByTestId("run-row").nth(1).getByTestId("run-status")).toHaveText(/promoted|rejected/);
  await page.screenshot({ path: "test-results/admin-training-runs.png", fullPage: true });

  // The adapters page: the second is active, the first retired; roll back to the first.
  await admin.go("Adapters");
  await expect(page.getByTestId("active-adapter")).toContainText(second.adapter);
  await expect(page.getByTestId("retired-adapters")).toContainText(first.adapter);
  await expect(page.getByTestId("serving-now")).toContainText(second.adapter);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/admin-adapters.png", fullPage: true });
  page.once("dialog", (d) => {
    expect(d.message()).toContain(`to ${first.adapter}`);
    void d.accept();
  });
  await page.getByRole("button", { name: `Roll back to ${first.adapter}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rolled back" })).toContainText(first.adapter);
  await expect(page.getByTestId("active-adapter")).toContainText(first.adapter);
  await expect.poll(() => modelServingTheChat(browser), POLL).toBe(first.adapter);
  await page.screenshot({ path: "test-results/admin-adapters-rolled-back.png", fullPage: true });
});
