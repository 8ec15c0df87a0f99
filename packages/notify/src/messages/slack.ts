// Slack Block Kit versions of the notification emails. Each builder takes the very props its
// email takes, and words them with the same helpers from @lantern/emails, so the email and
// the direct message always state the same facts and link to the same page.
import {
  dailyDigestButtonLabel,
  dailyDigestSubject,
  digestCountsLine,
  digestHeadline,
  digestMainKind,
  digestSections,
  digestTaskDetail,
  digestTaskLabel,
  formatDate,
  inboxTitle,
  openTaskLabel,
  reasonOrNone,
  reassignedLine,
  reminderLine,
  requestEndedButtonLabel,
  requestEndedHeadline,
  requestEndedNoteLabel,
  requestEndedSubject,
  requestEndedSummary,
  revocationRequestedButtonLabel,
  revocationRequestedHeadline,
  revocationRequestedLine,
  revocationRequestedSubject,
  reviewAssignedHeadline,
  reviewAssignedSubject,
  reviewCampaignLabel,
  reviewDecideLine,
  reviewDueLine,
  reviewHeadline,
  reviewOverdueAdvice,
  reviewOverdueHeadline,
  reviewOverdueLine,
  reviewOverdueSubject,
  reviewProgress,
  reviewQueueLabel,
  reviewReassignedLine,
  reviewReassignedSubject,
  reviewReminderAdvice,
  reviewReminderSubject,
  reviewSecondLevelLine,
  reviewStartedLine,
  reviewWaitingLine,
  subjectLabel,
  taskAssignedSubject,
  taskHeadline,
  taskInstruction,
  taskLabel,
  taskReassignedSubject,
  type DailyDigestEmailProps,
  type NotificationEmailProps,
  type RequestEmailFacts,
  type RequestEndedEmailProps,
  type RevocationRequestedEmailProps,
  type ReviewAssignedEmailProps,
  type ReviewEmailFacts,
  type ReviewOverdueEmailProps,
  type ReviewReassignedEmailProps,
  type ReviewReminderEmailProps,
  type TaskAssignedEmailProps,
  type TaskEmailFacts,
  type TaskReassignedEmailProps,
} from "@lantern/emails";
import type { KnownBlock, MrkdwnElement } from "@slack/web-api";

/** A Slack message: blocks, and the plain `text` Slack shows in notifications and to screen readers. */
export interface SlackBlocksMessage {
  text: string;
  blocks: KnownBlock[];
}

// Block Kit limits (characters).
const HEADER_MAX = 150;
const SECTION_TEXT_MAX = 3000;
const FIELD_TEXT_MAX = 2000;
const BUTTON_TEXT_MAX = 75;

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, so text a person
 * typed cannot turn into a link, a mention (`<!channel>`) or a broken message.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Shortens text to `max` characters, ending with "…" when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A mrkdwn link `<url|label>`; the label is escaped, and the URL cannot end the link early. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = escapeMrkdwn(url).replaceAll("|", "%7C");
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

/** Typed text as a mrkdwn quote: escaped, each line starting with ">". */
function quote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `>${escapeMrkdwn(line)}`)
    .join("\n");
}

function mrkdwn(text: string): MrkdwnElement {
  return { type: "mrkdwn", text };
}

function section(text: string): KnownBlock {
  return { type: "section", text: mrkdwn(clip(text, SECTION_TEXT_MAX)) };
}

/** A field's label and its plain value. */
type Field = [label: string, value: string | null | undefined];

interface MessageParts {
  /** Plain text (never escaped): the header block. */
  headline: string;
  /** Plain text: the email's subject line, used for the notification fallback. */
  summary: string;
  /** mrkdwn sections, already escaped. */
  sections: string[];
  /** Label and plain value; absent values are left out. Slack shows them two per row. */
  fields?: Field[];
  /** mrkdwn lines for the small print, already escaped. */
  context?: string[];
  button: { label: string; url: string };
}

function message(parts: MessageParts): SlackBlocksMessage {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(parts.headline, HEADER_MAX) } },
    ...parts.sections.map(section),
  ];
  const fields = (parts.fields ?? [])
    .filter((field): field is [string, string] => field[1] != null && field[1] !== "")
    .slice(0, 10)
    .map(([label, value]) =>
      mrkdwn(clip(`*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`, FIELD_TEXT_MAX)),
    );
  if (fields.length > 0) blocks.push({ type: "section", fields });
  const context = (parts.context ?? []).slice(0, 10);
  if (context.length > 0) {
    blocks.push({ type: "context", elements: context.map((line) => mrkdwn(clip(line, 2000))) });
  }
  blocks.push({
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: "open_in_lantern",
        text: { type: "plain_text", text: clip(parts.button.label, BUTTON_TEXT_MAX) },
        url: parts.button.url,
        style: "primary",
      },
    ],
  });
  return { text: `${escapeMrkdwn(parts.summary)} — ${escapeMrkdwn(parts.button.url)}`, blocks };
}

/** The request's facts, first in every task and request-ended message. */
function requestFields(props: RequestEmailFacts): Field[] {
  return [
    ["App", props.appName],
    ["Access", props.entitlementName],
    [subjectLabel(props.requestKind), props.subject],
    ["Requested by", props.requesterName],
    ["Reason", reasonOrNone(props.reason)],
  ];
}

/** The small print of a task message: "Task #1042 · Policy: Standard access · Acme Corp". */
function taskContext(props: TaskEmailFacts & NotificationEmailProps): string {
  return escapeMrkdwn(
    `Task ${taskLabel(props.taskNumber)} · Policy: ${props.policyName} · ${props.organizationName}`,
  );
}

/** A task assigned to the recipient, or with `reminder` set, a reminder of it. */
export function taskAssignedSlack(props: TaskAssignedEmailProps): SlackBlocksMessage {
  const { reminder, taskNumber } = props;
  const sections: string[] = [];
  if (reminder) {
    sections.push(
      `*${escapeMrkdwn(reminderLine(reminder.remindedBy, taskNumber, reminder.openedAt))}*`,
    );
  }
  sections.push(escapeMrkdwn(taskInstruction(props)));
  const context = [taskContext(props)];
  if (props.routingNote) context.push(escapeMrkdwn(`Why this came to you: ${props.routingNote}`));
  return message({
    headline: taskHeadline(props),
    summary: taskAssignedSubject(props),
    sections,
    fields: [...requestFields(props), ["Due", props.dueAt ? formatDate(props.dueAt) : null]],
    context,
    button: { label: openTaskLabel(taskNumber), url: props.url },
  });
}

/** A task handed over to the recipient, with who did it and why. */
export function taskReassignedSlack(props: TaskReassignedEmailProps): SlackBlocksMessage {
  return message({
    headline: taskHeadline(props),
    summary: taskReassignedSubject(props),
    sections: [
      `*${escapeMrkdwn(reassignedLine(props.reassignedBy, props.taskNumber))}*\n${quote(props.reassignReason)}`,
      escapeMrkdwn(taskInstruction(props)),
    ],
    fields: requestFields(props),
    context: [taskContext(props)],
    button: { label: openTaskLabel(props.taskNumber), url: props.url },
  });
}

/** A request that completed, errored, was denied or was cancelled. */
export function requestEndedSlack(props: RequestEndedEmailProps): SlackBlocksMessage {
  const note = props.note != null && props.note.trim() !== "" ? props.note : null;
  const sections = [escapeMrkdwn(requestEndedSummary(props))];
  if (props.state === "ERRORED") {
    // The error is the news: it comes first.
    sections.unshift(
      `*${requestEndedNoteLabel("ERRORED")}*\n${quote(note ?? "No error reason was given.")}`,
    );
    sections.push(
      escapeMrkdwn(
        `An owner of ${props.appName} or a super admin can retry the request, which opens a fresh task.`,
      ),
    );
  } else if (note !== null) {
    sections.push(`*${escapeMrkdwn(requestEndedNoteLabel(props.state))}*\n${quote(note)}`);
  }
  return message({
    headline: requestEndedHeadline(props),
    summary: requestEndedSubject(props),
    sections,
    fields: [
      ...requestFields(props),
      ["Task", props.taskNumber != null ? taskLabel(props.taskNumber) : null],
    ],
    context: [escapeMrkdwn(`Policy: ${props.policyName} · ${props.organizationName}`)],
    button: { label: requestEndedButtonLabel(props.taskNumber), url: props.url },
  });
}

/** Tells an account owner that removal of their access was requested. */
export function revocationRequestedSlack(props: RevocationRequestedEmailProps): SlackBlocksMessage {
  return message({
    headline: revocationRequestedHeadline(props),
    summary: revocationRequestedSubject(props),
    sections: [
      escapeMrkdwn(revocationRequestedLine(props)),
      `*${escapeMrkdwn(`${props.requesterName}'s reason`)}*\n${quote(reasonOrNone(props.reason))}`,
    ],
    fields: [
      ["App", props.appName],
      ["Access", props.entitlementName],
      ["Account", props.accountLabel],
      ["Requested by", props.requesterName],
    ],
    context: [
      escapeMrkdwn(
        `The access is removed once the request has gone through the ${props.policyName} policy. ${props.organizationName}`,
      ),
    ],
    button: { label: revocationRequestedButtonLabel, url: props.url },
  });
}

/** The daily digest: counts, then each kind's oldest tasks as links. */
export function dailyDigestSlack(props: DailyDigestEmailProps): SlackBlocksMessage {
  const { counts, date, inboxUrls } = props;
  const sections = digestSections(counts, props.tasks);
  const day = formatDate(date);
  const lines =
    sections.length > 0
      ? [
          escapeMrkdwn(
            `Waiting for you in ${props.organizationName} on ${day}: ${digestCountsLine(counts)}. The oldest tasks come first.`,
          ),
        ]
      : [escapeMrkdwn(`Nothing is waiting for you in ${props.organizationName} on ${day}.`)];
  for (const part of sections) {
    const items = part.tasks.map(
      (task) =>
        `• ${mrkdwnLink(task.url, clip(digestTaskLabel(task), 120))} ${escapeMrkdwn(
          `— ${clip(digestTaskDetail(task, date), 200)}`,
        )}`,
    );
    if (part.more > 0) {
      items.push(
        `…and ${part.more} more in ${mrkdwnLink(inboxUrls[part.kind], inboxTitle(part.kind))}`,
      );
    }
    lines.push(`*${escapeMrkdwn(`${part.title} (${part.count})`)}*\n${items.join("\n")}`);
  }
  return message({
    headline: digestHeadline(props.total),
    summary: dailyDigestSubject(props),
    sections: lines,
    button: { label: dailyDigestButtonLabel(counts), url: inboxUrls[digestMainKind(counts)] },
  });
}

/** The campaign's facts, first in every access-review message. */
function campaignFields(props: ReviewEmailFacts): Field[] {
  return [
    ["Campaign", props.campaignName],
    ["Due", formatDate(props.dueAt)],
  ];
}

/** Review items waiting for the recipient: a campaign started, or kept items at level 2. */
export function reviewAssignedSlack(props: ReviewAssignedEmailProps): SlackBlocksMessage {
  const secondLevel = props.level >= 2;
  const decide = escapeMrkdwn(reviewDecideLine(props.itemCount));
  return message({
    headline: reviewAssignedHeadline(props),
    summary: reviewAssignedSubject(props),
    sections: secondLevel
      ? [`*${escapeMrkdwn(reviewSecondLevelLine)}*`, decide]
      : [`${escapeMrkdwn(reviewStartedLine(props.startedBy, props.campaignName))} ${decide}`],
    fields: [
      ...campaignFields(props),
      ["Your items", String(props.itemCount)],
      ["Started by", props.startedBy],
      ["Level", secondLevel ? "Second" : null],
    ],
    context: [escapeMrkdwn(props.organizationName)],
    button: { label: reviewQueueLabel, url: props.url },
  });
}

/** Review items handed over to the recipient, with who did it and why. */
export function reviewReassignedSlack(props: ReviewReassignedEmailProps): SlackBlocksMessage {
  return message({
    headline: reviewHeadline(props.campaignName),
    summary: reviewReassignedSubject(props),
    sections: [
      `*${escapeMrkdwn(reviewReassignedLine(props.reassignedBy, props.itemCount, props.campaignName))}*\n${quote(props.reason)}`,
      escapeMrkdwn(reviewDecideLine(props.itemCount)),
    ],
    fields: [
      ...campaignFields(props),
      ["Items", String(props.itemCount)],
      ["Reassigned by", props.reassignedBy],
    ],
    context: [escapeMrkdwn(props.organizationName)],
    button: { label: reviewQueueLabel, url: props.url },
  });
}

/** A campaign due soon in which the recipient still has undecided items. */
export function reviewReminderSlack(props: ReviewReminderEmailProps): SlackBlocksMessage {
  const due = reviewDueLine(props.campaignName, props.dueAt);
  return message({
    headline: reviewHeadline(props.campaignName),
    summary: reviewReminderSubject(props),
    sections: [
      `*${escapeMrkdwn(`${due} ${reviewWaitingLine(props.pendingCount)}.`)}*`,
      escapeMrkdwn(reviewReminderAdvice),
    ],
    fields: [...campaignFields(props), ["Undecided", String(props.pendingCount)]],
    context: [escapeMrkdwn(props.organizationName)],
    button: { label: reviewQueueLabel, url: props.url },
  });
}

/** To super admins: a campaign past its due date with items undecided. */
export function reviewOverdueSlack(props: ReviewOverdueEmailProps): SlackBlocksMessage {
  return message({
    headline: reviewOverdueHeadline(props.campaignName),
    summary: reviewOverdueSubject(props),
    sections: [
      `*${escapeMrkdwn(reviewOverdueLine(props.campaignName, props.dueAt, props.pendingCount))}*`,
      escapeMrkdwn(reviewOverdueAdvice),
    ],
    fields: [
      ...campaignFields(props),
      ["Decided", reviewProgress(props.decidedCount, props.totalCount)],
      ["Undecided", String(props.pendingCount)],
    ],
    context: [escapeMrkdwn(props.organizationName)],
    button: { label: reviewCampaignLabel, url: props.url },
  });
}
