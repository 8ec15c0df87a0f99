import { type Browser, type Page } from "@playwright/test";
import { FIRST_RUN_URL, OIDC_NAME } from "./support/constants.ts";
import { logInAtIdentityProvider } from "./support/idp.ts";
import { expect, test } from "./support/test.ts";
import { expectSignedInAs, signInError, whenInteractive } from "./support/ui.ts";

// The whole lifecycle on an organization that nobody seeded (issue 6): the first sign-in on an
// empty database creates the organization; its super admin imports people, writes a two-step
// policy, adds an application with its owner and provisioner, adds an entitlement with a
// MANUAL strategy under that policy and imports the app's accounts; an employee asks for
// access, their manager and the app owner approve, and the provisioner configured on the app
// provisions it. Everything goes through the browser, signing in through the OpenID Provider.

const DOMAIN = "acme.example";
const FOUNDER = { email: `dana.okafor@${DOMAIN}`, name: "Dana Okafor" };
const MANAGER = { email: `maya.patel@${DOMAIN}`, name: "Maya Patel" };
const EMPLOYEE = { email: `eli.brooks@${DOMAIN}`, name: "Eli Brooks" };
const OWNER = { email: `olivia.grant@${DOMAIN}`, name: "Olivia Grant" };
const PROVISIONER = { email: `sam.rivera@${DOMAIN}`, name: "Sam Rivera" };

// A retry runs on the same database (the organization exists by then): it names its own app,
// entitlement and policy so it never trips over the first attempt's.
const suffix = () => (test.info().retry ? ` ${test.info().retry + 1}` : "");

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: FIRST_RUN_URL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await (
    await whenInteractive(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }))
  ).click();
  await logInAtIdentityProvider(page, email);
  return page;
}

test("an organization created by its first sign-in runs a request end to end", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const APP = `Acme CRM${suffix()}`;
  const ENTITLEMENT = `Sales admin${suffix()}`;
  const POLICY = `Manager, then app owner${suffix()}`;

  await test.step("someone the first run does not allow is refused, and nothing is created", async () => {
    const page = await signIn(browser, "intruder@elsewhere.example");
    await expect(page).toHaveURL(/\/sign-in\?error=/);
    await expect(signInError(page)).toContainText(/not (one allowed to create it|belong)/);
    await page.context().close();
  });

  const dana = await signIn(browser, FOUNDER.email);

  await test.step("the first person in becomes the super admin of a new organization", async () => {
    await expect(dana).not.toHaveURL(/\/sign-in/);
    await expectSignedInAs(dana, FOUNDER.name);
    await dana.goto("/settings");
    await expect(dana.getByText("Super admin").first()).toBeVisible();
  });

  await test.step("Dana imports the people, with their managers", async () => {
    await dana.goto("/users");
    await (await whenInteractive(dana.getByRole("button", { name: "Import people" }))).click();
    const dialog = dana.getByRole("dialog", { name: "Import people" });
    await dialog.getByLabel("File", { exact: true }).setInputFiles({
      name: "acme-people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "email,givenName,familyName,title,department,managerEmail",
          `${MANAGER.email},Maya,Patel,Head of Sales,Sales,`,
          `${EMPLOYEE.email},Eli,Brooks,Account Executive,Sales,${MANAGER.email}`,
          `${OWNER.email},Olivia,Grant,CRM Administrator,Sales Ops,`,
          `${PROVISIONER.email},Sam,Rivera,IT Support,IT,`,
        ].join("\n"),
      ),
    });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog).toContainText("acme-people.csv imported.");
    await dialog.getByRole("button", { name: "Done" }).click();
    await dana.goto("/users?q=Eli");
    await expect(dana.getByRole("row").filter({ hasText: EMPLOYEE.name })).toContainText(
      MANAGER.name,
    );
  });

  await test.step("Dana writes a two-step policy: the manager, then an app owner", async () => {
    await dana.goto("/policies");
    await (await whenInteractive(dana.getByRole("link", { name: "New policy" }))).click();
    await whenInteractive(dana.getByRole("button", { name: "Create policy" }));
    await dana.getByLabel("Name", { exact: true }).fill(POLICY);
    await expect(dana.getByLabel("Who approves at step 1")).toHaveValue("MANAGER");
    await dana.getByRole("button", { name: "Add approval step" }).click();
    await dana.getByLabel("Who approves at step 2").selectOption({ label: "App owners" });
    await dana.getByRole("button", { name: "Create policy" }).click();
    await expect(dana).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);
    await expect(dana.getByRole("heading", { level: 1, name: POLICY })).toBeVisible();
  });

  let appUrl = "";
  await test.step("Dana adds the application, its owner, provisioner and instructions", async () => {
    await dana.goto("/apps");
    await (await whenInteractive(dana.getByRole("button", { name: "Add application" }))).click();
    const dialog = dana.getByRole("dialog", { name: "Add application" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(APP);
    await dialog.getByRole("textbox", { name: "Description" }).fill("Acme's customer records");
    await dialog.getByRole("button", { name: "Add application" }).click();
    await expect(dana).toHaveURL(/\/apps\/[0-9a-f-]{36}\/settings$/);
    appUrl = dana.url().replace(/\/settings$/, "");

    await whenInteractive(dana.getByRole("button", { name: "Save people" }));
    await choosePerson(dana, "Owners", OWNER.name);
    await choosePerson(dana, "Provisioners", PROVISIONER.name);
    await dana.getByRole("button", { name: "Save people" }).click();
    await expect(dana.getByText("People saved")).toBeVisible();

    await dana
      .getByRole("textbox", { name: "Provisioning instructions", exact: true })
      .fill("Open **CRM Setup → Users**, find the person and add the role.");
    await dana.getByRole("button", { name: "Save instructions" }).click();
    await expect(dana.getByText("Instructions saved")).toBeVisible();
  });

  let entitlementId = "";
  await test.step("Dana adds a MANUAL entitlement under the new policy", async () => {
    await dana.goto(`${appUrl}/entitlements`);
    await (await whenInteractive(dana.getByRole("button", { name: "Add entitlement" }))).click();
    const dialog = dana.getByRole("dialog", { name: "Add entitlement" });
    await dialog.getByLabel("Display name").fill(ENTITLEMENT);
    await expect(
      dialog
        .getByRole("group", { name: "Provisioning strategy", exact: true })
        .getByRole("radio", { name: "Manual" }),
    ).toBeChecked();
    await dialog.getByLabel("Request policy").selectOption({ label: POLICY });
    await dialog.getByRole("button", { name: "Add entitlement" }).click();
    await expect(dana).toHaveURL(/\/entitlements\/[0-9a-f-]{36}$/);
    await expect(dana.getByRole("heading", { level: 1 })).toContainText(ENTITLEMENT);
    entitlementId = dana.url().split("/").at(-1)!;
  });

  await test.step("Dana imports the app's accounts; each finds its owner", async () => {
    await dana.goto(appUrl);
    await (
      await whenInteractive(dana.getByRole("button", { name: `More actions for ${APP}` }))
    ).click();
    await dana.getByRole("menuitem", { name: "Import accounts…" }).click();
    const dialog = dana.getByRole("dialog", { name: "Import accounts" });
    await dialog.getByLabel("File", { exact: true }).setInputFiles({
      name: "crm-users.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "externalId,login,emails,givenName,familyName,displayName,status,type,lastLoginAt",
          `crm-001,eli.brooks,${EMPLOYEE.email},Eli,Brooks,Eli Brooks,ACTIVE,USER,`,
          `crm-002,maya.patel,${MANAGER.email},Maya,Patel,Maya Patel,ACTIVE,USER,`,
          "crm-003,integration-bot,,,,Integration bot,ACTIVE,SERVICE,",
        ].join("\n"),
      ),
    });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog).toContainText("crm-users.csv imported.");
    await dialog.getByRole("button", { name: "Done" }).click();
    await dana.goto(`${appUrl}/accounts?q=eli.brooks`);
    await expect(dana.getByRole("row").filter({ hasText: "eli.brooks" })).toContainText(
      EMPLOYEE.name,
    );
  });
  await dana.context().close();

  let firstTask = 0;
  const eli = await signIn(browser, EMPLOYEE.email);
  await test.step("Eli asks for the entitlement and reads who approves", async () => {
    await expectSignedInAs(eli, EMPLOYEE.name);
    await eli.goto(`/my-requests/new?entitlement=${entitlementId}`);
    const next = eli.getByRole("complementary", { name: "What happens next" });
    await expect(next).toContainText(
      "Your manager approves, then an app owner approves, then it is provisioned.",
    );
    await eli.getByLabel("Reason").fill("I now manage the enterprise accounts pipeline.");
    await (await whenInteractive(eli.getByRole("button", { name: "Send request" }))).click();
    await expect(eli).toHaveURL(/\/my-requests\?requested=/);
    const notice = eli.getByRole("status").filter({ hasText: "You asked for" });
    await expect(notice).toContainText(`${ENTITLEMENT} in ${APP}`);
    await expect(notice).toContainText(`Sent for approval by ${MANAGER.name} (#`);
    const link = notice.getByRole("link", { name: /^Open task #\d+$/ });
    firstTask = Number((await link.textContent())!.replace("Open task #", ""));
  });

  await test.step("Maya, Eli's manager, approves", async () => {
    const maya = await signIn(browser, MANAGER.email);
    await approveIn(maya, `#${firstTask}`);
    await maya.context().close();
  });

  await test.step("Olivia, the app owner, approves", async () => {
    const olivia = await signIn(browser, OWNER.email);
    await approveIn(olivia, ENTITLEMENT);
    await olivia.context().close();
  });

  await test.step("Sam, the provisioner set on the app, reads the instructions and provisions", async () => {
    const sam = await signIn(browser, PROVISIONER.email);
    await sam.goto("/requests");
    const row = sam.getByRole("row").filter({ hasText: ENTITLEMENT });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(EMPLOYEE.name);
    await row.getByRole("link", { name: /^Task #\d+: details$/ }).click();
    await expect(sam.getByRole("region", { name: "Instructions" })).toContainText(
      "CRM Setup → Users",
    );
    await (
      await whenInteractive(sam.getByRole("button", { name: "Mark provisioned", exact: true }))
    ).click();
    const dialog = sam.getByRole("dialog", { name: /^Mark provisioned #\d+$/ });
    await dialog.getByRole("button", { name: "Mark provisioned" }).click();
    await expect(dialog).toBeHidden();
    await sam.context().close();
  });

  await test.step("Eli's request is completed and his account holds the entitlement", async () => {
    await eli.goto("/my-requests");
    const row = eli.getByRole("table").getByRole("row").filter({ hasText: ENTITLEMENT }).first();
    await expect(row.getByText("Completed", { exact: true })).toBeVisible();
    await eli.context().close();
  });
});

/** Chooses `person` in the app settings' people picker of `role` (Owners, Provisioners). */
async function choosePerson(page: Page, role: string, person: string) {
  const group = page.getByRole("group", { name: role, exact: true });
  await group
    .getByRole("searchbox", { name: `Search people to add as ${role.toLowerCase()}` })
    .fill(person);
  await group.getByRole("checkbox", { name: new RegExp(person) }).check();
  await expect(group.getByRole("list", { name: `Chosen ${role.toLowerCase()}` })).toContainText(
    person,
  );
}

/** Approves, from Requests → Awaiting approval, the one task whose row mentions `text`. */
async function approveIn(page: Page, text: string) {
  await page.goto("/requests?tab=awaiting_approval");
  const row = page.getByRole("row").filter({ hasText: text });
  await expect(row).toHaveCount(1);
  const approve = row.getByRole("button", { name: /^Approve #\d+$/ });
  const name = (await approve.getAttribute("aria-label")) ?? (await approve.textContent())!;
  await (await whenInteractive(approve)).click();
  const dialog = page.getByRole("dialog", { name: name.trim() });
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: text })).toHaveCount(0);
}
