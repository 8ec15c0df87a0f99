import { type Page } from "@playwright/test";
import { PRODUCTION_URL } from "./support/constants.ts";
import { devEmailsTo } from "./support/production-db.ts";
import { expect, test } from "./support/test.ts";
import { expectNoSession, expectSignedInAs, signInError, whenInteractive } from "./support/ui.ts";

// Email magic links in production mode. Without an email service the message lands in
// the dev mailbox table (DevEmail), which is where this test reads it.

const MARCUS = "marcus.chen@northwind.example";

async function requestLink(page: Page, email: string) {
  await page.goto("/sign-in");
  await (await whenInteractive(page.getByRole("textbox", { name: "Work email" }))).fill(email);
  await (
    await whenInteractive(page.getByRole("button", { name: "Email me a sign-in link" }))
  ).click();
}

test("a magic link signs the person in once, and only once", async ({ page, context }) => {
  const before = new Set((await devEmailsTo(MARCUS)).map((e) => e.id));

  await requestLink(page, MARCUS);
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("It works once and expires in 15 minutes.")).toBeVisible();
  await expect(
    page.getByText(`If ${MARCUS} belongs to someone in Lantern, we sent a sign-in link to it.`),
  ).toBeVisible();

  const [email] = (await devEmailsTo(MARCUS)).filter((e) => !before.has(e.id));
  expect(email, "a new email in the dev mailbox").toBeDefined();
  const link = email!.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link, `a sign-in link in:\n${email!.text}`).toBeDefined();
  expect(new URL(link!).origin).toBe(PRODUCTION_URL);

  await page.goto(link!);
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await expectSignedInAs(page, "Marcus Chen");

  // Someone else (or the same person later, signed out) opens the same link again.
  await context.clearCookies();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/sign-in\?error=Verification$/);
  await expect(signInError(page)).toContainText(
    "That sign-in link has expired or was already used.",
  );
  await expectNoSession(page);
});

test("a stranger asking for a link gets the same answer as a member, and nothing is sent", async ({
  page,
}) => {
  const stranger = `nobody.${Date.now()}@stranger.example`;
  await requestLink(page, stranger);
  await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(
    page.getByText(`If ${stranger} belongs to someone in Lantern, we sent a sign-in link to it.`),
  ).toBeVisible();
  await expect(signInError(page)).toHaveCount(0);
  expect(await devEmailsTo(stranger)).toHaveLength(0);
  await expectNoSession(page);
});

test("the sixth link for one address within 15 minutes is refused, and not sent", async ({
  page,
}) => {
  // The count is per address however it is written, whether or not it belongs to anyone
  // (a member's address is counted alike: packages/api sign-in.integration.test.ts).
  const address = `flood.${Date.now()}@stranger.example`;
  for (let i = 1; i <= 5; i += 1) {
    await requestLink(page, i % 2 ? address : address.toUpperCase());
    await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  }
  await requestLink(page, address);
  await expect(page).toHaveURL(/\/sign-in\?error=TooManyRequests$/);
  await expect(signInError(page)).toContainText("Too many sign-in links were asked for");
  expect(await devEmailsTo(address)).toHaveLength(0);
});
