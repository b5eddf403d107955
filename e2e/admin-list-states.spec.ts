// The admin console's lists while their data is on its way: a section says it is loading until
// its first answer (then shows the data), an empty list says so instead of bare column headings,
// and a list whose filter changed says it is loading the matching rows while the old ones are
// shown dimmed.
import { expect, test } from "@playwright/test";
import { AdminPage, ADMIN_E2E } from "./pages/admin-page";

test("admin console: a section whose data is slow to come says it is loading, then shows it", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  // Each section's first answer is held back until the page has been looked at (a loaded
  // machine takes seconds; the panels were blank until then).
  const sections: [section: string, api: RegExp, loading: string, loaded: RegExp][] = [
    ["Knowledge base", /\/api\/admin\/documents\?/, "Loading documents…", /Documents \(\d+\+?\)/],
    ["Conversations", /\/api\/admin\/conversations\?/, "Loading conversations…", /Conversation/],
    ["API keys", /\/api\/admin\/keys$/, "Loading API keys…", /Name/],
    ["Widget sites", /\/api\/admin\/sites$/, "Loading widget sites…", /Origins:/],
    ["Training", /\/api\/admin\/training\/runs$/, "Loading the runs…", /No retraining run yet|Started/],
    ["Adapters", /\/api\/admin\/adapters$/, "Loading the adapters…", /Serving the public chat now/],
    ["Users", /\/api\/admin\/users$/, "Loading users…", new RegExp(ADMIN_E2E.email)],
    ["Audit log", /\/api\/admin\/audit\?/, "Loading the audit log…", /auth\.login/],
    ["Settings", /\/api\/admin\/settings$/, "Loading the settings…", /Save settings/],
  ];
  for (const [section, api, loading, loaded] of sections) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(api, async (route) => {
      await held;
      await route.continue();
    });
    await admin.go(section);
    const main = page.getByRole("main");
    await expect(main.getByRole("status").filter({ hasText: loading })).toBeVisible();
    release();
    await expect(main).toContainText(loaded);
    await expect(main.getByTestId("admin-loading")).toHaveCount(0);
    await page.unroute(api);
  }
  await page.screenshot({ path: "test-results/admin-sections-loaded.png", fullPage: true });
});

test("admin console: an empty list says so instead of showing bare column headings", async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  await page.route(/\/api\/admin\/keys$/, (route) =>
    route.request().method() === "GET" ? route.fulfill({ json: { keys: [] } }) : route.continue(),
  );
  await admin.go("API keys");
  await expect(page.getByRole("main")).toContainText("No API key yet: create one above.");
  await admin.go("Knowledge base");
  await page.getByLabel("Filter by title").fill("no title has these words zzqx");
  await expect(page.getByRole("main")).toContainText("No document title matches.");
});

test("admin console: a changed filter says it is loading the matching conversations while the old rows are dimmed", async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  await admin.go("Conversations");
  const main = page.getByRole("main");
  await expect(main.getByTestId("admin-loading")).toHaveCount(0);
  const list = main.getByRole("region", { name: "Conversations list" });
  await expect(list).toHaveAttribute("aria-busy", "false");
  // The filtered list is held back, as a loaded machine takes seconds to answer it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/admin\/conversations\?.*rating=down/, async (route) => {
    await held;
    await route.continue();
  });
  await main.getByLabel("Rating").selectOption({ label: "Thumbs down" });
  await expect(main.getByRole("status").filter({ hasText: "Loading the conversations that match…" })).toBeVisible();
  await expect(main).not.toContainText("No conversations match.");
  await expect(list).toHaveAttribute("aria-busy", "true");
  await page.screenshot({ path: "test-results/admin-conversations-filter-loading.png", fullPage: true });
  release();
  await expect(main.getByTestId("admin-refreshing")).toHaveCount(0);
  await expect(list).toHaveAttribute("aria-busy", "false");
  await page.unroute(/\/api\/admin\/conversations\?.*rating=down/);
});

test("admin console: the search test says it is searching, names passages as the chat does, and reports a failure under itself", async ({
  page,
}) => {
  const admin = new AdminPage(page);
  await admin.signIn();
  await admin.signedIn();
  await admin.go("Knowledge base");
  const search = page.getByRole("region", { name: "Search test" });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/admin\/search$/, async (route) => {
    await held;
    await route.continue();
  });
  await search.getByLabel("Test question").fill("What is asthma?");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(search.getByRole("button", { name: "Searching…" })).toBeDisabled();
  release();
  const results = search.getByTestId("search-results");
  await expect(results).toContainText("Asthma — What it is");
  await expect(results).not.toContainText(" > ");
  await page.screenshot({ path: "test-results/admin-search-test.png", fullPage: true });
  await page.unroute(/\/api\/admin\/search$/);

  await page.route(/\/api\/admin\/search$/, (route) =>
    route.fulfill({ status: 503, json: { error: { message: "The database is busy: try again in a moment.", type: "server_error" } } }),
  );
  await search.getByRole("button", { name: "Search" }).click();
  await expect(search.getByRole("alert")).toHaveText("The database is busy: try again in a moment.");
  await expect(page.getByRole("region", { name: "Upload documents" }).getByRole("alert")).toHaveCount(0);
});
