import { z } from "zod";
import { ImportFileError, readImportFile } from "../file-import/index.ts";
import type { ConnectorAction, ConnectorResult } from "../types.ts";
import { defineKind, type ConnectorEnvironment, type SyncBatch } from "./kind.ts";

// An HTTP endpoint the organization runs in front of an app: one URL that answers GET with
// what the app holds, as a JSON document in the import file format (examples/salesforce.json),
// and takes each grant and revoke as a JSON POST. Both carry `Authorization: Bearer <token>`.

const TIMEOUT_MS = 15_000;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

const settings = z.object({
  url: z
    .string({ error: "Give the endpoint's URL." })
    .trim()
    .max(2_000, { error: "The URL is limited to 2,000 characters." })
    .refine(
      (text) => {
        try {
          return ["https:", "http:"].includes(new URL(text).protocol);
        } catch {
          return false;
        }
      },
      { error: "The URL must be a web address starting with https:// or http://." },
    )
    .meta({
      title: "Endpoint URL",
      description:
        "GET answers the app's entitlements, accounts and grants as a JSON import document; " +
        "POST receives each grant and revoke as JSON.",
    }),
  token: z
    .string({ error: "Give the token the endpoint expects." })
    .min(1, { error: "Give the token the endpoint expects.", abort: true })
    .max(4_000, { error: "The token is limited to 4,000 characters." })
    .regex(/^[\x21-\x7e]+$/, { error: "The token is printable ASCII without spaces." })
    .meta({
      title: "Bearer token",
      description: "Sent as Authorization: Bearer … with every call. Stored encrypted.",
      secret: true,
    }),
});

type Settings = z.output<typeof settings>;

/** What went wrong with a call, in words (fetch's own "fetch failed" hides the cause). */
function failure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `no answer within ${TIMEOUT_MS / 1000} seconds`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown }) : null;
  const why = typeof cause?.code === "string" ? cause.code : cause?.message;
  return `${error instanceof Error ? error.message : String(error)}${typeof why === "string" ? ` (${why})` : ""}`;
}

function call(s: Settings, init: RequestInit): Promise<Response> {
  return fetch(s.url, {
    ...init,
    redirect: "error",
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { ...init.headers, authorization: `Bearer ${s.token}` },
  });
}

async function act(s: Settings, action: ConnectorAction): Promise<ConnectorResult> {
  const verb = action.kind === "GRANT" ? "grant" : "revoke";
  let response: Response;
  try {
    response = await call(s, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        action: action.kind,
        requestId: action.requestId,
        app: action.app,
        entitlement: action.entitlement,
        account: action.account,
        person: action.person,
      }),
    });
  } catch (error) {
    return {
      ok: false,
      error: `The endpoint was not reached: ${failure(error)}.`,
      retryable: true,
    };
  }
  await response.body?.cancel();
  if (response.ok) {
    return {
      ok: true,
      message: `The endpoint accepted the ${verb} of ${action.entitlement.displayName} (HTTP ${response.status}).`,
    };
  }
  // A refusal stays a refusal; a busy or failing endpoint may answer later.
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  return {
    ok: false,
    error: `The endpoint answered HTTP ${response.status} to the ${verb}.`,
    retryable,
  };
}

async function* sync(s: Settings, environment: ConnectorEnvironment): AsyncGenerator<SyncBatch> {
  const response = await call(s, { method: "GET", headers: { accept: "application/json" } });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`The endpoint answered HTTP ${response.status} to GET.`);
  }
  // A web stream is async-iterable in Node; the DOM typings do not say so.
  const body = response.body as unknown as AsyncIterable<Uint8Array>;
  for await (const batch of readImportFile(body, {
    format: "json",
    textProblem: environment.textProblem,
  })) {
    if (batch.kind !== "users") yield batch;
  }
}

export const webhookKind = defineKind({
  key: "webhook",
  label: "HTTP endpoint",
  description:
    "Calls an endpoint you run in front of the app: GET reads its entitlements, accounts and " +
    "grants (Lantern's JSON import format), POST asks it to grant or revoke. A refusal " +
    "(HTTP 4xx) hands the work to the app owners at once; other failures are retried.",
  settings,
  create: (s, environment) => ({
    name: "HTTP endpoint",
    grant: (action) => act(s, action),
    revoke: (action) => act(s, action),
    sync: () => sync(s, environment),
    async test() {
      const counts = { entitlements: 0, accounts: 0, grants: 0 };
      try {
        for await (const batch of sync(s, environment)) counts[batch.kind] += batch.rows.length;
      } catch (error) {
        const reason =
          error instanceof ImportFileError
            ? error.message
            : error instanceof Error && error.message.startsWith("The endpoint answered")
              ? error.message
              : `The endpoint was not reached: ${failure(error)}.`;
        return { ok: false, message: reason };
      }
      return {
        ok: true,
        message: `Connected: the endpoint lists ${count(counts.entitlements, "entitlement")}, ${count(counts.accounts, "account")} and ${count(counts.grants, "grant")}.`,
      };
    },
  }),
});
