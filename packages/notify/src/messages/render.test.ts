import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from "@lantern/domain";
import type { KnownBlock } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { fixtureContext, notificationFixtures } from "./fixtures.ts";
import { InvalidNotificationError, renderNotification } from "./render.ts";

const base = fixtureContext.baseUrl;

/** Every URL the blocks link to: button urls and `<url|label>` links in mrkdwn. */
function slackUrls(blocks: KnownBlock[]): string[] {
  const urls: string[] = [];
  const json = JSON.stringify(blocks);
  for (const match of json.matchAll(/"url":"([^"]+)"/g)) urls.push(match[1] ?? "");
  for (const match of json.matchAll(/<([^|>]+)\|/g)) urls.push(match[1] ?? "");
  return urls;
}

function buttonUrl(blocks: KnownBlock[]): string | undefined {
  const actions = blocks.find((block) => block.type === "actions");
  if (actions?.type !== "actions") return undefined;
  const [button] = actions.elements;
  return button?.type === "button" ? button.url : undefined;
}

/** A copy of a fixture with some fields changed or removed (`undefined`). */
function withChanges<T extends NotificationTemplate>(
  template: T,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...notificationFixtures[template] };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

async function renderError(template: string, payload: unknown, context = fixtureContext) {
  try {
    await renderNotification(template, payload, context);
  } catch (error) {
    return error;
  }
  throw new Error("expected renderNotification to throw");
}

const deepLinks: Record<NotificationTemplate, string> = {
  "task.assigned": `${base}/tasks/1042`,
  "task.reassigned": `${base}/tasks/1063`,
  "task.reminder": `${base}/tasks/1057`,
  "request.completed": `${base}/tasks/1057`,
  "request.errored": `${base}/tasks/1042`,
  "request.denied": `${base}/tasks/1049`,
  "request.cancelled": `${base}/my-requests`,
  "revocation.requested": `${base}/my-requests`,
  "digest.daily": `${base}/requests?tab=awaiting_approval`,
  "review.assigned": `${base}/reviews/queue?campaign=0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d`,
  "review.reassigned": `${base}/reviews/queue?campaign=0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d`,
  "review.reminder": `${base}/reviews/queue?campaign=0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d`,
  "review.overdue": `${base}/reviews/0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d`,
};

const subjects: Record<NotificationTemplate, string> = {
  "task.assigned": "Provision access: Admin in Salesforce for Dana Ortiz (#1042)",
  "task.reassigned":
    "Reassigned to you: Approve a request: Admin in Salesforce for Dana Ortiz (#1063)",
  "task.reminder": "Reminder: Remove access: Owner of acme-corp in GitHub from Leo Park (#1057)",
  "request.completed": "Access removed: Owner of acme-corp in GitHub from Leo Park (#1057)",
  "request.errored": "Request errored: Admin in Salesforce for Dana Ortiz (#1042)",
  "request.denied": "Request denied: Admin in Salesforce for Dana Ortiz (#1049)",
  "request.cancelled": "Request cancelled: Admin in Salesforce for Dana Ortiz",
  "revocation.requested": "Removal requested: your access to Owner of acme-corp in GitHub",
  "digest.daily": "4 open tasks waiting for you (Nov 24, 2026)",
  "review.assigned": "Access review: Q4 2026 Salesforce review (12 items, due Dec 15, 2026)",
  "review.reassigned": "Reassigned to you: Access review: Q4 2026 Salesforce review (3 items)",
  "review.reminder":
    "Reminder: Access review: Q4 2026 Salesforce review (5 items left, due Dec 15, 2026)",
  "review.overdue": "Access review overdue: Q4 2026 Salesforce review (12 of 40 items undecided)",
};

describe("renderNotification", () => {
  describe.each(NOTIFICATION_TEMPLATES)("%s", (template) => {
    it("renders the email with its subject, HTML and plain text", async () => {
      const { email } = await renderNotification(
        template,
        notificationFixtures[template],
        fixtureContext,
      );
      expect(email.subject).toBe(subjects[template]);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.text).toContain("You received this email because");
      expect(email.text).toContain(`${base}/settings`);
    });

    it("links only to absolute URLs under the organization's base URL", async () => {
      const { email, slack } = await renderNotification(
        template,
        notificationFixtures[template],
        fixtureContext,
      );
      const hrefs = [...email.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? "");
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of [...hrefs, ...slackUrls(slack.blocks)]) {
        expect(href.startsWith(`${base}/`)).toBe(true);
      }
    });

    it("sends email and Slack to the same deep link", async () => {
      const { email, slack } = await renderNotification(
        template,
        notificationFixtures[template],
        fixtureContext,
      );
      const link = deepLinks[template];
      expect(email.text.split(link).length - 1).toBe(1);
      expect(email.html).toContain(`href="${link}"`);
      expect(buttonUrl(slack.blocks)).toBe(link);
      expect(slack.text).toContain(link);
    });

    it("leads the Slack message with the email's headline", async () => {
      const { email, slack } = await renderNotification(
        template,
        notificationFixtures[template],
        fixtureContext,
      );
      const [header] = slack.blocks;
      expect(header?.type).toBe("header");
      const headline = header?.type === "header" ? header.text.text : "";
      expect(email.subject).toContain(headline);
      expect(slack.text).toContain(email.subject);
    });
  });

  it("tolerates a trailing slash on the base URL", async () => {
    const { email } = await renderNotification(
      "task.assigned",
      notificationFixtures["task.assigned"],
      {
        ...fixtureContext,
        baseUrl: `${base}/`,
      },
    );
    expect(email.text).toContain(`${base}/tasks/1042`);
    expect(email.text).not.toContain(`${base}//`);
  });

  it("renders the reminder as the task email with its reminder line", async () => {
    const { email, slack } = await renderNotification(
      "task.reminder",
      notificationFixtures["task.reminder"],
      fixtureContext,
    );
    const line = "Reminder from Priya Natarajan: task #1057 has been open since Nov 17, 2026.";
    expect(email.text).toContain(line);
    expect(JSON.stringify(slack.blocks)).toContain(line);
  });

  it("renders kept items reaching the second level with their own headline and line", async () => {
    const { email, slack } = await renderNotification(
      "review.assigned",
      withChanges("review.assigned", { level: 2, itemCount: 1 }),
      fixtureContext,
    );
    const line = "These items were kept at the first level and need a second look.";
    expect(email.subject).toBe(
      "Second-level review: Q4 2026 Salesforce review (1 item, due Dec 15, 2026)",
    );
    expect(email.text).toContain(line);
    expect(email.text).toContain("1 item waits for your decision");
    expect(JSON.stringify(slack.blocks)).toContain(line);
  });

  it("counts in words in the review messages, email and Slack alike", async () => {
    for (const [template, words] of [
      ["review.assigned", "12 items wait for your decision"],
      ["review.reassigned", "3 items wait for your decision"],
      ["review.reminder", "5 items wait for your decision"],
      ["review.overdue", "12 items are still undecided"],
    ] as const) {
      const { email, slack } = await renderNotification(
        template,
        notificationFixtures[template],
        fixtureContext,
      );
      expect(email.text).toContain(words);
      expect(JSON.stringify(slack.blocks)).toContain(words);
    }
  });

  it("ignores keys it does not know, and drops an optional extra it cannot read", async () => {
    const { email } = await renderNotification(
      "task.assigned",
      withChanges("task.assigned", { dueAt: "next Tuesday", routingNote: 42, extra: { a: 1 } }),
      fixtureContext,
    );
    expect(email.text).not.toContain("Due ");
    expect(email.text).not.toContain("Why this came to you");
  });

  it("accepts a payload without its optional fields", async () => {
    const { email } = await renderNotification(
      "request.errored",
      withChanges("request.errored", {
        note: undefined,
        taskNumber: undefined,
        recipientRole: undefined,
      }),
      fixtureContext,
    );
    expect(email.text).toContain("No error reason was given.");
    expect(email.text).toContain("you take part in this request in Acme Corp");
  });

  describe("refuses what can never render, naming the template and the field", () => {
    it("an unknown template", async () => {
      const error = await renderError("task.exploded", notificationFixtures["task.assigned"]);
      expect(error).toBeInstanceOf(InvalidNotificationError);
      const invalid = error as InvalidNotificationError;
      expect(invalid.template).toBe("task.exploded");
      expect(invalid.permanent).toBe(true);
      expect(invalid.message).toContain('Unknown notification template "task.exploded"');
    });

    it.each([
      ["task.assigned", { taskNumber: undefined }, "taskNumber"],
      ["task.assigned", { taskNumber: "1042" }, "taskNumber"],
      ["task.assigned", { taskKind: "PROMOTE" }, "taskKind"],
      ["task.assigned", { appName: "   " }, "appName"],
      ["task.assigned", { path: "//evil.example.com/tasks/1042" }, "path"],
      ["task.assigned", { path: "https://evil.example.com" }, "path"],
      ["task.reassigned", { reassignReason: "" }, "reassignReason"],
      ["task.reminder", { openedAt: "yesterday" }, "openedAt"],
      ["request.completed", { state: "ERRORED" }, "state"],
      ["request.errored", { requesterName: undefined }, "requesterName"],
      ["revocation.requested", { accountLabel: undefined }, "accountLabel"],
      ["digest.daily", { date: "24/11/2026" }, "date"],
      [
        "digest.daily",
        { counts: { APPROVAL: 1, PROVISION: -2, DEPROVISION: 0 } },
        "counts.PROVISION",
      ],
      ["review.assigned", { level: 3 }, "level"],
      ["review.assigned", { campaignName: " " }, "campaignName"],
      ["review.assigned", { startedBy: undefined }, "startedBy"],
      ["review.reassigned", { reason: "" }, "reason"],
      ["review.reminder", { dueAt: "in three days" }, "dueAt"],
      ["review.reminder", { pendingCount: -1 }, "pendingCount"],
      ["review.overdue", { path: "//evil.example.com/reviews" }, "path"],
      ["review.overdue", { totalCount: undefined }, "totalCount"],
      ["review.overdue", { campaignId: "" }, "campaignId"],
    ] as const)("%s with %j → field %s", async (template, changes, field) => {
      const error = await renderError(template, withChanges(template, changes));
      expect(error).toBeInstanceOf(InvalidNotificationError);
      const invalid = error as InvalidNotificationError;
      expect(invalid.template).toBe(template);
      expect(invalid.field).toBe(field);
      expect(invalid.message).toContain(`"${template}"`);
      expect(invalid.message).toContain(field);
    });

    it("a digest task with a broken field, by its index", async () => {
      const digest = notificationFixtures["digest.daily"];
      const tasks = digest.tasks.map((task, i) => (i === 2 ? { ...task, openedAt: "soon" } : task));
      const error = await renderError("digest.daily", { ...digest, tasks });
      expect((error as InvalidNotificationError).field).toBe("tasks[2].openedAt");
    });

    it.each([null, "a string", 42, []])("a payload that is not an object (%j)", async (payload) => {
      const error = await renderError("task.assigned", payload);
      expect(error).toBeInstanceOf(InvalidNotificationError);
    });

    it.each(["", "lantern.acme.com", "javascript:alert(1)", "ftp://lantern.acme.com"])(
      "a context whose base URL is %j",
      async (baseUrl) => {
        const error = await renderError("task.assigned", notificationFixtures["task.assigned"], {
          ...fixtureContext,
          baseUrl,
        });
        expect(error).toBeInstanceOf(InvalidNotificationError);
        expect((error as InvalidNotificationError).field).toBe("context.baseUrl");
      },
    );
  });

  it("escapes what people typed, in the email and in Slack", async () => {
    const typed = `<script>alert("x")</script> & <!channel>`;
    const { email, slack } = await renderNotification(
      "task.assigned",
      withChanges("task.assigned", { reason: typed, requesterName: typed }),
      fixtureContext,
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.text).toContain(typed);
    const json = JSON.stringify(slack.blocks);
    expect(json).not.toContain("<script>");
    expect(json).not.toContain("<!channel>");
    expect(json).toContain('&lt;script&gt;alert(\\"x\\")&lt;/script&gt; &amp; &lt;!channel&gt;');
  });
});
