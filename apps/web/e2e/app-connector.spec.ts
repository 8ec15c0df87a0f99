import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expectAccessible } from "./support/axe.ts";
import { expect, test } from "./support/test.ts";
import { signedIn, whenInteractive } from "./support/ui.ts";

// The Connector section of App settings (issue 15 §6): a super admin (Alex Rivera) adds an app,
// tests the built-in recorder, switches to an HTTP endpoint (a real one, served by this test),
// tests it with the token typed in, saves it, and after a reload sees the token as set but never
// receives it; Test connection then uses the stored token. A bad URL is refused with the kind's
// own words. Each run adds its own uniquely named app.

const TOKEN = "e2e-Token-0f9c2b";
let endpoint: Server;
let url: string;

test.beforeAll(async () => {
  endpoint = createServer((req, res) => {
    req.resume();
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end();
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        entitlements: [{ slug: "editor", displayName: "Editor" }],
        accounts: [{ externalId: "u1", login: "dana" }],
        grants: [{ accountExternalId: "u1", entitlementSlug: "editor" }],
      }),
    );
  });
  await new Promise<void>((done) => endpoint.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/lantern`;
});

test.afterAll(() => new Promise<void>((done) => endpoint.close(() => done())));

test("an app's connector is chosen, tested and saved; its secret never comes back", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Connector E2E ${Date.now().toString(36)}`;
  const admin = await signedIn(browser, "Alex Rivera");
  await (await whenInteractive(admin.getByRole("button", { name: "Add application" }))).click();
  const dialog = admin.getByRole("dialog", { name: "Add application" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("button", { name: "Add application" }).click();
  await expect(admin).toHaveURL(/\/apps\/[0-9a-f-]{36}\/settings$/);

  const section = admin.getByRole("region", { name: "Connector" });
  const kinds = section.getByRole("group", { name: "Connector kind" });
  const recorder = kinds.getByRole("radio", { name: /Built-in recorder/ });
  const webhook = kinds.getByRole("radio", { name: /HTTP endpoint/ });
  await expect(recorder).toBeChecked();
  await expect(recorder).toHaveAccessibleDescription(/changes nothing in the app itself/);

  // The recorder needs no connection.
  await (await whenInteractive(section.getByRole("button", { name: "Test connection" }))).click();
  await expect(section.getByRole("status")).toHaveText(/needs no connection/);

  // An HTTP endpoint: its fields, tested with the token typed in, then saved.
  await webhook.check();
  const urlField = section.getByRole("textbox", { name: "Endpoint URL" });
  const tokenField = section.getByLabel("Bearer token");
  await expect(tokenField).toHaveAttribute("type", "password");
  await urlField.fill("not a web address");
  await tokenField.fill(TOKEN);
  await section.getByRole("button", { name: "Save connector" }).click();
  await expect(section.getByRole("alert")).toHaveText(
    "Endpoint URL: The URL must be a web address starting with https:// or http://.",
  );
  await urlField.fill(url);
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "Connected: the endpoint lists 1 entitlement, 1 account and 1 grant.",
  );
  await expectAccessible(admin, "the Connector section", { within: "#connector" });
  await section.getByRole("button", { name: "Save connector" }).click();
  await expect(admin.getByText("Connector saved")).toBeVisible();

  // After a reload: saved, the token shown as set and never sent to the page.
  const pages: string[] = [];
  admin.on("response", (response) => {
    if (/\/api\/trpc\/|\/settings/.test(response.url())) {
      void response.text().then(
        (text) => pages.push(text),
        () => undefined,
      );
    }
  });
  await admin.reload();
  await expect(webhook).toBeChecked();
  await expect(urlField).toHaveValue(url);
  await expect(tokenField).toHaveValue("");
  await expect(tokenField).toHaveAccessibleDescription(
    /A value is set: leave this empty to keep it/,
  );
  expect(await admin.content()).not.toContain(TOKEN);
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("status")).toHaveText(/^Connected: the endpoint lists/);
  await section.screenshot({ path: "test-results/app-connector-section.png" });
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.filter((text) => text.includes(TOKEN))).toEqual([]);

  // A wrong token typed in is tested as typed: the endpoint refuses it.
  await tokenField.fill("wrong-token");
  await section.getByRole("button", { name: "Test connection" }).click();
  await expect(section.getByRole("alert")).toHaveText("The endpoint answered HTTP 401 to GET.");
  await admin.context().close();
});
