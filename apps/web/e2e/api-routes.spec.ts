import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
} from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { OIDC_NAME, PRODUCTION_URL } from "./support/constants.ts";
import { logInAtIdentityProvider } from "./support/idp.ts";
import { withProductionDb } from "./support/production-db.ts";
import { trpcMutation } from "./support/trpc.ts";
import { whenInteractive } from "./support/ui.ts";

// The /api/* routes (exports and imports) against the production-mode server (PostgreSQL), as
// an attacker or a careless client would call them (issue 13): every bad parameter and every
// bad body is answered with a JSON 4xx that says what is wrong — before the first byte of a
// file, never a 500 and never a 200 that stops short — and changes nothing. The table has a
// row for every route handler under src/app/api (found on disk), so a new route without rows
// fails here. /api/auth and /api/trpc have suites of their own.

const API_DIR = join(import.meta.dirname, "..", "src", "app", "api");
const COVERED_ELSEWHERE = ["/api/auth/", "/api/trpc/"];
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** "POST /api/apps/[appId]/import" for every method each route.ts under src/app/api exports. */
function routeHandlers(): string[] {
  const handlers: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        const source = readFileSync(path, "utf8");
        const route = `/api/${relative(API_DIR, dir).split("\\").join("/")}`;
        for (const method of METHODS) {
          const exported = new RegExp(
            `export\\s+(async\\s+)?(function|const|let)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`,
          );
          if (exported.test(source)) handlers.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(API_DIR);
  return handlers.sort();
}

type Caller = "anonymous" | "member" | "admin";

interface Row {
  /** What is wrong with the request. */
  name: string;
  as: Caller;
  /** The URL, given the ids of the fixture. */
  url: (ids: Ids) => string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number;
  /** The refusal's message (or, with problems, the first problem's). */
  says: RegExp;
}

interface Ids {
  /** An app of the organization (Salesforce). */
  app: string;
  /** An access review campaign of the organization (started in beforeAll). */
  campaign: string;
}

const NO_APP = "00000000-0000-4000-8000-000000000000";
const csvBody = (text: string) => ({ headers: { "Content-Type": "text/csv" }, body: text });
// As bytes: Playwright would send a string that is not valid JSON as a JSON string literal.
const jsonBody = (text: string) => ({
  headers: { "Content-Type": "application/json" },
  body: Buffer.from(text),
});
const deepJson = (key: string) => `{"${key}":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
const latin1 = (text: string) => Buffer.from(text, "latin1");
const utf16 = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

const ACCOUNTS_IMPORT = (ids: Ids, query = "kind=accounts") =>
  `/api/apps/${ids.app}/import?${query}`;
const ACCOUNTS_EXPORT = (ids: Ids, query = "") => `/api/apps/${ids.app}/accounts/export${query}`;
const REVIEW_EXPORT = (ids: Ids, query = "") => `/api/reviews/${ids.campaign}/export${query}`;

/** Each route handler: the requests it must refuse, and how. */
const ROUTES: Record<string, Row[]> = {
  "GET /api/audit/export": [
    {
      name: "nobody signed in",
      as: "anonymous",
      url: () => "/api/audit/export",
      status: 401,
      says: /Sign in/,
    },
    {
      name: "a member",
      as: "member",
      url: () => "/api/audit/export",
      status: 403,
      says: /super admins/,
    },
    ...(["action", "targetId", "targetType", "actor", "from"] as const).map((param) => ({
      name: `a NUL in ${param}`,
      as: "admin" as const,
      url: () => `/api/audit/export?${param}=%00`,
      status: 400,
      says: new RegExp(`${param}.*NUL`),
    })),
    {
      name: "a control character in a parameter's name",
      as: "admin",
      url: () => "/api/audit/export?ac%07tion=x",
      status: 400,
      says: /parameter's name contains a control character/,
    },
    {
      name: "a date the database cannot hold",
      as: "admin",
      url: () => "/api/audit/export?to=0000-01-01",
      status: 400,
      says: /to date from 1900-01-01 to 9999-12-31/,
    },
    {
      name: "a date that does not exist",
      as: "admin",
      url: () => "/api/audit/export?from=2026-02-30",
      status: 400,
      says: /from date as YYYY-MM-DD/,
    },
    {
      name: "from after to",
      as: "admin",
      url: () => "/api/audit/export?from=2026-12-02&to=2026-12-01",
      status: 400,
      says: /on or before the to date/,
    },
    {
      name: "an actor that is not an id",
      as: "admin",
      url: () => "/api/audit/export?actor=alex",
      status: 400,
      says: /not a valid person id/,
    },
    {
      name: "an action far too long",
      as: "admin",
      url: () => `/api/audit/export?action=${"a".repeat(5000)}`,
      status: 400,
      says: /limited to 100 characters/,
    },
  ],
  "GET /api/apps/[appId]/accounts/export": [
    {
      name: "nobody signed in",
      as: "anonymous",
      url: ACCOUNTS_EXPORT,
      status: 401,
      says: /Sign in/,
    },
    { name: "a member", as: "member", url: ACCOUNTS_EXPORT, status: 403, says: /./ },
    {
      name: "an app id that is not an id",
      as: "admin",
      url: () => "/api/apps/not-an-id/accounts/export",
      status: 400,
      says: /not a valid app id/,
    },
    {
      name: "an app that does not exist",
      as: "admin",
      url: () => `/api/apps/${NO_APP}/accounts/export`,
      status: 404,
      says: /./,
    },
    {
      name: "a NUL in the search",
      as: "admin",
      url: (ids) => ACCOUNTS_EXPORT(ids, "?q=%00"),
      status: 400,
      says: /q contains a NUL character/,
    },
    {
      name: "a search far too long",
      as: "admin",
      url: (ids) => ACCOUNTS_EXPORT(ids, `?q=${"a".repeat(300)}`),
      status: 400,
      says: /limited to 200 characters/,
    },
    {
      name: "a status that does not exist (not ignored: that would export everything)",
      as: "admin",
      url: (ids) => ACCOUNTS_EXPORT(ids, "?status=gone"),
      status: 400,
      says: /Filter by status/,
    },
    {
      name: "an owner filter that does not exist",
      as: "admin",
      url: (ids) => ACCOUNTS_EXPORT(ids, "?owner=everyone"),
      status: 400,
      says: /Filter owners by/,
    },
    {
      name: "a sort that does not exist",
      as: "admin",
      url: (ids) => ACCOUNTS_EXPORT(ids, "?sort=random"),
      status: 400,
      says: /Sort by/,
    },
  ],
  "GET /api/reviews/[campaignId]/export": [
    {
      name: "nobody signed in",
      as: "anonymous",
      url: REVIEW_EXPORT,
      status: 401,
      says: /Sign in/,
    },
    {
      name: "a member",
      as: "member",
      url: REVIEW_EXPORT,
      status: 403,
      says: /super admins and auditors/,
    },
    {
      name: "a campaign id that is not an id",
      as: "admin",
      url: () => "/api/reviews/not-an-id/export",
      status: 400,
      says: /Choose a campaign/,
    },
    {
      name: "a campaign that does not exist",
      as: "admin",
      url: () => `/api/reviews/${NO_APP}/export`,
      status: 404,
      says: /campaign does not exist/,
    },
    {
      name: "a NUL in a parameter",
      as: "admin",
      url: (ids) => REVIEW_EXPORT(ids, "?x=%00"),
      status: 400,
      says: /x contains a NUL character/,
    },
  ],
  "POST /api/apps/[appId]/import": [
    {
      name: "nobody signed in",
      as: "anonymous",
      url: ACCOUNTS_IMPORT,
      ...csvBody("externalId\nA1"),
      status: 401,
      says: /Sign in/,
    },
    {
      name: "a member",
      as: "member",
      url: ACCOUNTS_IMPORT,
      ...csvBody("externalId\nA1"),
      status: 403,
      says: /./,
    },
    {
      name: "an app that does not exist",
      as: "admin",
      url: () => `/api/apps/${NO_APP}/import?kind=accounts`,
      ...csvBody("externalId\nA1"),
      status: 404,
      says: /./,
    },
    {
      name: "an unknown kind",
      as: "admin",
      url: (ids) => ACCOUNTS_IMPORT(ids, "kind=people"),
      ...csvBody("externalId\nA1"),
      status: 400,
      says: /kind must be/,
    },
    {
      name: "an unknown mode",
      as: "admin",
      url: (ids) => ACCOUNTS_IMPORT(ids, "kind=accounts&mode=all"),
      ...csvBody("externalId\nA1"),
      status: 400,
      says: /mode must be/,
    },
    {
      name: "a NUL in a parameter",
      as: "admin",
      url: (ids) => ACCOUNTS_IMPORT(ids, "kind=accounts&note=%00"),
      ...csvBody("externalId\nA1"),
      status: 400,
      says: /note contains a NUL/,
    },
    {
      name: "CSV without its kind",
      as: "admin",
      url: (ids) => ACCOUNTS_IMPORT(ids, ""),
      ...csvBody("externalId\nA1"),
      status: 400,
      says: /holds one kind of rows/,
    },
    {
      name: "a body of another type",
      as: "admin",
      url: ACCOUNTS_IMPORT,
      headers: { "Content-Type": "text/plain" },
      body: "externalId\nA1",
      status: 415,
      says: /text\/csv or application\/json/,
    },
    {
      name: "a Latin-1 file",
      as: "admin",
      url: ACCOUNTS_IMPORT,
      headers: { "Content-Type": "text/csv" },
      body: latin1("externalId,displayName\nA1,José García"),
      status: 400,
      says: /the file is not UTF-8 \(line 2\)/,
    },
    {
      name: "a UTF-16 file",
      as: "admin",
      url: ACCOUNTS_IMPORT,
      headers: { "Content-Type": "text/csv" },
      body: utf16("externalId,displayName\nA1,José García"),
      status: 400,
      says: /the file is UTF-16/,
    },
    {
      name: "an unclosed quote",
      as: "admin",
      url: ACCOUNTS_IMPORT,
      ...csvBody('externalId,login\nA1,a\nA2,"open\nA3,c'),
      status: 400,
      says: /quote opened on this line is never closed/,
    },
    {
      name: "a 1 MB profile value",
      as: "admin",
      url: ACCOUNTS_IMPORT,
      ...csvBody(`externalId,Notes\nA1,${"x".repeat(1024 * 1023)}`),
      status: 400,
      says: /profile\.Notes is 1047552 characters long/,
    },
    {
      name: "a NUL in a value",
      as: "admin",
      url: ACCOUNTS_IMPORT,
      ...csvBody("externalId,login\nA1,lo\u0000gin"),
      status: 400,
      says: /login contains a NUL character/,
    },
    {
      name: "JSON nested 20,000 levels deep",
      as: "admin",
      url: (ids) => `/api/apps/${ids.app}/import`,
      ...jsonBody(deepJson("accounts")),
      status: 400,
      says: /nested deeper than 10 levels/,
    },
    {
      name: "JSON of the wrong types",
      as: "admin",
      url: (ids) => `/api/apps/${ids.app}/import`,
      ...jsonBody('{"accounts":[{"externalId":1,"emails":"x","profile":[1]}]}'),
      status: 400,
      says: /externalId must be text/,
    },
    {
      name: "JSON that does not parse",
      as: "admin",
      url: (ids) => `/api/apps/${ids.app}/import`,
      ...jsonBody('{"accounts": [}'),
      status: 400,
      says: /not valid JSON/,
    },
  ],
  "POST /api/users/import": [
    {
      name: "nobody signed in",
      as: "anonymous",
      url: () => "/api/users/import",
      ...csvBody("email,givenName,familyName\n"),
      status: 401,
      says: /Sign in/,
    },
    {
      name: "a member",
      as: "member",
      url: () => "/api/users/import",
      ...csvBody("email,givenName,familyName\nx@northwind.example,X,Y"),
      status: 403,
      says: /./,
    },
    {
      name: "JSON nested 20,000 levels deep",
      as: "admin",
      url: () => "/api/users/import",
      ...jsonBody(deepJson("users")),
      status: 400,
      says: /nested deeper than 10 levels/,
    },
    {
      name: "a deep document that never closes",
      as: "admin",
      url: () => "/api/users/import",
      ...jsonBody(`{"users":${"[".repeat(20_000)}`),
      status: 400,
      says: /nested deeper than 10 levels/,
    },
    {
      name: "a Latin-1 file",
      as: "admin",
      url: () => "/api/users/import",
      headers: { "Content-Type": "text/csv" },
      body: latin1("email,givenName,familyName\njose@northwind.example,José,García"),
      status: 400,
      says: /the file is not UTF-8 \(line 2\)/,
    },
    {
      name: "a NUL in a name",
      as: "admin",
      url: () => "/api/users/import",
      ...csvBody("email,givenName,familyName\nnul@northwind.example,A\u0000,B"),
      status: 400,
      says: /givenName contains a NUL character/,
    },
    {
      name: "a lone surrogate in JSON",
      as: "admin",
      url: () => "/api/users/import",
      ...jsonBody(
        '{"users":[{"email":"s@northwind.example","givenName":"\\ud800","familyName":"B"}]}',
      ),
      status: 400,
      says: /givenName is not valid Unicode text/,
    },
    {
      name: "JSON of the wrong types",
      as: "admin",
      url: () => "/api/users/import",
      ...jsonBody('{"users":["x@northwind.example"]}'),
      status: 400,
      says: /each user must be an object/,
    },
    {
      name: "a body of another type",
      as: "admin",
      url: () => "/api/users/import",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x--",
      status: 415,
      says: /text\/csv or application\/json/,
    },
  ],
};

/** A browser context signed in through the organization's OpenID Provider. */
async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: PRODUCTION_URL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await (
    await whenInteractive(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }))
  ).click();
  await logInAtIdentityProvider(page, email);
  await expect(page).toHaveURL("/apps");
  await page.close();
  return context;
}

let contexts: BrowserContext[] = [];
let callers: Record<Caller, APIRequestContext>;
let ids: Ids;

test.beforeAll(async ({ browser }) => {
  const admin = await signedInContext(browser, "alex.rivera@northwind.example");
  const member = await signedInContext(browser, "jordan.lee@northwind.example");
  contexts = [admin, member];
  callers = {
    admin: admin.request,
    member: member.request,
    anonymous: await playwrightRequest.newContext({ baseURL: PRODUCTION_URL }),
  };
  const app = await withProductionDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM "App" WHERE name = 'Salesforce'`,
    );
    return rows[0]!.id;
  });
  // A campaign to export: the admin starts one over Salesforce (its own name on each run).
  const started = await trpcMutation<{ campaignId: string }>(admin.request, "reviews.start", {
    name: `API routes ${Date.now()}`,
    dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    scope: { appIds: [app] },
    reviewers: { first: { kind: "APP_OWNERS" } },
  });
  ids = { app, campaign: started.campaignId };
});

test.afterAll(async () => {
  await callers?.anonymous.dispose();
  for (const context of contexts) await context.close();
});

/** What the requests could change: people, accounts, grants, and the Event of an import. */
const footprint = () =>
  withProductionDb(async (db) => {
    const { rows } = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM "User") AS users,
              (SELECT count(*)::int FROM "Account") AS accounts,
              (SELECT count(*)::int FROM "Grant") AS grants,
              (SELECT count(*)::int FROM "Event" WHERE action IN ('app.imported', 'users.imported')) AS imports`,
    );
    return rows[0];
  });

test("every route handler under /api has rows in this table", () => {
  const handlers = routeHandlers().filter(
    (handler) => !COVERED_ELSEWHERE.some((prefix) => handler.split(" ")[1]!.startsWith(prefix)),
  );
  expect(handlers.length).toBeGreaterThan(0);
  expect(Object.keys(ROUTES).sort()).toEqual(handlers);
});

for (const [handler, rows] of Object.entries(ROUTES)) {
  test(`${handler}: bad requests get a JSON 4xx before the first byte, and change nothing`, async () => {
    const method = handler.split(" ")[0]!;
    const before = await footprint();
    for (const row of rows) {
      await test.step(row.name, async () => {
        const response = await callers[row.as].fetch(row.url(ids), {
          method,
          headers: { Origin: PRODUCTION_URL, ...row.headers },
          data: row.body,
          maxRedirects: 0,
        });
        const body = await response.text();
        expect(response.status(), body.slice(0, 500)).toBe(row.status);
        expect(response.headers()["content-type"]).toMatch(/^application\/json/);
        const { error } = JSON.parse(body) as {
          error: { code: string; message: string; problems?: { line: number; message: string }[] };
        };
        expect(error.code).toMatch(/^[A-Z_]+$/);
        const said = error.problems?.[0]?.message ?? error.message;
        expect(said).toMatch(row.says);
        expect(error.message).not.toMatch(/Something went wrong|Internal|stack|at .*\.js/);
      });
    }
    expect(await footprint()).toEqual(before);
  });
}

test("a good export is a whole file: the net above refuses only what is wrong", async () => {
  for (const url of [
    "/api/audit/export?action=app.",
    ACCOUNTS_EXPORT(ids, "?status=active"),
    REVIEW_EXPORT(ids),
  ]) {
    const response = await callers.admin.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").length).toBeGreaterThan(2);
  }
});
