import { createElement } from "react";
import { renderEmail, type RenderedEmail } from "./render.ts";
import DailyDigestEmail, {
  dailyDigestSubject,
  type DailyDigestEmailProps,
} from "./templates/daily-digest.tsx";
import {
  RequestEndedEmail,
  requestEndedSubject,
  type RequestEndedEmailProps,
} from "./templates/request-ended.tsx";
import RevocationRequestedEmail, {
  revocationRequestedSubject,
  type RevocationRequestedEmailProps,
} from "./templates/revocation-requested.tsx";
import SignInEmail, { signInSubject, type SignInEmailProps } from "./templates/sign-in.tsx";
import TaskAssignedEmail, {
  taskAssignedSubject,
  type TaskAssignedEmailProps,
} from "./templates/task-assigned.tsx";
import TaskReassignedEmail, {
  taskReassignedSubject,
  type TaskReassignedEmailProps,
} from "./templates/task-reassigned.tsx";
import TaskReminderEmail, {
  taskReminderSubject,
  type TaskReminderEmailProps,
} from "./templates/task-reminder.tsx";

export { renderEmail, type RenderedBody, type RenderedEmail } from "./render.ts";
export {
  ButtonLink,
  EmailLayout,
  Paragraph,
  Strong,
  colors,
  type ButtonLinkProps,
  type EmailLayoutProps,
  type ParagraphProps,
} from "./components/layout.tsx";
export { SignInEmail, signInSubject, type SignInEmailProps };

// The notification emails (SPEC §6.1) and the words they share with the Slack messages.
export * from "./lib/copy.ts";
export {
  DIGEST_TASKS_PER_KIND,
  digestCountsLine,
  digestMainKind,
  digestSections,
  digestTaskDetail,
  inboxTitle,
  type DigestSection,
  type DigestTaskFacts,
} from "./lib/digest.ts";
export { formatDate, formatDue, formatOpenFor } from "./lib/format.ts";
export type { NotificationEmailProps, RequestEmailFacts, TaskEmailFacts } from "./lib/props.ts";
export { TaskAssignedEmail, taskAssignedSubject, type TaskAssignedEmailProps };
export { taskFacts } from "./components/facts.tsx";
export { type TaskReminder } from "./templates/task-assigned.tsx";
export { TaskReminderEmail, taskReminderSubject, type TaskReminderEmailProps };
export { TaskReassignedEmail, taskReassignedSubject, type TaskReassignedEmailProps };
export { RequestEndedEmail, requestEndedSubject, type RequestEndedEmailProps };
export {
  requestEndedButtonLabel,
  type RequestEndedRecipientRole,
} from "./templates/request-ended.tsx";
export { RevocationRequestedEmail, revocationRequestedSubject, type RevocationRequestedEmailProps };
export { revocationRequestedButtonLabel } from "./templates/revocation-requested.tsx";
export { DailyDigestEmail, dailyDigestSubject, type DailyDigestEmailProps };
export { dailyDigestButtonLabel, type DailyDigestTask } from "./templates/daily-digest.tsx";

/** The magic-link sign-in email, ready to hand to a transport. */
export async function signInEmail(props: SignInEmailProps): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(SignInEmail, props));
  return { subject: signInSubject, html, text };
}

/** A task assigned to the recipient (provision, deprovision or approval), or a reminder of one. */
export async function taskAssignedEmail(props: TaskAssignedEmailProps): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(TaskAssignedEmail, props));
  return { subject: taskAssignedSubject(props), html, text };
}

/** A reminder of a task that is still open. */
export async function taskReminderEmail(props: TaskReminderEmailProps): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(TaskReminderEmail, props));
  return { subject: taskReminderSubject(props), html, text };
}

/** A task reassigned to the recipient, with who reassigned it and why. */
export async function taskReassignedEmail(props: TaskReassignedEmailProps): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(TaskReassignedEmail, props));
  return { subject: taskReassignedSubject(props), html, text };
}

/** A request that completed, errored, was denied or was cancelled (`props.state`). */
export async function requestEndedEmail(props: RequestEndedEmailProps): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(RequestEndedEmail, props));
  return { subject: requestEndedSubject(props), html, text };
}

/** Tells an account owner that removal of their access was requested. */
export async function revocationRequestedEmail(
  props: RevocationRequestedEmailProps,
): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(RevocationRequestedEmail, props));
  return { subject: revocationRequestedSubject(props), html, text };
}

/** The daily digest of the recipient's open tasks. */
export async function dailyDigestEmail(props: DailyDigestEmailProps): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(DailyDigestEmail, props));
  return { subject: dailyDigestSubject(props), html, text };
}
