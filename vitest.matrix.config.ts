import { defineConfig } from "vitest/config";

// `npm run test:matrix` (root, debootstrap): the portable packages installed and run in a Debian 11 root with
// Node.js 20, 22 and 24, the drivers' symbol versions, and the store tests under node:sqlite (test/matrix/README.md).
export default defineConfig({
  test: {
    include: ["test/matrix/**/*.matrix.ts"],
    setupFiles: ["test/setup.ts"],
    globalSetup: ["test/global-setup.ts", "test/matrix/build-packages.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 1_800_000,
  },
});
