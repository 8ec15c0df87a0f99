import {
  asObject,
  at,
  toOutcome,
  type Candidate,
  type CandidateLabels,
  type CandidateSchema,
  type EventOutcome,
} from "./fields.ts";
import type { JsonShape } from "./json-stream.ts";
import type { ActivityKind } from "./types.ts";

// Okta's System Log (GET /api/v1/logs answers a JSON array of LogEvent objects): sign-ins to
// apps through Okta, and OAuth consents given on Okta's authorization servers. Each event has
// `uuid`, `published`, `eventType`, `actor { id, type, alternateId, displayName }`,
// `outcome { result, reason }`, `target [{ id, type, alternateId, displayName, detailEntry }]`
// and `debugContext.debugData`.

/** The event types kept, and what each says; every other type is skipped. */
export const OKTA_EVENT_KINDS: Readonly<Record<string, ActivityKind>> = {
  "user.authentication.sso": "sign_in",
  "app.oauth2.as.authorize": "sign_in",
  "app.oauth2.as.consent.grant": "consent",
};

export const OKTA_SHAPE: JsonShape = {
  expected:
    'a JSON array of Okta System Log events, as GET /api/v1/logs returns them ([{ "uuid": …, "eventType": … }, …])',
  listKey: null,
  markerKeys: [],
  nextPageKeys: [],
};

interface Target {
  index: number;
  value: Record<string, unknown>;
}

/** What one System Log event amounts to. */
export function readOktaEvent(raw: unknown, schema: CandidateSchema): EventOutcome[] {
  const event = asObject(raw);
  if (!event) return [{ type: "problem", message: "the event is not an object" }];
  const eventType = event.eventType;
  if (typeof eventType !== "string" || eventType.trim() === "") {
    return [{ type: "problem", message: "eventType is required" }];
  }
  if (!Object.hasOwn(OKTA_EVENT_KINDS, eventType)) {
    return [{ type: "skip", reason: "other_event_type" }];
  }
  const result = at(event, "outcome", "result");
  if (typeof result !== "string" || result.trim() === "") {
    return [{ type: "problem", message: "outcome.result is required" }];
  }
  if (result.trim().toUpperCase() !== "SUCCESS")
    return [{ type: "skip", reason: "not_successful" }];

  const targets: Target[] = (Array.isArray(event.target) ? event.target : []).flatMap(
    (value: unknown, index: number) => {
      const target = asObject(value);
      return target ? [{ index, value: target }] : [];
    },
  );
  const ofType = (type: string) => targets.filter((t) => t.value.type === type);
  const debugData = at(event, "debugContext", "debugData");

  const candidate: Candidate = {
    eventId: event.uuid,
    email: undefined,
    seenAt: event.published,
    appName: undefined,
    appExternalId: null,
  };
  const labels: CandidateLabels = {
    eventId: "uuid",
    email: "actor.alternateId",
    seenAt: "published",
    appName: "the app (a target of type AppInstance)",
    appExternalId: "the app's id",
    scopes: "the scopes",
    sourceLabel: "",
  };

  // The person: the actor, unless the actor is Okta itself or a client acting for a user.
  const actorType = at(event, "actor", "type");
  const user = ofType("User")[0];
  if (typeof actorType === "string" && actorType !== "User" && user) {
    candidate.email = user.value.alternateId;
    labels.email = `target[${user.index}].alternateId`;
  } else {
    candidate.email = at(event, "actor", "alternateId");
  }

  // The app: the AppInstance target; a consent names only its OAuth client.
  const app = ofType("AppInstance")[0];
  const grants = ofType("ConsentGrant");
  const client = grants.find(
    (g) => typeof at(g.value, "detailEntry", "publicclientapp") === "string",
  );
  if (app) {
    const { displayName } = app.value;
    const named = typeof displayName === "string" && displayName.trim() !== "";
    candidate.appName = named ? displayName : app.value.alternateId;
    labels.appName = `target[${app.index}].${named ? "displayName" : "alternateId"}`;
    candidate.appExternalId = app.value.id;
    labels.appExternalId = `target[${app.index}].id`;
  } else if (client) {
    const clientId = at(client.value, "detailEntry", "publicclientapp");
    const clientName = at(debugData, "clientName");
    candidate.appExternalId = clientId;
    candidate.appName = typeof clientName === "string" && clientName.trim() ? clientName : clientId;
    labels.appExternalId = labels.appName = `target[${client.index}].detailEntry.publicclientapp`;
  }

  // The scopes: one ConsentGrant target per scope granted, or listed in the details.
  const scopes: unknown[] = grants.map((g) => g.value.displayName);
  for (const list of [
    at(app?.value, "detailEntry", "scopes"),
    at(app?.value, "detailEntry", "grantedScopes"),
    at(debugData, "grantedScopes"),
    at(debugData, "scopes"),
  ]) {
    if (list != null) scopes.push(...(Array.isArray(list) ? list : [list]));
  }
  candidate.scopes = scopes;

  return [toOutcome(schema, candidate, labels, OKTA_EVENT_KINDS[eventType]!)];
}
