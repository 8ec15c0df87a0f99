import { type Browser } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { signInAsDemoPerson } from "./support/ui.ts";

// A CONNECTOR-strategy entitlement (SPEC §6.4): once approved, the running server's
// background worker does the grant within seconds — no person, no task.

async function signedIn(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, name);
  await expect(page).not.toHaveURL(/sign-in/);
  return { context, page };
}

interface Requestable {
  id: string;
  displayName: string;
  app: { name: string };
  held: boolean;
  pending: boolean;
}

test("an approved request for a connector-managed group completes by itself", async ({
  browser,
}) => {
  // Daniel Kim has an Okta account but is not in its engineering group; a super admin may
  // decide any approval (SPEC §8), so Alex Rivera approves whatever the policy asks.
  const requester = await signedIn(browser, "Daniel Kim");
  const approver = await signedIn(browser, "Alex Rivera");

  const options = await trpcQuery<Requestable[]>(requester.page.request, "requests.requestable", {
    search: "Group: engineering",
  });
  const copilot = options.find((e) => e.app.name === "Okta");
  expect(copilot, "the demo's Okta engineering group").toBeDefined();
  expect(copilot).toMatchObject({ held: false, pending: false });

  const created = await trpcMutation<{ requestId: string; task: { number: number } | null }>(
    requester.page.request,
    "requests.create",
    { entitlementId: copilot!.id, reason: "Joining the platform on-call rotation" },
  );
  expect(created.task, "the policy asks for an approval first").not.toBeNull();
  const approval = await trpcQuery<{ id: string; kind: string }>(
    approver.page.request,
    "tasks.byNumber",
    { number: created.task!.number },
  );
  expect(approval.kind).toBe("APPROVAL");
  await trpcMutation(approver.page.request, "tasks.close", {
    taskId: approval.id,
    action: "approve",
  });

  await expect
    .poll(
      async () => {
        const mine = await trpcQuery<{ items: { id: string; state: string }[] }>(
          requester.page.request,
          "requests.mine",
          { limit: 10 },
        );
        return mine.items.find((r) => r.id === created.requestId)?.state;
      },
      { message: "the connector job completes the request", timeout: 20_000 },
    )
    .toBe("COMPLETED");

  // The history on the task page says the connector did it.
  const page = await trpcQuery<{ history: { action: string }[] }>(
    requester.page.request,
    "tasks.byNumber",
    { number: created.task!.number },
  );
  expect(page.history.map((h) => h.action)).toEqual(
    expect.arrayContaining(["connector.job_queued", "connector.succeeded", "grant.created"]),
  );
  await requester.context.close();
  await approver.context.close();
});
