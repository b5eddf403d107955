// The admin console as an operator uses it on a fresh install: sign in, manage the
// knowledge base, keys and sites, review an answer into a curated example, invite a
// reviewer (who is refused admin pages), and find every action in the audit log.
import { expect, test } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";
import { AdminPage, ADMIN_E2E } from "./pages/admin-page";
import { collectCspViolations } from "./pages/csp-violations";

test.describe("admin console", () => {
  test("anonymous visitors are refused: pages redirect to sign-in, the API answers 401", async ({ page, request }) => {
    await page.goto("/admin/keys");
    await expect(page).toHaveURL(/\/admin\/login$/);
    for (const path of [
      "keys",
      "sites",
      "documents",
      "conversations",
      "audit",
      "settings",
      "users",
      "overview",
      "training/runs",
      "adapters",
    ]) {
      const res = await request.get(`/api/admin/${path}`);
      expect(res.status(), path).toBe(401);
    }
  });

  test("an admin manages the knowledge base, keys and sites, and each action is audited", async ({ page }) => {
    test.setTimeout(180_000);
    const admin = new AdminPage(page);
    await admin.signIn();
    await admin.signedIn();
    await expect(page.getByTestId("overview-stats")).toBeVisible();
    await expect(page.getByRole("figure", { name: "Conversations per day, by surface" })).toBeVisible();
    // Tokens are counted for every surface, so neither the total nor the chart is labelled as the partners' alone.
    await expect(page.getByTestId("overview-stats")).toContainText("Model tokens");
    await expect(page.getByRole("figure", { name: "Model tokens per day, by surface" })).toBeVisible();

    // Upload a document and find it with the search test.
    await admin.go("Knowledge base");
    await page.getByLabel(/^Files/).setInputFiles({
      name: "shingles.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(
        "# Shingles\n\nShingles is a painful blistering rash caused by the chickenpox virus waking up again, usually on one side of the body.\n",
      ),
    });
    await page.getByRole("button", { name: "Upload and ingest" }).click();
    await expect(admin.status()).toContainText("1 added");
    await expect(page.getByTestId("documents-table")).toContainText("Shingles");
    await page.getByLabel("Test question").fill("painful blistering rash on one side of the body");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("search-results")).toContainText("Shingles");
    await page.screenshot({ path: "test-results/admin-knowledge.png", fullPage: true });

    // An API key: shown once, then revoked.
    await admin.go("API keys");
    await page.getByLabel("Name").fill("Clinic patient app");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toContainText("mk_live_");
    const row = page.getByTestId("keys-table").getByRole("row", { name: /Clinic patient app/ });
    await expect(row).toContainText("active");
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Revoke Clinic patient app" }).click();
    await expect(row).toContainText("revoked");

    // A widget site.
    await admin.go("Widget sites");
    await page.getByLabel("Name").fill("Hillside Practice");
    await page.getByLabel("Allowed origins").fill("https://hillside.example");
    await page.getByRole("button", { name: "Register site" }).click();
    await expect(page.getByTestId("sites-list")).toContainText("Hillside Practice");
    await expect(
      page.getByTestId("sites-list").getByRole("listitem").filter({ hasText: "Hillside Practice" }).getByLabel("Embed tag"),
    ).toHaveValue(/data-site-key="ws_/);

    // Every one of those is in the audit log, by this admin.
    await admin.go("Audit log");
    const audit = page.getByTestId("audit-table");
    for (const action of ["kb.upload", "key.create", "key.revoke", "site.create", "auth.login"]) await expect(audit).toContainText(action);
    await expect(audit).toContainText(ADMIN_E2E.email);
    await page.screenshot({ path: "test-results/admin-audit.png", fullPage: true });
  });

  test("a reviewer turns a corrected answer into a curated example and is refused admin pages", async ({ page, browser }) => {
    test.setTimeout(180_000);
    // A visitor's conversation to review.
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("Is eczema contagious?");
    await chat.waitForAnswer();

    // The admin signs in to the overview: with that conversation its charts draw, under the
    // console's strict nonce CSP without a blocked style or script.
    const violations = await collectCspViolations(page);
    const admin = new AdminPage(page);
    await admin.signIn();
    await admin.signedIn();
    await expect(page.getByRole("figure", { name: "Conversations per day, by surface" }).getByRole("application")).toBeVisible();
    await page.screenshot({ path: "test-results/admin-overview.png", fullPage: true });
    expect(violations).toEqual([]);

    // The admin invites a reviewer.
    await admin.go("Users");
    await page.getByLabel("Email").fill("reviewer@medchat.test");
    await page.getByLabel("Role").selectOption("reviewer");
    await page.getByRole("button", { name: "Invite" }).click();
    const link = (await page.getByRole("status").filter({ hasText: "invitation link" }).locator("code").textContent())!;

    const context = await browser.newContext();
    const reviewerPage = await context.newPage();
    await reviewerPage.goto(link);
    await reviewerPage.getByLabel(/New password/).fill("reviewer password 1");
    await reviewerPage.getByRole("button", { name: "Set password" }).click();
    await expect(reviewerPage.getByRole("status")).toContainText("password is set");
    const reviewer = new AdminPage(reviewerPage);
    await reviewer.signIn("reviewer@medchat.test", "reviewer password 1");
    await reviewer.signedIn();
    await expect(reviewerPage).toHaveURL(/\/admin\/conversations$/);
    await expect(reviewerPage.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
    for (const adminOnly of ["keys", "training", "adapters"]) {
      await reviewerPage.goto(`/admin/${adminOnly}`);
      await expect(reviewerPage).toHaveURL(/\/admin\/conversations$/);
    }
    await expect(reviewerPage.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Training" })).toHaveCount(0);
    for (const path of ["keys", "training/runs", "adapters"])
      expect((await reviewerPage.request.get(`/api/admin/${path}`)).status(), path).toBe(403);

    // Review: correct the answer; it becomes a curated example.
    await reviewerPage.getByTestId("conversations-table").getByRole("link", { name: "Is eczema contagious?" }).first().click();
    await reviewerPage.getByRole("button", { name: "Correct" }).first().click();
    await reviewerPage.getByLabel("Corrected answer").fill("No. Eczema is not contagious: you cannot catch it from someone else [1].");
    await reviewerPage.getByRole("button", { name: "Save correction" }).click();
    await expect(reviewerPage.getByRole("status")).toContainText("curated training example");
    await expect(reviewerPage.getByTestId("review-assistant").first()).toContainText("curated (corrected)");
    const curated = await (await reviewerPage.request.get("/api/admin/curated")).json();
    expect(curated.examples[0]).toMatchObject({ question: "Is eczema contagious?", verdict: "corrected" });
    await reviewerPage.screenshot({ path: "test-results/admin-review.png", fullPage: true });
    await context.close();
  });

  test("sign-in is throttled and state changes without the CSRF token are refused", async ({ page }) => {
    const admin = new AdminPage(page);
    for (let i = 0; i < 5; i++) {
      await admin.signIn("nobody@medchat.test", "wrong password here");
      await expect(page.locator("form").getByRole("alert")).toContainText("email or password is wrong");
    }
    await admin.signIn("nobody@medchat.test", "wrong password here");
    await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-in attempts");

    await admin.signIn();
    await admin.signedIn();
    const refused = await page.request.put("/api/admin/settings", { data: { retrieval: "off" } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("csrf_failed");
  });

  test("on a phone the console's tables scroll inside their panels, and a full load of the overview keeps the CSP", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    // Activity for the charts without a model call: triage's fixed crisis answer.
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("I want to end my life");
    await chat.waitForAnswer();

    const admin = new AdminPage(page);
    await admin.signIn();
    await admin.signedIn();
    // A full page load (a bookmark, a reload) renders the charts' server HTML: no style attribute the CSP refuses.
    const violations = await collectCspViolations(page);
    await page.goto("/admin");
    await expect(page.getByRole("figure", { name: "Conversations per day, by surface" }).getByRole("application")).toBeVisible();
    expect(violations).toEqual([]);

    const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const [section, table] of [
      ["Knowledge base", "documents-table"],
      ["Conversations", "conversations-table"],
      ["API keys", "keys-table"],
      ["Users", "Users list"],
      ["Audit log", "audit-table"],
    ] as const) {
      await admin.go(section);
      const rows = table.endsWith("-table") ? page.getByTestId(table) : page.getByRole("region", { name: table }).locator("table");
      await expect(rows.getByRole("row").first()).toBeVisible();
      expect(await pageOverflow(), `${section} widens the page`).toBeLessThanOrEqual(0);
      // The table itself stays readable: its region scrolls sideways and takes keyboard focus.
      const region = page.getByRole("region", { name: /list|entries/ }).filter({ has: page.locator("table") });
      await expect(region).toHaveAttribute("tabindex", "0");
    }
    await page.screenshot({ path: "test-results/admin-phone-audit.png", fullPage: true });
  });

  test("the conversation review shows an answer as the chat shows it: Markdown rendered, each [n] a link to its source", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const chat = new ChatPage(page);
    await chat.open();
    await chat.accept();
    await chat.ask("What are the symptoms of type 2 diabetes?");
    const answer = await chat.waitForAnswer();
    const shown = (await answer.getByTestId("answer-text").innerText()).trim();
    const id = chat.conversationIdFromUrl();

    const admin = new AdminPage(page);
    await admin.signIn();
    await admin.signedIn();
    await page.goto(`/admin/conversations/${id}`);
    const reviewed = page.getByTestId("review-assistant").first();
    // The same words the visitor read (no list dashes, ** or raw [n] text), cited through links.
    await expect(reviewed.locator(".markdown")).toHaveCount(1);
    expect((await reviewed.locator(".markdown").innerText()).trim()).toBe(shown);
    const marker = reviewed.getByRole("link", { name: "Source 1" }).first();
    await expect(marker).toBeVisible();
    await marker.click();
    // The marker opens the sources and lands on its source.
    await expect(reviewed.locator("li[value='1']")).toBeInViewport();
    await page.screenshot({ path: "test-results/admin-review-markdown.png", fullPage: true });
  });
});
