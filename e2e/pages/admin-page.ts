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

  /** Opens a console section and waits until it is the page shown: every page has an h1, and the
   * previous page's form fields (several are labelled "Name") must not be filled by mistake. */
  async go(section: string) {
    const link = this.page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: section, exact: true });
    await link.click();
    await expect(link).toHaveAttribute("aria-current", "page");
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^${section.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  }

  status() {
    return this.page.getByRole("status").last();
  }
}
