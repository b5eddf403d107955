import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest defaults to cores − 1 workers: one on the 2-core CI machine, which leaves a core idle
    // while a test waits on a child process or a socket. Two workers keep both busy.
    maxWorkers: 2,
  },
});
