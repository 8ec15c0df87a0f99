import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // Integration tests create and migrate a database per file.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
