import { expect, test } from "./support/test.ts";

// Production mode (DATABASE_URL set, no email service configured): there is no dev mailbox
// — neither the page nor the API — even though email is stored in the DevEmail table until
// an email service is configured.

test("/dev/mailbox does not exist in production mode", async ({ page, request }) => {
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const api = await request.get(
    `/api/trpc/devMailbox.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
  );
  expect(api.status()).toBe(404);
});
