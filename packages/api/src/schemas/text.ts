import {
  CURSOR_MAX_LENGTH,
  INVALID_CURSOR_MESSAGE,
  textProblem,
  type TextKind,
} from "@lantern/domain";
import { z } from "zod";

// The text fields of every input schema (README: Security). Each one is trimmed, bounded and
// checked by the domain's `textProblem` — well-formed Unicode, no NUL or other control
// characters, line breaks and tabs only in multi-line text — so a hostile text is a
// BAD_REQUEST that names the field and the reason ("The app name contains a NUL character,
// which text cannot hold.") before it reaches a query. Schemas never spell
// `z.string().trim().max(…)` themselves: they call these.

export interface TextFieldOptions {
  /** How the messages name the field, as a sentence starts: "The app name". */
  label: string;
  /** The most characters (Unicode code points, as zod counts them), after trimming. */
  max: number;
  /**
   * Whether empty text (after trimming), a missing value and null are refused (with
   * `required`); otherwise empty text is valid and the field's schema decides about absence.
   */
  required?: boolean;
  /** The refusal of a missing or empty text: "Give the app a name." (default: "Enter {label}."). */
  requiredMessage?: string;
  /** The refusal of a long text: default "{label} is limited to {max} characters." */
  tooLongMessage?: string;
}

/** "The app name" → "the app name", for the middle of a sentence. */
function inSentence(label: string): string {
  return label.replace(/^(The|A|An) /, (article) => article.toLowerCase());
}

function textField(kind: TextKind, options: TextFieldOptions) {
  const { label, max } = options;
  const missing = options.requiredMessage ?? `Enter ${inSentence(label)}.`;
  const tooLong =
    options.tooLongMessage ?? `${label} is limited to ${max.toLocaleString("en-US")} characters.`;
  let schema = z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? missing
          : `${label} must be text, not ${typeof issue.input === "object" ? "a list or an object" : `a ${typeof issue.input}`}.`,
    })
    .trim()
    .superRefine((text, ctx) => {
      const problem = textProblem(text, kind);
      if (problem) ctx.addIssue({ code: "custom", message: `${label} ${problem}.` });
    });
  if (options.required) schema = schema.min(1, missing);
  return schema.max(max, tooLong);
}

/** A name, a login, an address, a filter: one line of text, no tab. */
export function singleLineText(options: TextFieldOptions) {
  return textField("single-line", options);
}

/** A description, instructions, a comment, a reason, a note: tabs and line breaks allowed. */
export function multiLineText(options: TextFieldOptions) {
  return textField("multi-line", options);
}

export const SEARCH_TEXT_MAX = 200;

/** The search box of a list or a picker: optional, one line, at most 200 characters. */
export function searchText(label = "The search text") {
  return singleLineText({
    label,
    max: SEARCH_TEXT_MAX,
    tooLongMessage: `Search text is limited to ${SEARCH_TEXT_MAX} characters.`,
  }).optional();
}

/** The search of every list and picker. */
export const ZSearchText = searchText();

/**
 * A reason someone gives for an action (request, cancel, deny, revoke, mark as errored):
 * required, multi-line, at most 2,000 characters. `requiredMessage` says what is missing in
 * the words of the action ("Say why you need this access.").
 */
export function reasonText(requiredMessage = "A reason is required.") {
  return multiLineText({
    label: "The reason",
    max: 2_000,
    required: true,
    requiredMessage,
    tooLongMessage: "A reason is limited to 2,000 characters.",
  });
}

/** An app's or an entitlement's description: multi-line, at most 2,000 characters. */
export const ZDescription = multiLineText({
  label: "The description",
  max: 2_000,
  tooLongMessage: "A description is limited to 2,000 characters.",
});

/**
 * The `cursor` of every list: the `nextCursor` of the page before, as it came. The length is
 * bounded here; what it holds is the domain's cursor codec's to judge (decodeCursor), which
 * refuses a tampered one with the same message.
 */
export const ZCursor = z
  .string({ error: INVALID_CURSOR_MESSAGE })
  .max(CURSOR_MAX_LENGTH, INVALID_CURSOR_MESSAGE)
  .optional();

/** The page size of a list: 1–100, `fallback` when absent. */
export function pageLimit(fallback: number) {
  return z
    .number({ error: "The page size is a whole number from 1 to 100." })
    .int("The page size is a whole number from 1 to 100.")
    .min(1, "The page size is a whole number from 1 to 100.")
    .max(100, "The page size is a whole number from 1 to 100.")
    .default(fallback);
}
