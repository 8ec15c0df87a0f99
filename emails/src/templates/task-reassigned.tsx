/** @jsxRuntime automatic */
import { Callout, FactTable, MultilineText, SettingsNote } from "../components/blocks.tsx";
import { taskFacts } from "../components/facts.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import {
  openTaskLabel,
  reassignedLine,
  taskHeadline,
  taskInstruction,
  taskLabel,
} from "../lib/copy.ts";
import { previewBaseUrl, previewOrganization } from "../lib/preview.ts";
import type { NotificationEmailProps, TaskEmailFacts } from "../lib/props.ts";

export interface TaskReassignedEmailProps extends NotificationEmailProps, TaskEmailFacts {
  /** Who handed the task over. */
  reassignedBy: string;
  /** Why they did (required when reassigning). */
  reassignReason: string;
}

/** "Reassigned to you: Approve a request: GitHub Maintainer for Leo Park (#1063)" */
export function taskReassignedSubject(props: TaskReassignedEmailProps): string {
  return `Reassigned to you: ${taskHeadline(props)} (${taskLabel(props.taskNumber)})`;
}

/** A task someone else handed over to the recipient, with who did it and why. */
export default function TaskReassignedEmail(props: TaskReassignedEmailProps) {
  const { taskNumber, reassignedBy, reassignReason, organizationName } = props;
  return (
    <EmailLayout
      preview={`${reassignedLine(reassignedBy, taskNumber)} ${taskHeadline(props)}.`}
      heading={taskHeadline(props)}
      reason={
        <>
          task {taskLabel(taskNumber)} in {organizationName} was reassigned to you
        </>
      }
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      <Paragraph>{reassignedLine(reassignedBy, taskNumber)}</Paragraph>
      <Callout label="Reason for the handover">
        <MultilineText text={reassignReason} />
      </Callout>
      <Paragraph>{taskInstruction(props)}</Paragraph>
      <FactTable facts={taskFacts(props)} />
      <ButtonLink href={props.url}>{openTaskLabel(taskNumber)}</ButtonLink>
    </EmailLayout>
  );
}

TaskReassignedEmail.PreviewProps = {
  ...previewOrganization,
  url: `${previewBaseUrl}/tasks/1063`,
  taskNumber: 1063,
  taskKind: "APPROVAL",
  requestKind: "GRANT",
  appName: "GitHub",
  entitlementName: "Maintainer of acme-corp/payments",
  subject: "Leo Park",
  requesterName: "Leo Park",
  reason: "I am on call for the payments service from December and need to merge hotfixes.",
  policyName: "Engineering access (manager approval)",
  reassignedBy: "Jamal Reed",
  reassignReason: "I am out of office until Dec 2; Aisha leads the payments team meanwhile.",
} satisfies TaskReassignedEmailProps;
