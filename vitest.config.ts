import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // Removing a 10,000-file fixture tree after a test can take over 10 s on a busy 2-core machine.
    hookTimeout: 30_000,
  },
});
