import { defineConfig } from "vitest/config";

// Database tests: each file opens its own in-memory PGlite (and, when DATABASE_URL is
// set, creates and drops its own PostgreSQL database), so files run in parallel.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
