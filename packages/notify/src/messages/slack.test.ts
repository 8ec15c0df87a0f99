import type {
  DailyDigestEmailProps,
  ReviewAssignedEmailProps,
  TaskAssignedEmailProps,
} from "@lantern/emails";
import type { KnownBlock } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import {
  dailyDigestSlack,
  escapeMrkdwn,
  mrkdwnLink,
  requestEndedSlack,
  revocationRequestedSlack,
  reviewAssignedSlack,
  reviewOverdueSlack,
  reviewReassignedSlack,
  reviewReminderSlack,
  taskAssignedSlack,
  taskReassignedSlack,
} from "./slack.ts";

const base = "https://lantern.example.com";

const task: TaskAssignedEmailProps = {
  organizationName: "Example Org",
  settingsUrl: `${base}/settings`,
  url: `${base}/tasks/1042`,
  taskNumber: 1042,
  taskKind: "PROVISION",
  requestKind: "GRANT",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  requesterName: "Maria Chen",
  reason: "Pipeline reports.",
  policyName: "Standard access",
  dueAt: "2026-11-27T17:00:00.000Z",
};

/** The mrkdwn texts of the blocks, in order (section text, fields, context). */
function texts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === "section") {
      return [block.text?.text ?? "", ...(block.fields ?? []).map((field) => field.text)];
    }
    if (block.type === "context") {
      return block.elements.map((element) => ("text" in element ? element.text : ""));
    }
    return [];
  });
}

function fields(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.type === "section" ? (block.fields ?? []).map((field) => field.text) : [],
  );
}

describe("escapeMrkdwn", () => {
  it("escapes &, < and > and nothing else", () => {
    expect(escapeMrkdwn(`<!channel> & <@U123> "quoted" *bold*`)).toBe(
      `&lt;!channel&gt; &amp; &lt;@U123&gt; "quoted" *bold*`,
    );
  });
});

describe("mrkdwnLink", () => {
  it("makes <url|label> with the label escaped", () => {
    expect(mrkdwnLink(`${base}/tasks/1042`, "#1042 Salesforce · R&D <Admin>")).toBe(
      `<${base}/tasks/1042|#1042 Salesforce · R&amp;D &lt;Admin&gt;>`,
    );
  });

  it("keeps a URL from closing the link early", () => {
    expect(mrkdwnLink(`${base}/x?a=1&b=<2>|3`, "x")).toBe(`<${base}/x?a=1&amp;b=&lt;2&gt;%7C3|x>`);
  });
});

describe("taskAssignedSlack", () => {
  it("has the headline as header, the facts as fields and a primary button to the task", () => {
    const { blocks, text } = taskAssignedSlack(task);
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Provision access: Admin in Salesforce for Dana Ortiz" },
    });
    expect(fields(blocks)).toEqual([
      "*App*\nSalesforce",
      "*Access*\nAdmin",
      "*For*\nDana Ortiz",
      "*Requested by*\nMaria Chen",
      "*Reason*\nPipeline reports.",
      "*Due*\nNov 27, 2026",
    ]);
    expect(blocks.at(-1)).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: "open_in_lantern",
          text: { type: "plain_text", text: "Open task #1042" },
          url: `${base}/tasks/1042`,
          style: "primary",
        },
      ],
    });
    expect(text).toBe(
      `Provision access: Admin in Salesforce for Dana Ortiz (#1042) — ${base}/tasks/1042`,
    );
  });

  it("says who holds the access being removed, and leaves out a missing due date", () => {
    const { blocks } = taskAssignedSlack({
      ...task,
      taskKind: "DEPROVISION",
      requestKind: "REVOKE",
      dueAt: null,
    });
    expect(fields(blocks)).toContain("*Held by*\nDana Ortiz");
    expect(fields(blocks).some((field) => field.startsWith("*Due*"))).toBe(false);
  });

  it("frames a reminder and carries the routing note", () => {
    const { blocks, text } = taskAssignedSlack({
      ...task,
      routingNote: "Salesforce has no provisioners, so its owners do this.",
      reminder: { remindedBy: "Maria Chen", openedAt: "2026-11-20T09:00:00.000Z" },
    });
    expect(texts(blocks)).toContain(
      "*Reminder from Maria Chen: task #1042 has been open since Nov 20, 2026.*",
    );
    expect(texts(blocks)).toContain(
      "Why this came to you: Salesforce has no provisioners, so its owners do this.",
    );
    expect(text.startsWith("Reminder: Provision access")).toBe(true);
  });

  it("escapes every piece of typed text, in fields, sections, context and fallback", () => {
    const typed = "<!here> Tom & Jerry <https://evil.example.com|click>";
    const escaped = "&lt;!here&gt; Tom &amp; Jerry &lt;https://evil.example.com|click&gt;";
    const { blocks, text } = taskAssignedSlack({
      ...task,
      reason: typed,
      requesterName: typed,
      subject: typed,
      routingNote: typed,
      policyName: typed,
    });
    const all = [...texts(blocks), text].join("\n");
    expect(all).not.toContain("<!here>");
    expect(all).not.toContain("<https://evil");
    expect(fields(blocks)).toContain(`*Reason*\n${escaped}`);
    expect(fields(blocks)).toContain(`*Requested by*\n${escaped}`);
    // The header is plain text, shown as is: nothing to escape there.
    expect(blocks[0]).toMatchObject({
      text: { type: "plain_text", text: expect.stringContaining(typed) },
    });
  });

  it("keeps within Block Kit's limits", () => {
    const long = "x".repeat(5000);
    const { blocks } = taskAssignedSlack({ ...task, reason: long, entitlementName: long });
    const header = blocks[0];
    expect(header?.type === "header" && header.text.text.length).toBeLessThanOrEqual(150);
    for (const field of fields(blocks)) expect(field.length).toBeLessThanOrEqual(2000);
    for (const line of texts(blocks)) expect(line.length).toBeLessThanOrEqual(3000);
  });
});

describe("taskReassignedSlack", () => {
  it("says who handed the task over, quoting their reason escaped line by line", () => {
    const { blocks } = taskReassignedSlack({
      ...task,
      reassignedBy: "Jamal Reed",
      reassignReason: "Out until Dec 2.\n> not a quote <!channel>",
    });
    expect(texts(blocks)).toContain(
      "*Jamal Reed reassigned task #1042 to you.*\n>Out until Dec 2.\n>&gt; not a quote &lt;!channel&gt;",
    );
  });
});

describe("requestEndedSlack", () => {
  const ended = {
    ...task,
    url: `${base}/tasks/1042`,
    state: "ERRORED" as const,
    note: "No licence left.",
    recipientRole: "APP_OWNER" as const,
  };

  it("leads with the error of an errored request", () => {
    const { blocks } = requestEndedSlack(ended);
    expect(blocks[0]).toMatchObject({
      type: "header",
      text: { text: "Request errored: Admin in Salesforce for Dana Ortiz" },
    });
    expect(texts(blocks)[0]).toBe("*Error*\n>No licence left.");
  });

  it("reads as removed access for a completed revocation, with a button to the request", () => {
    const { blocks, text } = requestEndedSlack({
      ...ended,
      state: "COMPLETED",
      requestKind: "REVOKE",
      note: null,
      taskNumber: null,
      url: `${base}/my-requests`,
    });
    expect(text).toBe(`Access removed: Admin in Salesforce from Dana Ortiz — ${base}/my-requests`);
    expect(blocks.at(-1)).toMatchObject({
      elements: [{ text: { text: "View the request" }, url: `${base}/my-requests` }],
    });
  });
});

describe("revocationRequestedSlack", () => {
  it("tells the owner who asked and why", () => {
    const { blocks } = revocationRequestedSlack({
      ...task,
      requestKind: "REVOKE",
      accountLabel: "dana.ortiz",
      reason: "Access review & cleanup",
    });
    expect(texts(blocks)).toContain(
      "Maria Chen asked to remove the access of your account dana.ortiz to Admin in Salesforce.",
    );
    expect(texts(blocks)).toContain("*Maria Chen's reason*\n>Access review &amp; cleanup");
    expect(fields(blocks)).toContain("*Account*\ndana.ortiz");
  });
});

describe("dailyDigestSlack", () => {
  const digest: DailyDigestEmailProps = {
    organizationName: "Example Org",
    settingsUrl: `${base}/settings`,
    date: "2026-11-24",
    counts: { APPROVAL: 0, PROVISION: 12, DEPROVISION: 1 },
    total: 13,
    inboxUrls: {
      APPROVAL: `${base}/requests?tab=awaiting_approval`,
      PROVISION: `${base}/requests?tab=awaiting_provisioning`,
      DEPROVISION: `${base}/revocations?tab=awaiting_deprovisioning`,
    },
    tasks: [
      {
        number: 1042,
        kind: "PROVISION",
        appName: "Salesforce",
        entitlementName: "Admin",
        subject: "Dana <Ortiz>",
        openedAt: "2026-11-21T10:00:00.000Z",
        url: `${base}/tasks/1042`,
      },
      {
        number: 1057,
        kind: "DEPROVISION",
        appName: "R&D Wiki",
        entitlementName: "Editor",
        subject: "Leo Park",
        openedAt: "2026-11-23T10:00:00.000Z",
        url: `${base}/tasks/1057`,
      },
    ],
  };

  it("lists the tasks as links per kind, with what is left in the inbox", () => {
    const { blocks } = dailyDigestSlack(digest);
    expect(texts(blocks)).toEqual([
      "Waiting for you in Example Org on Nov 24, 2026: 12 to provision, 1 to deprovision. The oldest tasks come first.",
      `*Provisioning (12)*\n• <${base}/tasks/1042|#1042 Salesforce · Admin> — for Dana &lt;Ortiz&gt; · open 3 days\n…and 11 more in <${base}/requests?tab=awaiting_provisioning|Requests>`,
      `*Deprovisioning (1)*\n• <${base}/tasks/1057|#1057 R&amp;D Wiki · Editor> — from Leo Park · open 1 day`,
    ]);
  });

  it("opens the inbox of the first kind with work", () => {
    const { blocks, text } = dailyDigestSlack(digest);
    expect(blocks.at(-1)).toMatchObject({
      elements: [{ text: { text: "Open Requests" }, url: digest.inboxUrls.PROVISION }],
    });
    expect(text).toBe(
      `13 open tasks waiting for you (Nov 24, 2026) — ${digest.inboxUrls.PROVISION}`,
    );
  });
});

describe("access-review messages", () => {
  const queueUrl = `${base}/reviews/queue?campaign=c-1`;
  const assigned: ReviewAssignedEmailProps = {
    organizationName: "Example Org",
    settingsUrl: `${base}/settings`,
    url: queueUrl,
    campaignName: "Q4 R&D review",
    dueAt: "2026-12-15T17:00:00.000Z",
    itemCount: 12,
    startedBy: "Priya Natarajan",
    level: 1,
  };

  function button(blocks: KnownBlock[]) {
    return blocks.at(-1);
  }

  it("a started campaign: who started it, the count in words, and a button to the queue", () => {
    const { blocks, text } = reviewAssignedSlack(assigned);
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Access review: Q4 R&D review" },
    });
    expect(texts(blocks)[0]).toBe(
      "Priya Natarajan started the access review Q4 R&amp;D review. 12 items wait for your decision: keep the access or revoke it.",
    );
    expect(fields(blocks)).toEqual([
      "*Campaign*\nQ4 R&amp;D review",
      "*Due*\nDec 15, 2026",
      "*Your items*\n12",
      "*Started by*\nPriya Natarajan",
    ]);
    expect(button(blocks)).toMatchObject({
      type: "actions",
      elements: [{ type: "button", text: { text: "Review your items" }, url: queueUrl }],
    });
    expect(text).toBe(
      `Access review: Q4 R&amp;D review (12 items, due Dec 15, 2026) — ${queueUrl}`,
    );
  });

  it("the second level: why the items come back, and which level", () => {
    const { blocks } = reviewAssignedSlack({ ...assigned, level: 2, itemCount: 1 });
    expect(blocks[0]).toMatchObject({ text: { text: "Second-level review: Q4 R&D review" } });
    expect(texts(blocks).slice(0, 2)).toEqual([
      "*These items were kept at the first level and need a second look.*",
      "1 item waits for your decision: keep the access or revoke it.",
    ]);
    expect(fields(blocks)).toContain("*Level*\nSecond");
  });

  it("a reassignment quotes the reason, escaped line by line", () => {
    const { blocks } = reviewReassignedSlack({
      ...assigned,
      itemCount: 3,
      reassignedBy: "Jamal Reed",
      reason: "Aisha's team.\n<!channel> owns these",
    });
    expect(texts(blocks)[0]).toBe(
      "*Jamal Reed reassigned 3 items of Q4 R&amp;D review to you.*\n>Aisha's team.\n>&lt;!channel&gt; owns these",
    );
    expect(fields(blocks)).toContain("*Reassigned by*\nJamal Reed");
    expect(button(blocks)).toMatchObject({ elements: [{ url: queueUrl }] });
  });

  it("a reminder leads with the due date and what is left", () => {
    const { blocks, text } = reviewReminderSlack({ ...assigned, pendingCount: 1 });
    expect(texts(blocks)[0]).toBe(
      "*Q4 R&amp;D review is due Dec 15, 2026. 1 item waits for your decision.*",
    );
    expect(fields(blocks)).toContain("*Undecided*\n1");
    expect(text.startsWith("Reminder: Access review: Q4 R&amp;D review (1 item left")).toBe(true);
  });

  it("the overdue message to super admins opens the campaign, with its progress", () => {
    const campaignUrl = `${base}/reviews/c-1`;
    const { blocks } = reviewOverdueSlack({
      ...assigned,
      url: campaignUrl,
      dueAt: "2026-11-30T17:00:00.000Z",
      pendingCount: 12,
      decidedCount: 28,
      totalCount: 40,
    });
    expect(blocks[0]).toMatchObject({ text: { text: "Access review overdue: Q4 R&D review" } });
    expect(texts(blocks)[0]).toBe(
      "*Q4 R&amp;D review was due Nov 30, 2026 and 12 items are still undecided.*",
    );
    expect(fields(blocks)).toEqual([
      "*Campaign*\nQ4 R&amp;D review",
      "*Due*\nNov 30, 2026",
      "*Decided*\n28 of 40 items",
      "*Undecided*\n12",
    ]);
    expect(button(blocks)).toMatchObject({
      elements: [{ text: { text: "Open the campaign" }, url: campaignUrl }],
    });
  });
});
