/** @jsxRuntime automatic */
import { Callout, FactTable, MultilineText, SettingsNote } from "../components/blocks.tsx";
import { requestFacts } from "../components/facts.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import {
  openTaskLabel,
  requestEndedHeadline,
  requestEndedNoteLabel,
  requestEndedSummary,
  taskLabel,
  type RequestEndState,
} from "../lib/copy.ts";
import type { NotificationEmailProps, RequestEmailFacts } from "../lib/props.ts";

// The family of "your request ended" emails. Each ending has its own template file
// (request-completed.tsx, request-errored.tsx, request-denied.tsx, request-cancelled.tsx)
// with its own preview, made by requestEndedTemplate; they all render this component, which
// has no default export so the preview server does not list it twice.

/** Why the recipient hears about the request; words the footer. */
export type RequestEndedRecipientRole = "REQUESTER" | "ACCOUNT_OWNER" | "APP_OWNER";

export interface RequestEndedEmailProps extends NotificationEmailProps, RequestEmailFacts {
  state: RequestEndState;
  /** Completion note, error reason, denial reason or withdrawal note. */
  note?: string | null;
  /** The task that ended the request, when one did. */
  taskNumber?: number | null;
  /** Absolute deep link: the task page, or the requester's requests when there is no task. */
  url: string;
  /** Who the recipient is to this request; without it the footer stays general. */
  recipientRole?: RequestEndedRecipientRole | null;
}

/** "Access granted: …", "Access removed: …", "Request errored: …", "Request denied: …", … */
export function requestEndedSubject(props: RequestEndedEmailProps): string {
  const task = props.taskNumber != null ? ` (${taskLabel(props.taskNumber)})` : "";
  return `${requestEndedHeadline(props)}${task}`;
}

/** The call to action: "Open task #1042", or "View the request" when no task is involved. */
export function requestEndedButtonLabel(taskNumber: number | null | undefined): string {
  return taskNumber != null ? openTaskLabel(taskNumber) : "View the request";
}

function footerReason(props: RequestEndedEmailProps): string {
  const { organizationName: org, appName } = props;
  switch (props.recipientRole) {
    case "REQUESTER":
      return props.requestKind === "REVOKE"
        ? `you asked for this access to be removed in ${org}`
        : `you requested this access in ${org}`;
    case "ACCOUNT_OWNER":
      return `you own the account this request is about, in ${org}`;
    case "APP_OWNER":
      return `you are an owner of ${appName} in ${org}`;
    default:
      return `you take part in this request in ${org}`;
  }
}

export function RequestEndedEmail(props: RequestEndedEmailProps) {
  const { state, note, taskNumber, appName } = props;
  const headline = requestEndedHeadline(props);
  const summary = requestEndedSummary(props);
  const noteText = note != null && note.trim() !== "" ? note : null;
  const errored = state === "ERRORED";
  const noteCallout = errored ? (
    <Callout label={requestEndedNoteLabel(state)} tone="danger">
      <MultilineText text={noteText ?? "No error reason was given."} />
    </Callout>
  ) : noteText !== null ? (
    <Callout label={requestEndedNoteLabel(state)}>
      <MultilineText text={noteText} />
    </Callout>
  ) : null;
  return (
    <EmailLayout
      preview={errored && noteText !== null ? `Error: ${noteText}` : summary}
      heading={headline}
      reason={footerReason(props)}
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      {/* An error is the news: it comes first. Other notes follow the summary. */}
      {errored ? noteCallout : null}
      <Paragraph>{summary}</Paragraph>
      {errored ? null : noteCallout}
      <FactTable
        facts={[
          ...requestFacts(props),
          { label: "Task", value: taskNumber != null ? taskLabel(taskNumber) : null },
        ]}
      />
      {errored ? (
        <Paragraph tone="muted">
          An owner of {appName} or a super admin can retry the request, which opens a fresh task.
        </Paragraph>
      ) : null}
      <ButtonLink href={props.url}>{requestEndedButtonLabel(taskNumber)}</ButtonLink>
    </EmailLayout>
  );
}

/** The props of one ending's template: the state is the template's own. */
export type RequestEndingProps = Omit<RequestEndedEmailProps, "state">;

/**
 * The template of one way a request ends, for the preview server (`npm run email:dev`): the
 * email in that state, previewed with `preview`.
 */
export function requestEndedTemplate(state: RequestEndState, preview: RequestEndingProps) {
  const Email = (props: RequestEndingProps) => <RequestEndedEmail {...props} state={state} />;
  return Object.assign(Email, { PreviewProps: preview });
}
