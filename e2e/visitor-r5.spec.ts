// What a new visitor found on a fresh npm start (fifth walk-through), each written from what
// they saw: an emergency notice scrolled off a phone's screen by its own answer, a child's
// fever written as "39C" that found no source, a partner API that handed out the web chat's
// visitor cookie, and malformed HTTP answered with an empty body.
import net from "node:net";
import { expect, test } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";

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
  await page.screenshot({ path: "test-results/visitor-phone-emergency-in-view.png" });
});

test("a child's fever written as '39C' finds the fever page, as the same question without the reading does", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("My 4 year old has a fever of 39C, what should I do?");
  const answer = await chat.waitForAnswer();
  await expect(answer.getByTestId("sources")).toContainText("Fever in children");
  await expect(answer).not.toContainText("couldn't find this");
  await page.screenshot({ path: "test-results/visitor-fever-39c.png", fullPage: true });
});

test("a partner API call gets no web-chat visitor cookie; a page still does", async ({ request }) => {
  for (const path of ["/api/v1/models", "/api/v1/openapi.json"]) {
    const res = await request.get(path, { headers: { cookie: "" } });
    expect(res.headers()["set-cookie"], path).toBeUndefined();
  }
  const page = await request.get("/");
  expect(page.headers()["set-cookie"]).toMatch(/medchat_vid=/);
});

test("a request Node's HTTP parser refuses gets a JSON reason, not an empty 400", async ({ baseURL }) => {
  const url = new URL(baseURL!);
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () =>
      socket.write(`POST /api/chat HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n{}`),
    );
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => (received += d));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
  expect(reply).toMatch(/^HTTP\/1\.1 400/);
  const body = JSON.parse(reply.slice(reply.indexOf("\r\n\r\n") + 4)) as { error: { message: string; type: string } };
  expect(body.error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining("Content-Length") });
});
