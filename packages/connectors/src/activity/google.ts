import {
  asObject,
  at,
  parseTime,
  toOutcome,
  type CandidateSchema,
  type EventOutcome,
} from "./fields.ts";
import type { JsonShape } from "./json-stream.ts";

// Google Workspace's OAuth token audit: the Admin SDK Reports API's activities.list with
// applicationName=token answers { kind, items: [activity, …], nextPageToken }. An activity is
// `id { time, uniqueQualifier, applicationName, customerId }`, `actor { email, profileId }` and
// `events [{ type, name, parameters [{ name, value | multiValue | … }] }]`; an `authorize`
// event is a person granting an app access to their account (`app_name`, `client_id`, and the
// `scope` list). Other events (`activity`, `request`, `revoke`) are skipped.

export const GOOGLE_SHAPE: JsonShape = {
  expected:
    'the JSON of the Reports API\'s activities.list for applicationName=token ({ "kind": "admin#reports#activities", "items": [ … ] }), or an array of its activities',
  listKey: "items",
  markerKeys: ["kind"],
  nextPageKeys: ["nextPageToken"],
};

/** The value of an event's parameter: its `value`, else its `multiValue`. */
function parameter(parameters: unknown, name: string): { index: number; value: unknown } | null {
  if (!Array.isArray(parameters)) return null;
  const index = parameters.findIndex((p) => asObject(p)?.name === name);
  if (index === -1) return null;
  const found = parameters[index] as Record<string, unknown>;
  return { index, value: found.value ?? found.multiValue };
}

/** Scope names of `scope_data` (a list of messages of `scope_name` and product buckets). */
function scopeData(parameters: unknown): unknown[] {
  const data = parameter(parameters, "scope_data");
  const messages = data ? at(parameters, data.index, "multiMessageValue") : undefined;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message) => {
    const found = parameter(at(message, "parameter"), "scope_name");
    return found ? [found.value] : [];
  });
}

/** What one activity amounts to: one outcome per event. */
export function readGoogleActivity(raw: unknown, schema: CandidateSchema): EventOutcome[] {
  const activity = asObject(raw);
  if (!activity) return [{ type: "problem", message: "the activity is not an object" }];
  const application = at(activity, "id", "applicationName");
  if (typeof application === "string" && application !== "token") {
    return [
      {
        type: "problem",
        message: `id.applicationName is "${application.slice(0, 40)}": only the OAuth token audit (applicationName=token) is read`,
      },
    ];
  }
  const events = activity.events;
  if (!Array.isArray(events) || events.length === 0) {
    return [{ type: "problem", message: "events is required (a list of the activity's events)" }];
  }
  const time = at(activity, "id", "time");
  const qualifier = at(activity, "id", "uniqueQualifier");
  // The event's id: the activity's time and qualifier, and which of its events it is.
  const idOf = (index: number) =>
    typeof time === "string" && (typeof qualifier === "string" || typeof qualifier === "number")
      ? `${parseTime(time)?.toISOString() ?? time}/${qualifier}/${index}`
      : undefined;

  return events.map((raw: unknown, index: number): EventOutcome => {
    const event = asObject(raw);
    if (!event) return { type: "problem", message: `events[${index}] is not an object` };
    if (event.name !== "authorize") return { type: "skip", reason: "other_event_type" };
    const parameters = event.parameters;
    const appName = parameter(parameters, "app_name");
    const clientId = parameter(parameters, "client_id");
    const scope = parameter(parameters, "scope");
    const label = (name: string) => `events[${index}] parameter ${name}`;
    return toOutcome(
      schema,
      {
        eventId: idOf(index),
        email: at(activity, "actor", "email"),
        seenAt: time,
        appName: appName?.value,
        appExternalId: clientId?.value,
        scopes: scope ? scope.value : scopeData(parameters),
      },
      {
        eventId: typeof time === "string" ? "id.uniqueQualifier" : "id.time",
        email: "actor.email",
        seenAt: "id.time",
        appName: label("app_name"),
        appExternalId: label("client_id"),
        scopes: label("scope"),
        sourceLabel: "",
      },
      "consent",
    );
  });
}
