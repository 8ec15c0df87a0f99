import { defineConfig, devices } from "@playwright/test";
import {
  DEMO_PORT,
  DEMO_URL,
  FIRST_RUN_PORT,
  FIRST_RUN_URL,
  OIDC_ISSUER,
  PRODUCTION_PORT,
  PRODUCTION_URL,
} from "./e2e/support/constants.ts";

// Lantern's end-to-end suite. It does not build: run `npm run build -w @lantern/web` first.
// Three servers are started for the run (and reused when already running, outside CI):
//   - a real OpenID Provider (oidc-provider) on 127.0.0.1:3190
//   - Lantern in demo mode (a fresh embedded database) on :3101
//   - Lantern in production mode (a fresh PostgreSQL database, OIDC configured) on :3102
//   - the same on an EMPTY database, where the first sign-in creates the organization, on :3103
// Browse Lantern at http://localhost:<port>: sign-in cookies belong to NEXTAUTH_URL's host.

const CI = Boolean(process.env.CI);
const SERVER_START_TIMEOUT = 120_000;
// Playwright signals the whole process group; the wrappers then stop Lantern and clean up
// (remove the embedded directory, drop the database).
const gracefulShutdown = { signal: "SIGTERM" as const, timeout: 30_000 };

/** Specs that run against the production-mode server (PostgreSQL, OIDC, magic links). */
const PRODUCTION_SPECS = [
  "production-mode.spec.ts",
  "oidc.spec.ts",
  "magic-link.spec.ts",
  "suspended.spec.ts",
  "dev-mailbox-off.spec.ts",
  "api-routes.spec.ts",
  "cross-site.spec.ts",
];
/** Specs that run against the first-run server (production mode, empty database). */
const FIRST_RUN_SPECS = ["first-run.spec.ts"];
/** Specs that start their own server (or, for the start-up checks, try to). */
const OWN_SERVER_SPECS = ["embedded-boot.spec.ts", "start-up-checks.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "playwright-report", open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Every spec not listed below runs against the demo server.
    {
      name: "demo",
      testIgnore: [...PRODUCTION_SPECS, ...FIRST_RUN_SPECS, ...OWN_SERVER_SPECS],
      use: { baseURL: DEMO_URL },
    },
    { name: "production", testMatch: PRODUCTION_SPECS, use: { baseURL: PRODUCTION_URL } },
    // The whole lifecycle on an organization that the first sign-in creates (no seed).
    { name: "first-run", testMatch: FIRST_RUN_SPECS, use: { baseURL: FIRST_RUN_URL } },
    // Starts its own server from scratch (see the spec).
    { name: "embedded-boot", testMatch: OWN_SERVER_SPECS },
  ],
  webServer: [
    {
      name: "oidc",
      command: "node --import tsx e2e/support/oidc-server.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: !CI,
      timeout: SERVER_START_TIMEOUT,
      gracefulShutdown,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "demo",
      command: "node --import tsx e2e/support/demo-server.ts",
      url: `http://127.0.0.1:${DEMO_PORT}/sign-in`,
      reuseExistingServer: !CI,
      timeout: SERVER_START_TIMEOUT,
      gracefulShutdown,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "production",
      command: "node --import tsx e2e/support/production-server.ts",
      url: `http://127.0.0.1:${PRODUCTION_PORT}/sign-in`,
      reuseExistingServer: !CI,
      timeout: SERVER_START_TIMEOUT,
      gracefulShutdown,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "first-run",
      command: "node --import tsx e2e/support/production-server.ts --first-run",
      url: `http://127.0.0.1:${FIRST_RUN_PORT}/sign-in`,
      reuseExistingServer: !CI,
      timeout: SERVER_START_TIMEOUT,
      gracefulShutdown,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
