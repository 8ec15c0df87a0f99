/** @jsxRuntime automatic */
import { previewBaseUrl, previewOrganization, previewRevocation } from "../lib/preview.ts";
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
  ...previewOrganization,
  ...previewRevocation,
  url: `${previewBaseUrl}/tasks/1057`,
  taskNumber: 1057,
  taskKind: "DEPROVISION",
  dueAt: "2026-11-21T17:00:00.000Z",
  reminder: { remindedBy: "Priya Natarajan", openedAt: "2026-11-17T09:12:00.000Z" },
} satisfies TaskReminderEmailProps;
