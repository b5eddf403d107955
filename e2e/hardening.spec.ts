// The production app (`next start`, as npm start runs it) against hostile-but-fair input:
// a strict CSP under which the chat still works, model-written images shown as links and
// never fetched, 4xx with a reason for input that used to end in a 500, and a 408 in seconds
// for a body that never arrives, and a JSON reason for what Node's HTTP parser refuses.
import net from "node:net";
import { expect, test } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";
import { collectCspViolations } from "./pages/csp-violations";

const APP = new URL(`http://127.0.0.1:${process.env.E2E_APP_PORT}`);

test("pages carry a strict nonce CSP, and the chat works under it without a single violation", async ({ page }) => {
  const violations = await collectCspViolations(page);
  const response = await page.goto("/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  const chat = new ChatPage(page);
  await chat.accept();
  await chat.ask("What is a cold?");
  await chat.waitForAnswer();
  await page.reload();
  await expect(chat.userMessages.first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a markdown image in model output is shown as a link and never fetched", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("tracker.example")) fetched.push(r.url());
  });
  // Model output as the browser receives it: the app's UI message stream, answering with an image.
  await page.route("**/api/chat", (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" },
      body:
        [
          { type: "start", messageId: "img-answer" },
          { type: "text-start", id: "t1" },
          {
            type: "text-delta",
            id: "t1",
            delta: "Here is a chart: ![heart rate chart](https://tracker.example/pixel.png?q=my+chest+hurts) and more.",
          },
          { type: "text-end", id: "t1" },
          { type: "data-disclaimer", data: { text: "MedChat provides general educational information, not medical advice." } },
          { type: "finish" },
        ]
          .map((c) => `data: ${JSON.stringify(c)}\n\n`)
          .join("") + "data: [DONE]\n\n",
    }),
  );
  const chat = new ChatPage(page);
  await chat.open();
  await chat.accept();
  await chat.ask("Show me a chart");
  const answer = chat.lastAnswer();
  const link = answer.getByTestId("markdown-image-link");
  await expect(link).toHaveText("[Image: heart rate chart]");
  await expect(link).toHaveAttribute("href", "https://tracker.example/pixel.png?q=my+chest+hurts");
  await expect(answer.locator("img")).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(fetched).toEqual([]);
  await page.screenshot({ path: "test-results/markdown-image-as-link.png" });
});

test("bad input gets a 4xx with a reason, never a 500", async ({ request }) => {
  const surrogate = await request.post("/api/chat", {
    headers: { "content-type": "application/json" },
    data: `{"id":"e2e-surrogate","message":{"id":"e2e-surrogate-m","role":"user","parts":[{"type":"text","text":"\\ud800"}]},"consent":true}`,
  });
  expect(surrogate.status()).toBe(400);
  expect((await surrogate.json()).error.code).toBe("invalid_text");

  for (const path of ["/api/conversations/a%00b", "/api/conversations/%00"]) {
    for (const method of ["get", "delete"] as const) {
      const res = await request[method](path);
      expect(res.status(), `${method} ${path}`).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_id");
    }
  }
  const feedback = await request.post("/api/feedback", {
    headers: { "content-type": "application/json" },
    data: `{"messageId":"m\\u0000x","rating":"up"}`,
  });
  expect(feedback.status()).toBe(400);

  for (const path of ["/api/conversations/%ZZ", "/c/%ZZ", "/c/%ED%A0%80", "/api/conversations/%ED%A0%80"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
  }
});

test("a wrong method gets a 405 with Allow and a reason, and admin text Postgres cannot store a 400 (each was a 500 or an empty 405)", async ({
  request,
}) => {
  // The widget loader file: Next.js's static file server answered POST/PUT with a bare 500.
  for (const method of ["post", "put", "delete"] as const) {
    const res = await request[method]("/widget.js", { data: "x" });
    expect(res.status(), `${method} /widget.js`).toBe(405);
    expect(res.headers()["allow"]).toBe("GET, HEAD");
    expect((await res.json()).error).toMatchObject({ code: "method_not_allowed", type: "invalid_request_error" });
  }
  expect((await request.get("/widget.js")).status()).toBe(200);
  // Every app API route: Next.js answered an empty 405 for a method the route does not export.
  const wrong: [string, "get" | "post" | "put" | "patch" | "delete", string][] = [
    ["/api/health", "post", "GET"],
    ["/api/chat", "get", "POST"],
    ["/api/feedback", "put", "POST"],
    ["/api/conversations", "post", "GET"],
    ["/api/conversations/abc", "patch", "GET or DELETE"],
    ["/api/cron/retrain", "post", "GET"],
    ["/api/internal/adapters/active", "delete", "GET"],
    ["/api/widget/sites/ws_x", "post", "GET"],
    ["/api/v1/models/medchat", "post", "GET"],
    ["/api/v1/openapi.json", "put", "GET"],
  ];
  for (const [path, method, use] of wrong) {
    const res = await request[method](path);
    expect(res.status(), `${method} ${path}`).toBe(405);
    expect(res.headers()["allow"], path).toContain("OPTIONS");
    const { error } = await res.json();
    expect(error.code).toBe("method_not_allowed");
    expect(error.message).toContain(`use ${use}`);
  }
  // A NUL in the sign-in email reached Postgres ("invalid byte sequence for encoding UTF8: 0x00") as a 500.
  const login = await request.post("/api/admin/login", {
    headers: { "content-type": "application/json", origin: `http://127.0.0.1:${process.env.E2E_APP_PORT}` },
    data: `{"email":"admin@example.com\\u0000","password":"whatever it is"}`,
  });
  expect(login.status()).toBe(400);
  const { error } = await login.json();
  expect(error).toMatchObject({ code: "invalid_text", type: "invalid_request_error", param: null });
  expect(error.message).toContain('"email"');
});

test("a request that declares a body and never sends it gets a 408 within seconds", async () => {
  test.setTimeout(40_000);
  const started = Date.now();
  const statusLine = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(APP.port), APP.hostname, () =>
      socket.write(
        `POST /api/feedback HTTP/1.1\r\nHost: ${APP.host}\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{"message`,
      ),
    );
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => (received += d));
    socket.on("close", () => resolve(received.split("\r\n")[0] ?? ""));
    socket.on("error", reject);
    setTimeout(() => socket.destroy(), 35_000);
  });
  expect(statusLine).toMatch(/^HTTP\/1\.1 408/);
  expect(Date.now() - started).toBeLessThan(20_000);
});

test("the chat response closes promptly after [DONE]", async ({ page }) => {
  // A visitor cookie and consent as the browser has them; then the raw HTTP exchange, to see when the connection ends.
  await page.goto("/");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = JSON.stringify({
    id: "e2e-done-close",
    message: { id: "e2e-done-close-m", role: "user", parts: [{ type: "text", text: "What is a cold?" }] },
    consent: true,
  });
  const timing = await new Promise<{ done: number; closed: number; text: string }>((resolve, reject) => {
    const socket = net.connect(Number(APP.port), APP.hostname, () =>
      socket.write(
        `POST /api/chat HTTP/1.1\r\nHost: ${APP.host}\r\nContent-Type: application/json\r\nCookie: ${cookie}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      ),
    );
    let text = "";
    let done = 0;
    socket.setEncoding("utf8");
    socket.on("data", (d) => {
      text += d;
      if (!done && text.includes("data: [DONE]")) done = Date.now();
    });
    socket.on("close", () => resolve({ done, closed: Date.now(), text }));
    socket.on("error", reject);
    setTimeout(() => socket.destroy(), 45_000);
  });
  expect(timing.text).toMatch(/^HTTP\/1\.1 200/);
  expect(timing.done).toBeGreaterThan(0);
  console.log(`[DONE] → connection closed: ${timing.closed - timing.done} ms`);
  expect(timing.closed - timing.done).toBeLessThan(1_500);
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
