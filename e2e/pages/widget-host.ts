// A plain HTML page on another site (http://localhost:<port>, while the app is on
// 127.0.0.1) that embeds the widget with the one script tag, and the page object the
// widget specs use to drive the launcher and the panel inside its iframe.
import http from "node:http";
import { expect, type Frame, type FrameLocator, type Locator, type Page } from "@playwright/test";

export function appOrigin(): string {
  return `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
}

function hostPageHtml(appUrl: string, siteKey: string, query: URLSearchParams): string {
  const spoof = query.get("spoof");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Riverside Clinic</title></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem">
<header><a href="#main">Skip to content</a></header>
<main id="main"><h1>Riverside Clinic</h1><p>Opening hours: Monday to Friday, 8am to 6pm.</p>
<button type="button" id="open-from-page" onclick="window.MedChat.open()">Ask a health question</button></main>
<script>
  window.medchatLog = [];
  window.MedChat = { q: [["on", "ready", function () { window.medchatLog.push("ready"); }]] };
</script>
${
  spoof
    ? `<iframe title="spoofed panel" src="${appUrl}/embed?site=${siteKey}&origin=${encodeURIComponent(spoof)}"></iframe>`
    : `<script src="${appUrl}/widget.js" data-site-key="${siteKey}" data-title="Riverside health questions" data-greeting="Hello from Riverside Clinic" data-color="#0f766e" async></script>`
}
</body></html>`;
}

/** Serves host pages on localhost:port; `/?site=<key>` chooses the site key. */
export async function startHostSite(port: number): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://localhost:${port}`);
    const site = url.searchParams.get("site") ?? "";
    if (!/^[\w]{0,64}$/.test(site)) return res.writeHead(400).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostPageHtml(appOrigin(), site, url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(port, "localhost", resolve));
  return { origin: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export class WidgetHostPage {
  readonly launcher: Locator;
  readonly frameElement: Locator;
  readonly panel: FrameLocator;

  constructor(readonly page: Page) {
    this.launcher = page.getByRole("button", { name: /Riverside health questions/ });
    this.frameElement = page.locator("iframe[title*='AI health information chat']");
    this.panel = page.frameLocator("iframe[title*='AI health information chat']");
  }

  async open(hostOrigin: string, siteKey: string) {
    await this.page.goto(`${hostOrigin}/?site=${siteKey}`);
    await expect(this.launcher).toBeVisible();
  }

  get consentGate() {
    return this.panel.getByTestId("consent-gate");
  }
  get input() {
    return this.panel.getByLabel("Your health question");
  }
  get answers() {
    return this.panel.getByTestId("assistant-message");
  }

  async acceptConsent() {
    await this.panel.getByRole("button", { name: /I understand/ }).click();
    await expect(this.consentGate).toBeHidden();
    await this.expectKeyboardInPanel();
  }

  /**
   * The message box has focus and so does the panel's frame: keys typed now reach the panel.
   * The browser routes keyboard input to the frame it holds focused, not to the element a
   * cross-origin frame focused by script, so typing right after the consent click could land
   * on the host page (the message box stayed empty and nothing was sent).
   */
  async expectKeyboardInPanel() {
    await expect(this.input).toBeFocused();
    await expect.poll(() => this.panelFrame().evaluate(() => document.hasFocus())).toBe(true);
  }

  panelFrame(): Frame {
    const frame = this.page.frames().find((f) => /\/embed\?/.test(f.url()));
    if (!frame) throw new Error("the widget panel's frame is not loaded");
    return frame;
  }

  async ask(question: string) {
    await this.input.fill(question);
    // What was typed is in the box before it is sent (a lost keystroke fails here, not as a missing answer).
    await expect(this.input).toHaveValue(question);
    await this.input.press("Enter");
    await expect(this.panel.getByTestId("user-message").last()).toContainText(question);
  }

  async waitForAnswer(): Promise<Locator> {
    const answer = this.answers.last();
    await expect(answer.getByTestId("disclaimer-footer")).toBeVisible();
    return answer;
  }

  /** aria-expanded of the launcher, and whether it has focus (inside the widget's shadow root). */
  async launcherState(): Promise<{ expanded: string | null; focused: boolean }> {
    return this.page.evaluate(() => {
      const root = document.querySelector("[data-medchat-widget]")?.shadowRoot;
      const button = root?.querySelector("button");
      return { expanded: button?.getAttribute("aria-expanded") ?? null, focused: !!button && root?.activeElement === button };
    });
  }
}
