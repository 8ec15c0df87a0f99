import { createElement, type ReactElement } from "react";
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
import ReviewAssignedEmail, {
  reviewAssignedSubject,
  type ReviewAssignedEmailProps,
} from "./templates/review-assigned.tsx";
import ReviewOverdueEmail, {
  reviewOverdueSubject,
  type ReviewOverdueEmailProps,
} from "./templates/review-overdue.tsx";
import ReviewReassignedEmail, {
  reviewReassignedSubject,
  type ReviewReassignedEmailProps,
} from "./templates/review-reassigned.tsx";
import ReviewReminderEmail, {
  reviewReminderSubject,
  type ReviewReminderEmailProps,
} from "./templates/review-reminder.tsx";
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
export type {
  NotificationEmailProps,
  RequestEmailFacts,
  ReviewEmailFacts,
  TaskEmailFacts,
} from "./lib/props.ts";
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
export { campaignFacts } from "./components/facts.tsx";
export { ReviewAssignedEmail, reviewAssignedSubject, type ReviewAssignedEmailProps };
export { reviewAssignedHeadline } from "./templates/review-assigned.tsx";
export { ReviewReassignedEmail, reviewReassignedSubject, type ReviewReassignedEmailProps };
export { ReviewReminderEmail, reviewReminderSubject, type ReviewReminderEmailProps };
export { ReviewOverdueEmail, reviewOverdueSubject, type ReviewOverdueEmailProps };

/** An email ready to hand to a transport: `Email` rendered (HTML and plain text) under its subject. */
function rendered<P extends object>(
  Email: (props: P) => ReactElement,
  subject: string | ((props: P) => string),
): (props: P) => Promise<RenderedEmail> {
  return async (props) => {
    const { html, text } = await renderEmail(createElement(Email, props));
    return { subject: typeof subject === "string" ? subject : subject(props), html, text };
  };
}

/** The magic-link sign-in email, ready to hand to a transport. */
export const signInEmail = rendered(SignInEmail, signInSubject);

/** A task assigned to the recipient (provision, deprovision or approval), or a reminder of one. */
export const taskAssignedEmail = rendered(TaskAssignedEmail, taskAssignedSubject);

/** A reminder of a task that is still open. */
export const taskReminderEmail = rendered(TaskReminderEmail, taskReminderSubject);

/** A task reassigned to the recipient, with who reassigned it and why. */
export const taskReassignedEmail = rendered(TaskReassignedEmail, taskReassignedSubject);

/** A request that completed, errored, was denied or was cancelled (`props.state`). */
export const requestEndedEmail = rendered(RequestEndedEmail, requestEndedSubject);

/** Tells an account owner that removal of their access was requested. */
export const revocationRequestedEmail = rendered(
  RevocationRequestedEmail,
  revocationRequestedSubject,
);

/** The daily digest of the recipient's open tasks. */
export const dailyDigestEmail = rendered(DailyDigestEmail, dailyDigestSubject);

/** Review items of a campaign waiting for the recipient (a campaign started, or level 2). */
export const reviewAssignedEmail = rendered(ReviewAssignedEmail, reviewAssignedSubject);

/** Review items of a campaign handed over to the recipient, with who did it and why. */
export const reviewReassignedEmail = rendered(ReviewReassignedEmail, reviewReassignedSubject);

/** A campaign due soon in which the recipient still has undecided items. */
export const reviewReminderEmail = rendered(ReviewReminderEmail, reviewReminderSubject);

/** To super admins: a campaign past its due date with items undecided. */
export const reviewOverdueEmail = rendered(ReviewOverdueEmail, reviewOverdueSubject);
