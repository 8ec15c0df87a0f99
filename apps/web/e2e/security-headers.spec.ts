import { type Page, type Response } from "@playwright/test";
import { DEMO_URL } from "./support/constants.ts";
import { serveOtherSite } from "./support/other-site.ts";
import { pageRoutes } from "./support/routes.ts";
import { provisioningTaskForMarcus, signInAsAnyone } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { signInAsDemoPerson, whenInteractive } from "./support/ui.ts";

// Every page of Lantern is served with the browser security headers (src/proxy.ts) and still
// works under its Content-Security-Policy: a walk that follows the links of every page it
// opens, signed out and as a super admin, until it has opened every page of src/app — and
// the shared fixture (support/test.ts) fails it on any CSP violation the browser reports.

const ROUTES = pageRoutes()
  // A route with fewer [params] wins: /policies/new is not /policies/[policyId].
  .sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0));
const PATTERNS = ROUTES.map(
  (route) =>
    [route, new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+").replace(/\/$/, "")}/?$`)] as const,
);

/** The page route a path belongs to, or null (API, static files, unknown addresses). */
const routeOf = (pathname: string) =>
  PATTERNS.find(([, pattern]) => pattern.test(pathname))?.[0] ?? null;

const PERMISSIONS = /camera=\(\).*geolocation=\(\).*microphone=\(\)/;

/** The headers of item 3 on a page's response: a nonce'd CSP, no framing, nosniff, …. */
async function expectPageHeaders(response: Response, what: string) {
  const headers = await response.allHeaders();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${what}: Content-Security-Policy`).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/,
  );
  expect(csp, `${what}: no inline scripts`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${what}: images`).toContain("img-src 'self' data:;");
  expect(csp, `${what}: framing`).toContain("frame-ancestors 'none'");
  expect(headers, what).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(headers["permissions-policy"], `${what}: Permissions-Policy`).toMatch(PERMISSIONS);
  // Served over plain http here: no HSTS (it is sent when NEXTAUTH_URL is https).
  expect(headers["strict-transport-security"], `${what}: HSTS over http`).toBeUndefined();
}

/** The page's scripts ran: the Next.js client runtime started (a blocked script would not). */
async function expectScriptsRan(page: Page, what: string) {
  await expect
    .poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next), {
      message: `${what}: the Next.js client runtime is running`,
    })
    .toBe("object");
}

/**
 * Opens `start` and every same-origin page linked from what it opens, once per route, checking
 * each; returns the routes opened.
 */
async function walk(page: Page, start: string[], opened: Set<string>): Promise<void> {
  const queue = [...start];
  while (queue.length > 0) {
    const address = queue.shift()!;
    const route = routeOf(new URL(address, DEMO_URL).pathname);
    if (!route || opened.has(route)) continue;
    opened.add(route);

    const response = await page.goto(address);
    expect(response, `${address} answered`).not.toBeNull();
    for (let hop = response!.request().redirectedFrom(); hop; hop = hop.redirectedFrom()) {
      await expectPageHeaders((await hop.response())!, `${hop.url()} (redirect)`);
    }
    expect(response!.status(), `${address}: status`).toBeLessThan(400);
    await expectPageHeaders(response!, address);
    await expect(page.locator("h1").first(), `${address}: has a heading`).toBeVisible();
    await expectScriptsRan(page, address);
    const landed = routeOf(new URL(page.url()).pathname);
    if (landed) opened.add(landed);

    const links = await page
      .locator('a[href^="/"]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    for (const link of links) {
      if (link.startsWith("/api/") || link.startsWith("//")) continue;
      const linked = routeOf(new URL(link, DEMO_URL).pathname);
      if (linked && !opened.has(linked)) queue.push(link);
    }
  }
}

test("every page is served with the security headers and works under the CSP", async ({ page }) => {
  test.setTimeout(240_000);
  const opened = new Set<string>();

  await test.step("signed out: sign-in, check your email, the dev mailbox", async () => {
    await page.goto("/sign-in");
    await (
      await whenInteractive(page.getByRole("textbox", { name: "Work email" }))
    ).fill("camille.dubois@northwind.example");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/sign-in\/check-email/);
    await walk(page, ["/sign-in", page.url(), "/dev/mailbox"], opened);

    // The mailbox shows the email's HTML in a sandboxed frame, which inherits the page's
    // CSP: its inline styles must still apply.
    await page.goto("/dev/mailbox?to=camille.dubois%40northwind.example");
    const frame = page.frameLocator('iframe[title="The email as HTML"]');
    const button = frame.getByRole("link", { name: "Sign in to Lantern" }).first();
    await expect(button).toBeVisible();
    await expect(button).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    const screenshot = test.info().outputPath("dev-mailbox.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    await test.info().attach("dev mailbox", { path: screenshot, contentType: "image/png" });
  });

  await test.step("signed in as a super admin: every page linked from anywhere", async () => {
    await page.goto("/sign-in");
    await signInAsDemoPerson(page, "Alex Rivera");
    await expect(page).toHaveURL(/\/apps$/);
    await walk(page, ["/", "/apps", "/dev/mailbox", "/policies/new", "/my-requests/new"], opened);
  });

  await test.step("an unknown address: the 404 page, with the same headers", async () => {
    const response = await page.goto("/no-such-page");
    expect(response!.status()).toBe(404);
    await expectPageHeaders(response!, "the 404 page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectScriptsRan(page, "the 404 page");
  });

  expect(
    ROUTES.filter((route) => !opened.has(route)),
    "pages of src/app the walk never reached",
  ).toEqual([]);
});

test("API responses and static files carry the headers that need no nonce", async ({
  page,
  request,
}) => {
  const response = await page.goto("/sign-in");
  const script = await page.locator("script[src]").first().getAttribute("src");
  const checks: Array<[string, Awaited<ReturnType<typeof request.get>>]> = [
    ["/api/auth/session", await request.get("/api/auth/session")],
    ["a tRPC query", await request.get("/api/trpc/apps.list")],
    [script!, await request.get(script!)],
    ["/icon.svg", await request.get("/icon.svg")],
  ];
  for (const [what, answer] of checks) {
    expect(answer.headers(), what).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(answer.headers()["permissions-policy"], what).toMatch(PERMISSIONS);
  }
  // The nonce is new on every request.
  const first = (await response!.allHeaders())["content-security-policy"];
  const second = (await (await page.reload())!.allHeaders())["content-security-policy"];
  expect(first).not.toEqual(second);
});

test("no other site can frame Lantern (clickjacking)", async ({ page, csp }) => {
  csp.allow(/frame-ancestors/);
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("frame-ancestors 'none'")) refusals.push(message.text());
  });
  // Another port of the same host: a "same-site" page, the hardest case for cookies.
  const site = await serveOtherSite(
    `<h1>Win a prize</h1><iframe title="Lantern" src="${DEMO_URL}/sign-in"></iframe>`,
  );
  try {
    await page.goto(site.url);
    await expect.poll(() => refusals.length, { message: "the browser refused the frame" }).toBe(1);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url()).not.toContain(DEMO_URL);
    await expect(
      page
        .frameLocator('iframe[title="Lantern"]')
        .getByRole("heading", { name: "Sign in to Lantern" }),
    ).toHaveCount(0);
  } finally {
    await site.close();
  }
});

test("a Markdown image in a comment is shown as a link and never loaded", async ({
  browser,
  page,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Felix Hartmann", "Riya Kapoor", "Oscar Lindgren", "Omar Haddad"],
    "Sharing design reviews with the agency.",
  );
  const outside: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).hostname.endsWith("evil.example")) outside.push(request.url());
  });
  await signInAsAnyone(page, "Marcus Chen");
  await page.goto(`/tasks/${task.number}`);
  const comment = await whenInteractive(page.getByRole("textbox", { name: "Add a comment" }));
  await comment.fill("Done, see ![tracking pixel](https://evil.example/p.png) for the proof.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();

  const link = page.getByRole("link", { name: "Image: tracking pixel" });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", "https://evil.example/p.png");
  await page.reload();
  await expect(link).toBeVisible();
  await expect(page.locator('img[src*="evil.example"]')).toHaveCount(0);
  await expect(page.locator('link[href*="evil.example"]')).toHaveCount(0);
  expect(outside, "requests to the image's site").toEqual([]);
  const screenshot = test.info().outputPath("task-with-markdown-image.png");
  await page.screenshot({ path: screenshot, fullPage: true });
  await test
    .info()
    .attach("task with a Markdown image", { path: screenshot, contentType: "image/png" });
});
