import type { AccessFacts, TaskKind } from "./copy.ts";

/** What every notification email knows besides its own facts. */
export interface NotificationEmailProps {
  /** The recipient's organization, named in the footer ("… in Acme Corp"). */
  organizationName: string;
  /** Absolute URL of the page where the recipient changes notification preferences. */
  settingsUrl: string;
}

/** The facts of the request behind a notification. */
export interface RequestEmailFacts extends AccessFacts {
  requesterName: string;
  /** The requester's reason (may be empty). */
  reason: string;
  policyName: string;
}

/** The facts of a task and the absolute deep link that opens it. */
export interface TaskEmailFacts extends RequestEmailFacts {
  taskNumber: number;
  taskKind: TaskKind;
  /** Absolute URL of the task page, e.g. "https://lantern.acme.com/tasks/1042". */
  url: string;
}

/** The facts of an access-review campaign behind a notification, and the deep link. */
export interface ReviewEmailFacts {
  campaignName: string;
  /** ISO time the campaign is due. */
  dueAt: string;
  /**
   * Absolute URL of the recipient's queue for the campaign (reviewers) or of the campaign
   * page (super admins), e.g. "https://lantern.acme.com/reviews/queue?campaign=…".
   */
  url: string;
}
