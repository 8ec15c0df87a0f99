import { test as base, expect, type BrowserContext } from "@playwright/test";

// Every spec imports `test` and `expect` from here, not from @playwright/test (eslint says so):
// the suite runs with Lantern's Content-Security-Policy on (src/proxy.ts), and a test fails
// when the browser reports a CSP violation on any page it opened — in the page's own context
// or in one the test made itself (signedIn(), browser.newContext()).

/** Chromium's console message for anything a Content-Security-Policy refused. */
const CSP_VIOLATION = /Content[- ]Security[- ]Policy/i;

export interface CspWatch {
  /** Violations reported so far in this test, "page URL: message". */
  readonly violations: string[];
  /** A test that provokes a violation on purpose (framing Lantern) says which. */
  allow(pattern: RegExp): void;
}

export const test = base.extend<{ csp: CspWatch }>({
  csp: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      const allowed: RegExp[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on("console", (message) => {
          const text = message.text();
          if (!CSP_VIOLATION.test(text) || allowed.some((pattern) => pattern.test(text))) return;
          violations.push(`${message.page()?.url() ?? "?"}: ${text}`);
        });
      };
      watch(context);
      browser.on("context", watch);
      try {
        await use({ violations, allow: (pattern) => allowed.push(pattern) });
      } finally {
        browser.off("context", watch);
      }
      expect(violations, "the browser reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
