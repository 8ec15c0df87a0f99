/** @jsxRuntime automatic */
import TaskAssignedEmail, {
  taskAssignedSubject,
  type TaskAssignedEmailProps,
  type TaskReminder,
} from "./task-assigned.tsx";

export interface TaskReminderEmailProps extends Omit<TaskAssignedEmailProps, "reminder"> {
  reminder: TaskReminder;
}

/** "Reminder: Remove access: Admin in GitHub from Leo Park (#1057)" */
export function taskReminderSubject(props: TaskReminderEmailProps): string {
  return taskAssignedSubject(props);
}

/**
 * A reminder about a task that is still open: the task-assigned email with a
 * "Reminder from …: task #N has been open since …" note on top.
 */
export default function TaskReminderEmail(props: TaskReminderEmailProps) {
  return <TaskAssignedEmail {...props} />;
}

TaskReminderEmail.PreviewProps = {
  organizationName: "Acme Corp",
  settingsUrl: "https://lantern.acme.com/settings",
  url: "https://lantern.acme.com/tasks/1057",
  taskNumber: 1057,
  taskKind: "DEPROVISION",
  requestKind: "REVOKE",
  appName: "GitHub",
  entitlementName: "Owner of acme-corp",
  subject: "Leo Park",
  requesterName: "Priya Natarajan",
  reason: "Leo moved to the Sales team on Nov 1 and no longer administers our repositories.",
  policyName: "Standard revocation",
  dueAt: "2026-11-21T17:00:00.000Z",
  reminder: { remindedBy: "Priya Natarajan", openedAt: "2026-11-17T09:12:00.000Z" },
} satisfies TaskReminderEmailProps;
