import { z } from "zod";
import { pageLimit, singleLineText, ZCursor } from "./text.ts";

// The audit log (issue 6): Events of the organization, newest first, filtered.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The dates a filter may name. Earlier ones would reach the database as dates it cannot hold
 * ("0000-01-01": there is no year 0) and no event predates 1900 anyway.
 */
export const AUDIT_FIRST_DATE = "1900-01-01";
export const AUDIT_LAST_DATE = "9999-12-31";

/** A calendar date "YYYY-MM-DD" (UTC) within the bounds above. Empty text: no bound. */
const date = (which: string) => {
  const message = `Enter the ${which} date as YYYY-MM-DD.`;
  return singleLineText({ label: `The ${which} date`, max: 10, tooLongMessage: message })
    .refine((text) => text === "" || (DATE.test(text) && isRealDate(text)), {
      error: message,
      abort: true,
    })
    .refine((text) => text === "" || (text >= AUDIT_FIRST_DATE && text <= AUDIT_LAST_DATE), {
      error: `Enter a ${which} date from ${AUDIT_FIRST_DATE} to ${AUDIT_LAST_DATE}.`,
    })
    .transform((text) => (text === "" ? undefined : text))
    .optional();
};

/** A real day of the calendar (year 0, which PostgreSQL refuses, is outside the bounds). */
function isRealDate(text: string): boolean {
  const at = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text);
}

/** An optional one-line filter; empty text: no filter. */
const optionalText = (label: string, max: number, tooLongMessage: string) =>
  singleLineText({ label, max, tooLongMessage })
    .transform((text) => (text === "" ? undefined : text))
    .optional();

/**
 * The filters of the list, shared by the page (and its URL) and the CSV export.
 * - `actorId`: events by that person (system events have no actor).
 * - `targetType` + `targetId`: what the event is about; each alone works too.
 * - `action`: an exact action ("app.updated"), or, ending in ".", every action of that
 *   family ("task." → task.created, task.provisioned, …).
 * - `from` / `to`: inclusive calendar dates in UTC ("to" 2026-12-03 ends at the end of that day).
 */
export const ZAuditFilters = z
  .object({
    actorId: z
      .uuid({ error: "That is not a valid person id." })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    targetType: optionalText("The target type", 50, "The target type is limited to 50 characters."),
    targetId: optionalText("The target id", 200, "The target id is limited to 200 characters."),
    action: optionalText("The action", 100, "The action is limited to 100 characters."),
    from: date("from"),
    to: date("to"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    error: "The from date must be on or before the to date.",
    path: ["to"],
  });
export type TAuditFilters = z.output<typeof ZAuditFilters>;

export const ZListAuditInput = z.object({
  filters: ZAuditFilters.default({}),
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TListAuditInput = z.output<typeof ZListAuditInput>;
