// Page object for the admin console.
import { expect, type Page } from "@playwright/test";

export const ADMIN_E2E = { email: "admin@medchat.test", password: "e2e admin password 1" };

export class AdminPage {
  constructor(readonly page: Page) {}

  async signIn(email = ADMIN_E2E.email, password = ADMIN_E2E.password) {
    await this.page.goto("/admin/login");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signedIn() {
    await expect(this.page.getByTestId("admin-user")).toBeVisible();
  }

  async go(section: string) {
    const link = this.page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: section, exact: true });
    await link.click();
    // The section is marked current once its page has replaced the previous one (the old
    // page's heading stays visible while the client navigation is under way).
    await expect(link).toHaveAttribute("aria-current", "page");
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  status() {
    return this.page.getByRole("status").last();
  }
}
