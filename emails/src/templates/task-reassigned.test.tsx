import { describe, expect, it } from "vitest";
import { taskReassignedEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import TaskReassignedEmail, { type TaskReassignedEmailProps } from "./task-reassigned.tsx";

const props: TaskReassignedEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/tasks/1063",
  taskNumber: 1063,
  taskKind: "PROVISION",
  requestKind: "GRANT",
  appName: "GitHub",
  entitlementName: "Maintainer",
  subject: "Leo Park",
  requesterName: "Jamal Reed",
  reason: "On call for payments.",
  policyName: "Engineering access",
  reassignedBy: "Aisha Bello",
  reassignReason: "Out of office until Dec 2.",
};

describe("taskReassignedEmail", () => {
  it("says in the subject that the task was handed to the recipient", async () => {
    const { subject } = await taskReassignedEmail(props);
    expect(subject).toBe(
      "Reassigned to you: Provision access: Maintainer in GitHub for Leo Park (#1063)",
    );
  });

  it("says who reassigned the task and why", async () => {
    const { html, text } = await taskReassignedEmail(props);
    expect(text).toContain("Aisha Bello reassigned task #1063 to you.");
    expect(text).toContain("Reason for the handover\n\nOut of office until Dec 2.");
    expect(html).toContain("Out of office until Dec 2.");
  });

  it("deep-links to the task, says why it was sent, loads nothing", async () => {
    const rendered = await taskReassignedEmail(props);
    expectDeepLink(rendered, props.url);
    expectFooter(rendered, "task #1063 in Example Org was reassigned to you", props.settingsUrl);
    expectNoExternalResources(rendered.html);
  });

  it("escapes the handover reason and who gave it", async () => {
    const rendered = await taskReassignedEmail({
      ...props,
      reassignReason: hostileText,
      reassignedBy: hostileText,
    });
    expectEscaped(rendered);
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(TaskReassignedEmail);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await taskReassignedEmail(props), "task-reassigned");
  });
});
