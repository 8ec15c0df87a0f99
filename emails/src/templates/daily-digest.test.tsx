import { describe, expect, it } from "vitest";
import { dailyDigestEmail } from "../index.ts";
import {
  asHtmlAttribute,
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectTextSnapshot,
  hostileText,
  occurrences,
} from "../lib/testing.ts";
import { renderEmail } from "../render.ts";
import DailyDigestEmail, {
  type DailyDigestEmailProps,
  type DailyDigestTask,
} from "./daily-digest.tsx";

const base = "https://lantern.example.com";

function task(number: number, kind: DailyDigestTask["kind"], openedAt: string): DailyDigestTask {
  return {
    number,
    kind,
    appName: "Salesforce",
    entitlementName: "Admin",
    subject: `Person ${number}`,
    openedAt,
    url: `${base}/tasks/${number}`,
  };
}

const props: DailyDigestEmailProps = {
  organizationName: "Example Org",
  settingsUrl: `${base}/settings`,
  date: "2026-11-24",
  counts: { APPROVAL: 1, PROVISION: 2, DEPROVISION: 1 },
  total: 4,
  inboxUrls: {
    APPROVAL: `${base}/requests?tab=awaiting_approval`,
    PROVISION: `${base}/requests?tab=awaiting_provisioning`,
    DEPROVISION: `${base}/revocations?tab=awaiting_deprovisioning`,
  },
  tasks: [
    { ...task(1050, "PROVISION", "2026-11-23T10:00:00.000Z"), dueAt: "2026-11-26T17:00:00.000Z" },
    { ...task(1042, "PROVISION", "2026-11-21T10:00:00.000Z"), dueAt: "2026-11-22T17:00:00.000Z" },
    task(1049, "APPROVAL", "2026-11-24T06:00:00.000Z"),
    { ...task(1031, "DEPROVISION", "2026-11-14T10:00:00.000Z"), appName: "GitHub" },
  ],
};

describe("dailyDigestEmail", () => {
  it("counts the open tasks in the subject and heading", async () => {
    const { subject, text } = await dailyDigestEmail(props);
    expect(subject).toBe("4 open tasks waiting for you (Nov 24, 2026)");
    expect(text).toContain("4 OPEN TASKS WAITING FOR YOU");
    const one = await dailyDigestEmail({ ...props, total: 1 });
    expect(one.subject).toBe("1 open task waiting for you (Nov 24, 2026)");
  });

  it("counts per kind and lists each kind's tasks, the oldest first, with age and due date", async () => {
    const { text } = await dailyDigestEmail(props);
    expect(text).toContain(
      "Waiting for you in Example Org on Nov 24, 2026: 1 approval, 2 to provision, 1 to deprovision.",
    );
    const approvals = text.indexOf("APPROVALS (1)");
    const provisioning = text.indexOf("PROVISIONING (2)");
    const deprovisioning = text.indexOf("DEPROVISIONING (1)");
    expect(approvals).toBeGreaterThan(0);
    expect(provisioning).toBeGreaterThan(approvals);
    expect(deprovisioning).toBeGreaterThan(provisioning);
    // Oldest first within a kind.
    expect(text.indexOf("#1042 Salesforce · Admin")).toBeLessThan(
      text.indexOf("#1050 Salesforce · Admin"),
    );
    expect(text).toContain("for Person 1042 · open 3 days · overdue since Nov 22, 2026");
    expect(text).toContain("for Person 1050 · open 1 day · due Nov 26, 2026");
    expect(text).toContain("for Person 1049 · opened today");
    expect(text).toContain("#1031 GitHub · Admin");
    expect(text).toContain("from Person 1031 · open 10 days");
  });

  it("links every task to its page, absolute", async () => {
    const { html, text } = await dailyDigestEmail(props);
    for (const { url } of props.tasks) {
      expect(occurrences(html, `href="${asHtmlAttribute(url)}"`)).toBe(1);
      expect(occurrences(text, url)).toBe(1);
    }
  });

  it("lists at most ten tasks of a kind and points to the inbox for the rest", async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      task(2000 + i, "PROVISION", `2026-11-${String(10 + i).padStart(2, "0")}T10:00:00.000Z`),
    );
    const { text } = await dailyDigestEmail({
      ...props,
      counts: { APPROVAL: 0, PROVISION: 15, DEPROVISION: 0 },
      total: 15,
      tasks: many,
    });
    expect(text).toContain("#2009 Salesforce");
    expect(text).not.toContain("#2010 Salesforce");
    expect(text).toContain(`And 5 more in Requests ${props.inboxUrls.PROVISION}.`);
    expect(text).not.toContain("APPROVALS");
  });

  it("opens the inbox of the first kind with open tasks", async () => {
    const requests = await dailyDigestEmail(props);
    expectDeepLink(requests, props.inboxUrls.APPROVAL);
    expect(requests.html).toContain("Open Requests</span>");
    const revocations = await dailyDigestEmail({
      ...props,
      counts: { APPROVAL: 0, PROVISION: 0, DEPROVISION: 1 },
      total: 1,
      tasks: props.tasks.filter((t) => t.kind === "DEPROVISION"),
    });
    expectDeepLink(revocations, props.inboxUrls.DEPROVISION);
    expect(revocations.html).toContain("Open Revocations</span>");
  });

  it("says why it was sent and where to turn it off; loads nothing", async () => {
    const rendered = await dailyDigestEmail(props);
    expectFooter(
      rendered,
      "you have open tasks in Example Org and daily digests are on",
      props.settingsUrl,
    );
    expectNoExternalResources(rendered.html);
  });

  it("says so when nothing is open", async () => {
    const { text } = await dailyDigestEmail({
      ...props,
      counts: { APPROVAL: 0, PROVISION: 0, DEPROVISION: 0 },
      total: 0,
      tasks: [],
    });
    expect(text).toContain("Nothing is waiting for you in Example Org on Nov 24, 2026.");
    expect(text).not.toContain("APPROVALS");
  });

  it("escapes app, entitlement and people names", async () => {
    const rendered = await dailyDigestEmail({
      ...props,
      tasks: props.tasks.map((t) => ({ ...t, subject: hostileText })),
    });
    expectEscaped(rendered);
  });

  it("renders the preview props used by `email dev`", async () => {
    const rendered = await renderEmail(<DailyDigestEmail {...DailyDigestEmail.PreviewProps} />);
    expectDeepLink(rendered, DailyDigestEmail.PreviewProps.inboxUrls.APPROVAL);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await dailyDigestEmail(props), "daily-digest");
  });
});
