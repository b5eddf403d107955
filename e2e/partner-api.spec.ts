// The partner API (/api/v1) as a partner's HTTP client meets it: a wrong method answered in
// OpenAI's error shape, no web-chat visitor cookie on a keyed server-to-server call, and
// citations named as the web chat names the same sources (the official `openai` client).
import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { AdminPage } from "./pages/admin-page";
import { ChatPage } from "./pages/chat-page";

test("a partner calling /api/v1/chat/completions with GET gets a 405 in OpenAI's shape that names POST", async ({ request }) => {
  const res = await request.get("/api/v1/chat/completions");
  expect(res.status()).toBe(405);
  expect(res.headers()["allow"]).toBe("POST, OPTIONS");
  expect((await res.json()).error).toMatchObject({ code: "method_not_allowed", type: "invalid_request_error" });
});

test("a partner API call gets no web-chat visitor cookie; a page still does", async ({ request }) => {
  for (const path of ["/api/v1/models", "/api/v1/openapi.json"]) {
    const res = await request.get(path, { headers: { cookie: "" } });
    expect(res.headers()["set-cookie"], path).toBeUndefined();
  }
  const page = await request.get("/");
  expect(page.headers()["set-cookie"]).toMatch(/medchat_vid=/);
});

test("the openai client's citation titles read as the web chat lists the same sources: 'Asthma — What it is'", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A key, created in the console as an operator would.
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  await admin.go("API keys");
  await page.getByLabel("Name").fill("Citation titles check");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = /mk_live_\S+/.exec((await page.getByTestId("new-api-key").textContent()) ?? "")![0];

  const question = "What is asthma?";
  const medchat = new OpenAI({ baseURL: `${baseURL}/api/v1`, apiKey: key });
  const completion = await medchat.chat.completions.create({ model: "medchat", messages: [{ role: "user", content: question }] });
  const citations = (completion as typeof completion & { citations: { n: number; title: string }[] }).citations;
  expect(citations.length).toBeGreaterThan(0);

  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask(question);
  const answer = await chat.waitForAnswer();
  // Each listed source as a person reads it: its link and section, without the snippet under them.
  const listed = await answer
    .getByTestId("sources")
    .getByRole("listitem")
    .evaluateAll((items) =>
      items.map((li) => {
        const copy = li.cloneNode(true) as HTMLElement;
        copy.querySelectorAll("p").forEach((p) => p.remove());
        return { n: (li as HTMLLIElement).value, title: copy.textContent!.replace(/\s+/g, " ").trim() };
      }),
    );
  expect(citations.map(({ n, title }) => ({ n, title }))).toEqual(listed);
  for (const { title } of citations) expect(title).not.toContain(" > ");
  expect(citations.map((c) => c.title)).toContain("Asthma — What it is");
  await page.screenshot({ path: "test-results/web-chat-source-titles.png" });
});
