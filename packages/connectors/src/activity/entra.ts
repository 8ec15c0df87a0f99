import type { CsvLayout, CsvRow } from "./csv-rows.ts";
import {
  asObject,
  at,
  contentId,
  toOutcome,
  type CandidateSchema,
  type EventOutcome,
} from "./fields.ts";
import type { JsonShape } from "./json-stream.ts";

// Microsoft Entra ID's sign-in logs, two ways:
// - JSON: Microsoft Graph's GET /auditLogs/signIns answers { "@odata.context", "value": [signIn,
//   …], "@odata.nextLink" }; a sign-in has `id`, `createdDateTime`, `userPrincipalName`,
//   `appDisplayName`, `appId` and `status { errorCode, failureReason }` (0: it succeeded).
// - CSV: the Entra admin center's Sign-in logs → Download → CSV (InteractiveSignIns_….csv and
//   NonInteractiveSignIns_….csv): "Date (UTC)", "Request ID", "User", "Username",
//   "Application", "Application ID ", "Status" (Success, Failure, Interrupted),
//   "Sign-in error code", and some fifty columns more, which are ignored.
// A sign-in's Graph `id` is the portal's "Request ID": the same sign-in has the same event id
// whichever way it was exported.

export const ENTRA_SHAPE: JsonShape = {
  expected:
    'the JSON of Microsoft Graph\'s auditLogs/signIns ({ "value": [ … ] }), or an array of its sign-ins',
  listKey: "value",
  markerKeys: ["@odata.context"],
  nextPageKeys: ["@odata.nextLink"],
};

/** Whether a sign-in's error code says it succeeded: null when it is not a code. */
function succeeded(code: unknown): boolean | null {
  if (typeof code === "number") return code === 0;
  if (typeof code === "string" && /^\s*-?\d+\s*$/.test(code)) return Number(code) === 0;
  return null;
}

/** What one Graph sign-in amounts to. */
export function readEntraSignIn(raw: unknown, schema: CandidateSchema): EventOutcome[] {
  const signIn = asObject(raw);
  if (!signIn) return [{ type: "problem", message: "the sign-in is not an object" }];
  const code = at(signIn, "status", "errorCode");
  if (code == null) return [{ type: "problem", message: "status.errorCode is required" }];
  const ok = succeeded(code);
  if (ok === null) {
    return [{ type: "problem", message: "status.errorCode must be a number (0: it succeeded)" }];
  }
  if (!ok) return [{ type: "skip", reason: "not_successful" }];
  return [
    toOutcome(
      schema,
      {
        eventId: signIn.id,
        email: signIn.userPrincipalName,
        seenAt: signIn.createdDateTime,
        appName: signIn.appDisplayName,
        appExternalId: signIn.appId,
      },
      {
        eventId: "id",
        email: "userPrincipalName",
        seenAt: "createdDateTime",
        appName: "appDisplayName",
        appExternalId: "appId",
        scopes: "scopes",
        sourceLabel: "",
      },
      "sign_in",
    ),
  ];
}

export type EntraCsvField =
  | "date"
  | "requestId"
  | "username"
  | "user"
  | "application"
  | "applicationId"
  | "status"
  | "errorCode";

/** The portal's columns, and the other names older downloads give the same fields. */
export const ENTRA_CSV_LAYOUT: CsvLayout<EntraCsvField> = {
  columns: {
    date: ["Date (UTC)", "Date", "CreatedDateTime"],
    requestId: ["Request ID", "Id"],
    username: ["Username", "UserPrincipalName", "User principal name", "UPN"],
    user: ["User"],
    application: ["Application", "AppDisplayName", "Application name"],
    applicationId: ["Application ID", "AppId"],
    status: ["Status"],
    errorCode: ["Sign-in error code", "ErrorCode", "Error code"],
  },
  required: [["date"], ["username", "user"], ["application"], ["status", "errorCode"]],
  expected:
    'the columns of the Entra sign-in logs download: "Date (UTC)", "Request ID", "Username", "Application", "Application ID", "Status"',
};

/** What one row of the portal's download amounts to. */
export function readEntraCsvRow(
  row: Extract<CsvRow<EntraCsvField>, { values: unknown }>,
  schema: CandidateSchema,
): EventOutcome[] {
  const { values, headers } = row;
  const status = values.status?.trim() ?? "";
  if (status !== "") {
    const word = status.toLowerCase();
    if (word === "failure" || word === "interrupted") {
      return [{ type: "skip", reason: "not_successful" }];
    }
    if (word !== "success") {
      return [
        {
          type: "problem",
          message: `${headers.status} "${status.slice(0, 40)}" is not Success, Failure or Interrupted`,
        },
      ];
    }
  } else {
    const ok = succeeded(values.errorCode);
    if (ok === null) {
      return [
        {
          type: "problem",
          message: `${headers.status ?? headers.errorCode} is required (Success, Failure or Interrupted)`,
        },
      ];
    }
    if (!ok) return [{ type: "skip", reason: "not_successful" }];
  }
  const emailField = headers.username !== undefined ? "username" : "user";
  const requestId = values.requestId?.trim();
  const outcome = toOutcome(
    schema,
    {
      eventId: requestId || "(from the record)",
      email: values[emailField],
      seenAt: values.date,
      appName: values.application,
      appExternalId: values.applicationId,
    },
    {
      eventId: headers.requestId ?? "Request ID",
      email: headers[emailField]!,
      seenAt: headers.date!,
      appName: headers.application!,
      appExternalId: headers.applicationId ?? "Application ID",
      scopes: "scopes",
      sourceLabel: "",
    },
    "sign_in",
  );
  // Without a request id, the record's content is its id.
  return [requestId ? outcome : contentId(outcome, "entra")];
}
