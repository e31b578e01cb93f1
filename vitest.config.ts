import crypto from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Set before any worker starts so they all use this run's data folder (tests/setup/paths.ts).
process.env.YIMIAO_TEST_RUN ??= crypto.randomBytes(4).toString("hex");

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/db-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
