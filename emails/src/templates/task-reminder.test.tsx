import { describe, expect, it } from "vitest";
import { taskReminderEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import TaskReminderEmail, { type TaskReminderEmailProps } from "./task-reminder.tsx";

const props: TaskReminderEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/tasks/1057",
  taskNumber: 1057,
  taskKind: "DEPROVISION",
  requestKind: "REVOKE",
  appName: "GitHub",
  entitlementName: "Owner",
  subject: "Leo Park",
  requesterName: "Priya Natarajan",
  reason: "Moved to Sales.",
  policyName: "Standard revocation",
  dueAt: "2026-11-21T17:00:00.000Z",
  reminder: { remindedBy: "Priya Natarajan", openedAt: "2026-11-17T23:59:00.000Z" },
};

describe("taskReminderEmail", () => {
  it("is the task email, framed as a reminder", async () => {
    const { subject, text } = await taskReminderEmail(props);
    expect(subject).toBe("Reminder: Remove access: Owner in GitHub from Leo Park (#1057)");
    expect(text).toContain("REMOVE ACCESS: OWNER IN GITHUB FROM LEO PARK");
    expect(text).toContain(
      "Reminder from Priya Natarajan: task #1057 has been open since Nov 17, 2026.",
    );
  });

  it("deep-links to the task, says why it was sent, loads nothing", async () => {
    const rendered = await taskReminderEmail(props);
    expectDeepLink(rendered, props.url);
    expectFooter(rendered, "you are assigned to task #1057 in Example Org", props.settingsUrl);
    expectNoExternalResources(rendered.html);
  });

  it("escapes who sent the reminder", async () => {
    const rendered = await taskReminderEmail({
      ...props,
      reason: hostileText,
      reminder: { ...props.reminder, remindedBy: hostileText },
    });
    expectEscaped(rendered);
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(TaskReminderEmail);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await taskReminderEmail(props), "task-reminder");
  });
});
