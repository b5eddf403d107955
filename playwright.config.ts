// Browser end-to-end tests in Debian's chromium (npx playwright install cannot work
// here). e2e/global-setup.ts starts the real gpu-function with a tiny model and the
// built app (`next start`), each with its own data folder in a temp directory.
import { defineConfig } from "@playwright/test";

const appPort = process.env.E2E_APP_PORT || "3210";
process.env.E2E_APP_PORT = appPort;
process.env.E2E_GPU_PORT ||= "8210";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 20_000 },
  // One app and one gpu-function are shared; tests use separate conversations but run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "chat", testIgnore: /(gpu-function-down|npm-start|address-limit)\.spec\.ts/ },
    // Runs its own `npm start` instances (own ports and data folders) beside the shared stack.
    { name: "npm-start", testMatch: /npm-start\.spec\.ts/ },
    // Stops the gpu-function, so it runs after everything else.
    { name: "gpu-function-down", testMatch: /gpu-function-down\.spec\.ts/, dependencies: ["chat"] },
    // Uses up 127.0.0.1's per-address window (no model calls needed), so it runs last.
    { name: "address-limit", testMatch: /address-limit\.spec\.ts/, dependencies: ["gpu-function-down"] },
  ],
});
