/** @jsxRuntime automatic */
import { Link, Text } from "@react-email/components";
import { Fragment, type CSSProperties } from "react";
import {
  PresentationTable,
  SectionHeading,
  SettingsNote,
  TextLink,
} from "../components/blocks.tsx";
import { ButtonLink, EmailLayout, Paragraph, colors, fontFamily } from "../components/layout.tsx";
import { digestHeadline, digestTaskLabel, type TaskKind } from "../lib/copy.ts";
import {
  digestCountsLine,
  digestMainKind,
  digestSections,
  digestTaskDetail,
  inboxTitle,
} from "../lib/digest.ts";
import { formatDate } from "../lib/format.ts";
import { previewBaseUrl, previewOrganization } from "../lib/preview.ts";
import type { NotificationEmailProps } from "../lib/props.ts";

export interface DailyDigestTask {
  number: number;
  kind: TaskKind;
  appName: string;
  entitlementName: string;
  subject: string;
  /** ISO times. */
  openedAt: string;
  dueAt?: string | null;
  /** Absolute URL of the task page. */
  url: string;
}

export interface DailyDigestEmailProps extends NotificationEmailProps {
  /** The day the digest is for, YYYY-MM-DD; ages and due dates are counted to it. */
  date: string;
  counts: Record<TaskKind, number>;
  total: number;
  /** Open tasks, the oldest first; at most ten of each kind are listed. */
  tasks: DailyDigestTask[];
  /** Absolute URL of the inbox tab where each kind of task waits. */
  inboxUrls: Record<TaskKind, string>;
}

/** "10 open tasks waiting for you (Nov 24, 2026)" */
export function dailyDigestSubject(props: Pick<DailyDigestEmailProps, "total" | "date">): string {
  return `${digestHeadline(props.total)} (${formatDate(props.date)})`;
}

/** The digest's button: "Open Requests" or "Open Revocations". */
export function dailyDigestButtonLabel(counts: Record<TaskKind, number>): string {
  return `Open ${inboxTitle(digestMainKind(counts))}`;
}

const styles = {
  list: {
    width: "100%",
    margin: "0 0 8px",
    borderCollapse: "collapse",
  },
  item: {
    padding: "8px 0",
    borderTop: `1px solid ${colors.border}`,
    verticalAlign: "top",
  },
  itemLink: {
    fontFamily,
    fontSize: "15px",
    lineHeight: "22px",
    fontWeight: 600,
    color: colors.accent,
    textDecorationLine: "underline",
  },
  itemDetail: {
    margin: "2px 0 0",
    fontFamily,
    fontSize: "13px",
    lineHeight: "20px",
    color: colors.muted,
  },
  more: {
    margin: "0 0 8px",
    fontFamily,
    fontSize: "14px",
    lineHeight: "22px",
    color: colors.muted,
  },
} satisfies Record<string, CSSProperties>;

/** The daily summary of the recipient's open tasks, per kind, the oldest first. */
export default function DailyDigestEmail(props: DailyDigestEmailProps) {
  const { date, counts, total, tasks, inboxUrls, organizationName } = props;
  const sections = digestSections(counts, tasks);
  const mainKind = digestMainKind(counts);
  const day = formatDate(date);
  return (
    <EmailLayout
      preview={`${day}: ${digestCountsLine(counts)}.`}
      heading={digestHeadline(total)}
      reason={<>you have open tasks in {organizationName} and daily digests are on</>}
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      {sections.length > 0 ? (
        <Paragraph>
          Waiting for you in {organizationName} on {day}: {digestCountsLine(counts)}. The oldest
          tasks come first.
        </Paragraph>
      ) : (
        <Paragraph>
          Nothing is waiting for you in {organizationName} on {day}.
        </Paragraph>
      )}
      {sections.map((section) => (
        <Fragment key={section.kind}>
          <SectionHeading>
            {section.title} ({section.count})
          </SectionHeading>
          <PresentationTable style={styles.list}>
            {section.tasks.map((task) => (
              <tr key={task.number}>
                <td style={styles.item} className="lt-rule">
                  <Link href={task.url} style={styles.itemLink} className="lt-link">
                    {digestTaskLabel(task)}
                  </Link>
                  <Text style={styles.itemDetail} className="lt-muted">
                    {digestTaskDetail(task, date)}
                  </Text>
                </td>
              </tr>
            ))}
          </PresentationTable>
          {section.more > 0 ? (
            <Text style={styles.more} className="lt-muted">
              And {section.more} more in{" "}
              <TextLink href={inboxUrls[section.kind]}>{inboxTitle(section.kind)}</TextLink>.
            </Text>
          ) : null}
        </Fragment>
      ))}
      <ButtonLink href={inboxUrls[mainKind]}>{dailyDigestButtonLabel(counts)}</ButtonLink>
    </EmailLayout>
  );
}

DailyDigestEmail.PreviewProps = {
  ...previewOrganization,
  date: "2026-11-24",
  counts: { APPROVAL: 2, PROVISION: 4, DEPROVISION: 1 },
  total: 7,
  inboxUrls: {
    APPROVAL: `${previewBaseUrl}/requests?tab=awaiting_approval`,
    PROVISION: `${previewBaseUrl}/requests?tab=awaiting_provisioning`,
    DEPROVISION: `${previewBaseUrl}/revocations?tab=awaiting_deprovisioning`,
  },
  tasks: [
    {
      number: 1031,
      kind: "PROVISION",
      appName: "Salesforce",
      entitlementName: "Admin",
      subject: "Dana Ortiz",
      openedAt: "2026-11-12T14:05:00.000Z",
      dueAt: "2026-11-19T17:00:00.000Z",
      url: `${previewBaseUrl}/tasks/1031`,
    },
    {
      number: 1042,
      kind: "PROVISION",
      appName: "GitHub",
      entitlementName: "Maintainer of acme-corp/payments",
      subject: "Leo Park",
      openedAt: "2026-11-20T09:30:00.000Z",
      dueAt: "2026-11-25T17:00:00.000Z",
      url: `${previewBaseUrl}/tasks/1042`,
    },
    {
      number: 1049,
      kind: "APPROVAL",
      appName: "AWS",
      entitlementName: "ProductionReadOnly",
      subject: "Sam Whitfield",
      openedAt: "2026-11-21T16:45:00.000Z",
      url: `${previewBaseUrl}/tasks/1049`,
    },
    {
      number: 1057,
      kind: "DEPROVISION",
      appName: "Figma",
      entitlementName: "Editor",
      subject: "Nora Lindqvist",
      openedAt: "2026-11-22T08:00:00.000Z",
      url: `${previewBaseUrl}/tasks/1057`,
    },
    {
      number: 1060,
      kind: "APPROVAL",
      appName: "Slack",
      entitlementName: "Workspace Admin",
      subject: "Aisha Bello",
      openedAt: "2026-11-24T07:10:00.000Z",
      dueAt: "2026-11-24T17:00:00.000Z",
      url: `${previewBaseUrl}/tasks/1060`,
    },
    {
      number: 1061,
      kind: "PROVISION",
      appName: "Zendesk",
      entitlementName: "Agent",
      subject: "Marco Rossi",
      openedAt: "2026-11-23T11:20:00.000Z",
      url: `${previewBaseUrl}/tasks/1061`,
    },
  ],
} satisfies DailyDigestEmailProps;
