// Page object for the public chat: the only place e2e specs touch selectors.
import { expect, type Locator, type Page } from "@playwright/test";

/** A phone-sized touch screen (test.use(PHONE)). */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export class ChatPage {
  readonly consentGate: Locator;
  readonly acceptConsent: Locator;
  readonly input: Locator;
  readonly send: Locator;
  readonly banner: Locator;
  readonly assistantMessages: Locator;
  readonly userMessages: Locator;
  readonly historyList: Locator;

  constructor(readonly page: Page) {
    this.consentGate = page.getByTestId("consent-gate");
    this.acceptConsent = page.getByRole("button", { name: /I understand/ });
    this.input = page.getByLabel("Your health question");
    this.send = page.getByRole("button", { name: "Send" });
    this.banner = page.getByTestId("disclaimer-banner");
    this.assistantMessages = page.getByTestId("assistant-message");
    this.userMessages = page.getByTestId("user-message");
    this.historyList = page.getByTestId("history-list");
  }

  async open(path = "/") {
    await this.page.goto(path);
  }

  async accept() {
    await expect(this.consentGate).toBeVisible();
    await this.acceptConsent.click();
    await expect(this.consentGate).toBeHidden();
  }

  async ask(question: string) {
    await this.input.fill(question);
    await this.input.press("Enter");
  }

  lastAnswer(): Locator {
    return this.assistantMessages.last();
  }

  /** Waits until the last answer is finished (its footer and actions are shown). */
  async waitForAnswer(): Promise<Locator> {
    const answer = this.lastAnswer();
    await expect(answer.getByTestId("disclaimer-footer")).toBeVisible();
    await expect(answer.getByRole("button", { name: "Copy answer" })).toBeVisible();
    return answer;
  }

  conversationIdFromUrl(): string {
    const match = /\/c\/([\w-]+)/.exec(this.page.url());
    if (!match) throw new Error(`not on a conversation URL: ${this.page.url()}`);
    return match[1];
  }
}
