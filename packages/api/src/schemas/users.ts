import { z } from "zod";
import { multiLineText, pageLimit, singleLineText, ZCursor, ZSearchText } from "./text.ts";
import { STATUS_REASON_MAX } from "@lantern/domain";

// The people directory and the person page (SPEC §8): list, look up, add, and change a
// person's role, manager and status (super admins).

export const USER_ROLES = ["SUPER_ADMIN", "AUDITOR", "MEMBER"] as const;
export const USER_STATUSES = ["ACTIVE", "SUSPENDED", "DEPROVISIONED"] as const;

const userId = z.uuid({ error: "That is not a valid person id." });
const role = z.enum(USER_ROLES, { error: "Choose the role Super admin, Auditor or Member." });
const status = z.enum(USER_STATUSES, {
  error: "Choose the status Active, Suspended or Deprovisioned.",
});

export const ZListUsersInput = z.object({
  search: ZSearchText,
  /** Absent: people of every status. */
  status: status.optional(),
  /** Absent: every role. */
  role: role.optional(),
  /** People who report to this person directly. */
  managerId: userId.optional(),
  /** People with no manager on record (ignored when managerId is given). */
  noManager: z.boolean().optional(),
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TListUsersInput = z.output<typeof ZListUsersInput>;

export const ZUserIdInput = z.object({ userId });
export type TUserIdInput = z.output<typeof ZUserIdInput>;

/** Active people by name or email, for pickers (manager). */
export const ZSearchPeopleInput = z.object({
  search: ZSearchText,
});
export type TSearchPeopleInput = z.output<typeof ZSearchPeopleInput>;

export const ZSetUserRoleInput = z.object({ userId, role });
export type TSetUserRoleInput = z.output<typeof ZSetUserRoleInput>;

export const ZSetUserManagerInput = z.object({
  userId,
  /** Null: no manager. */
  managerId: z.uuid({ error: "That is not a valid manager id." }).nullable(),
});
export type TSetUserManagerInput = z.output<typeof ZSetUserManagerInput>;

export const ZSetUserStatusInput = z.object({
  userId,
  status,
  /** Required to suspend or deprovision; shown on the accounts the person owns. */
  reason: multiLineText({
    label: "The reason",
    max: STATUS_REASON_MAX,
    tooLongMessage: `The reason is limited to ${STATUS_REASON_MAX} characters.`,
  }).optional(),
});
export type TSetUserStatusInput = z.output<typeof ZSetUserStatusInput>;

const name = (what: string, max: number) =>
  singleLineText({ label: `The ${what}`, max, required: true });
const optionalText = (what: string, max: number) =>
  singleLineText({ label: `The ${what}`, max })
    .optional()
    .transform((v) => (v ? v : undefined));

export const ZCreatePersonInput = z.object({
  email: singleLineText({
    label: "The email address",
    max: 320,
    required: true,
    requiredMessage: "Enter an email address.",
  }).pipe(z.email({ error: "Enter a valid email address, like jordan@example.com." })),
  givenName: name("given name", 100),
  familyName: name("family name", 100),
  /** Absent or blank: "Given Family". */
  displayName: optionalText("display name", 200),
  title: optionalText("title", 200),
  department: optionalText("department", 200),
  managerId: z.uuid({ error: "That is not a valid manager id." }).nullable().optional(),
  role: role.default("MEMBER"),
});
export type TCreatePersonInput = z.output<typeof ZCreatePersonInput>;
