/** @jsxRuntime automatic */
import { Callout, FactTable, MultilineText, SettingsNote } from "../components/blocks.tsx";
import { taskFacts } from "../components/facts.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import {
  openTaskLabel,
  reminderLine,
  taskHeadline,
  taskInstruction,
  taskLabel,
} from "../lib/copy.ts";
import { formatDate } from "../lib/format.ts";
import { previewBaseUrl, previewGrant, previewOrganization } from "../lib/preview.ts";
import type { NotificationEmailProps, TaskEmailFacts } from "../lib/props.ts";

/** Who sent a reminder about a task that is still open, and since when it is open. */
export interface TaskReminder {
  remindedBy: string;
  /** ISO time the task was opened. */
  openedAt: string;
}

export interface TaskAssignedEmailProps extends NotificationEmailProps, TaskEmailFacts {
  /** ISO time the task is due, when it has one. */
  dueAt?: string | null;
  /** Why the assignees are who they are, when the policy's rule found nobody. */
  routingNote?: string | null;
  /** Set when the email reminds the assignee of a task that is still open. */
  reminder?: TaskReminder | null;
}

/** "Provision access: Admin in Salesforce for Dana Ortiz (#1042)", "Reminder: …" for reminders. */
export function taskAssignedSubject(props: TaskAssignedEmailProps): string {
  const prefix = props.reminder ? "Reminder: " : "";
  return `${prefix}${taskHeadline(props)} (${taskLabel(props.taskNumber)})`;
}

/**
 * A task assigned to the recipient: a provisioning, deprovisioning or approval task, each
 * with its own headline. With `reminder`, the same email reminds them of a task still open.
 */
export default function TaskAssignedEmail(props: TaskAssignedEmailProps) {
  const { taskNumber, dueAt, routingNote, reminder, organizationName } = props;
  const due = dueAt ? ` Due ${formatDate(dueAt)}.` : "";
  const preview = reminder
    ? reminderLine(reminder.remindedBy, taskNumber, reminder.openedAt)
    : `Task ${taskLabel(taskNumber)}, requested by ${props.requesterName}.${due}`;
  return (
    <EmailLayout
      preview={preview}
      heading={taskHeadline(props)}
      reason={
        <>
          you are assigned to task {taskLabel(taskNumber)} in {organizationName}
        </>
      }
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      {reminder ? (
        <Callout>{reminderLine(reminder.remindedBy, taskNumber, reminder.openedAt)}</Callout>
      ) : null}
      <Paragraph>{taskInstruction(props)}</Paragraph>
      <FactTable facts={taskFacts(props)} />
      {routingNote ? (
        <Paragraph tone="muted">
          Why this came to you: <MultilineText text={routingNote} />
        </Paragraph>
      ) : null}
      <ButtonLink href={props.url}>{openTaskLabel(taskNumber)}</ButtonLink>
    </EmailLayout>
  );
}

TaskAssignedEmail.PreviewProps = {
  ...previewOrganization,
  ...previewGrant,
  url: `${previewBaseUrl}/tasks/1042`,
  taskNumber: 1042,
  taskKind: "PROVISION",
  dueAt: "2026-11-27T17:00:00.000Z",
  routingNote: null,
} satisfies TaskAssignedEmailProps;
