import { describe, expect, it } from "vitest";
import { taskAssignedEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import TaskAssignedEmail, { type TaskAssignedEmailProps } from "./task-assigned.tsx";

const props: TaskAssignedEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/tasks/1042",
  taskNumber: 1042,
  taskKind: "PROVISION",
  requestKind: "GRANT",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  requesterName: "Maria Chen",
  reason: "Takes over the pipeline reports.",
  policyName: "Standard access",
  dueAt: "2026-11-27T17:00:00.000Z",
};

describe("taskAssignedEmail", () => {
  it.each([
    ["PROVISION", "GRANT", "Provision access: Admin in Salesforce for Dana Ortiz (#1042)"],
    ["DEPROVISION", "REVOKE", "Remove access: Admin in Salesforce from Dana Ortiz (#1042)"],
    ["APPROVAL", "GRANT", "Approve a request: Admin in Salesforce for Dana Ortiz (#1042)"],
    ["APPROVAL", "REVOKE", "Approve a request: remove Admin in Salesforce from Dana Ortiz (#1042)"],
  ] as const)("a %s task of a %s request has the subject %j", async (taskKind, requestKind, s) => {
    const { subject, html, text } = await taskAssignedEmail({ ...props, taskKind, requestKind });
    expect(subject).toBe(s);
    // The heading is the subject without the task number.
    const headline = s.replace(" (#1042)", "");
    expect(html).toContain(headline);
    expect(text).toContain(headline.toUpperCase());
  });

  it("is named by its heading in <title>, for mail clients and screen readers", async () => {
    const { html } = await taskAssignedEmail(props);
    expect(html).toMatch(
      /<head>.*<title>Provision access: Admin in Salesforce for Dana Ortiz<\/title>.*<\/head>/s,
    );
    const hostile = await taskAssignedEmail({ ...props, appName: "</title><script>x</script>" });
    expect(hostile.html).not.toContain("</title><script>");
  });

  it("deep-links to the task with an absolute URL, once in plain text", async () => {
    const rendered = await taskAssignedEmail(props);
    expectDeepLink(rendered, props.url);
    expect(rendered.html).toContain("Open task #1042</span>");
  });

  it("names what, for whom, in which app, why, who asked, the policy and the due date", async () => {
    const { html, text } = await taskAssignedEmail(props);
    for (const body of [html, text]) {
      for (const fact of [
        "Admin",
        "Salesforce",
        "Dana Ortiz",
        "Maria Chen",
        "Takes over the pipeline reports.",
        "Standard access",
        "Nov 27, 2026",
        "#1042",
      ]) {
        expect(body).toContain(fact);
      }
    }
    expect(text).toMatch(/Requested by +Maria Chen/);
    expect(text).toMatch(/Due +Nov 27, 2026/);
  });

  it("says why it was sent and where to change notification settings", async () => {
    const rendered = await taskAssignedEmail(props);
    expectFooter(rendered, "you are assigned to task #1042 in Example Org", props.settingsUrl);
  });

  it("loads no images, fonts or other external resources", async () => {
    const { html } = await taskAssignedEmail(props);
    expectNoExternalResources(html);
  });

  it("escapes the reason, the routing note and the names in HTML", async () => {
    const rendered = await taskAssignedEmail({
      ...props,
      reason: hostileText,
      routingNote: hostileText,
      requesterName: hostileText,
    });
    expectEscaped(rendered);
  });

  it("says when no reason was given, and leaves out an absent due date", async () => {
    const { text } = await taskAssignedEmail({ ...props, reason: "  ", dueAt: null });
    expect(text).toMatch(/Reason +No reason given/);
    expect(text).not.toContain("Due ");
  });

  it("keeps line breaks of the reason", async () => {
    const { html } = await taskAssignedEmail({ ...props, reason: "First line\nSecond line" });
    expect(html).toContain("First line<br/>Second line");
  });

  it("explains the routing when the policy's rule found nobody", async () => {
    const { text } = await taskAssignedEmail({
      ...props,
      routingNote: "Dana Ortiz has no manager, so the owners of Salesforce decide.",
    });
    expect(text).toContain(
      "Why this came to you: Dana Ortiz has no manager, so the owners of Salesforce decide.",
    );
  });

  it("tells the provisioner, deprovisioner or approver what to do", async () => {
    const provision = await taskAssignedEmail(props);
    expect(provision.text).toContain(
      "Give Dana Ortiz Admin in Salesforce, then mark task #1042 as provisioned in Lantern.",
    );
    const deprovision = await taskAssignedEmail({
      ...props,
      taskKind: "DEPROVISION",
      requestKind: "REVOKE",
    });
    expect(deprovision.text).toContain(
      "Remove Admin in Salesforce from Dana Ortiz, then mark task #1042 as deprovisioned in Lantern.",
    );
    const approval = await taskAssignedEmail({ ...props, taskKind: "APPROVAL" });
    expect(approval.text).toContain(
      "Maria Chen asked for Dana Ortiz to get Admin in Salesforce. Approve or deny the request in task #1042.",
    );
    const selfRequest = await taskAssignedEmail({
      ...props,
      taskKind: "APPROVAL",
      requesterName: "Dana Ortiz",
    });
    expect(selfRequest.text).toContain("Dana Ortiz asked for Admin in Salesforce.");
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(TaskAssignedEmail);
  });

  it.each(["PROVISION", "DEPROVISION", "APPROVAL"] as const)(
    "has a stable plain-text body for a %s task",
    async (taskKind) => {
      const requestKind = taskKind === "DEPROVISION" ? "REVOKE" : "GRANT";
      const email = await taskAssignedEmail({
        ...props,
        taskKind,
        requestKind,
        routingNote: taskKind === "APPROVAL" ? "Dana Ortiz has no manager in Lantern." : null,
      });
      await expectTextSnapshot(email, `task-assigned.${taskKind.toLowerCase()}`);
    },
  );
});
