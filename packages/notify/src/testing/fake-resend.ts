import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson, startLoopbackServer } from "./http.ts";
import { createArrivals, FailureQueue } from "./wait.ts";

// A stand-in for Resend's POST /emails, faithful where Lantern depends on it: Bearer auth,
// Resend-shaped errors ({ statusCode, name, message }), and Idempotency-Key semantics
// (same key and body: the first response again, nothing delivered twice; same key with
// another body: 409 invalid_idempotent_request; same key while the first is still being
// processed: 409 concurrent_idempotent_requests).

export const FAKE_RESEND_API_KEY = "re_test_fake_key";

/** The body Lantern sends (Resend's API shape). */
export interface ResendEmailBody {
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
}

/** Every request that reached the fake, whatever its outcome. */
export interface ResendRequestRecord {
  idempotencyKey: string | null;
  authorization: string | null;
  /** The parsed JSON body (or the raw text when it was not JSON). */
  body: unknown;
  /** The HTTP status answered; null while held. */
  status: number | null;
}

export interface DeliveredResendEmail {
  id: string;
  idempotencyKey: string | null;
  body: ResendEmailBody;
}

/** A request kept hanging by holdNext(). */
export interface HeldResendRequest {
  idempotencyKey: string | null;
  body: unknown;
  /** Answers it now (processing it first if it was held before being delivered). */
  release(): void;
}

export type ResendFailure = number | "disconnect";

export interface FakeResend {
  /** Base URL for RESEND_BASE_URL, e.g. "http://127.0.0.1:41234". */
  url: string;
  apiKey: string;
  requests: ResendRequestRecord[];
  /** Emails Resend would have sent: one per distinct idempotency key. */
  delivered: DeliveredResendEmail[];
  /**
   * The next `count` requests fail with this HTTP status (a Resend-shaped error named
   * after it; 429 carries Retry-After: 1), or the connection is dropped ("disconnect").
   * Nothing is delivered or remembered for them.
   */
  failNext(count: number, failure: ResendFailure): void;
  /**
   * The next request hangs, as if the sender crashed mid-send. With `deliver` (default)
   * Resend has already accepted and remembered it: only the answer is lost, and a retry
   * with the same key gets the same id. Resolves when that request arrives.
   */
  holdNext(options?: { deliver?: boolean }): Promise<HeldResendRequest>;
  /** Resolves once `count` emails were delivered (default timeout 5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<DeliveredResendEmail[]>;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const ERROR_NAMES: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "concurrent_idempotent_requests",
  422: "validation_error",
  429: "rate_limit_exceeded",
};

const FROM_PATTERN = /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function resendError(status: number, name: string, message: string): Answer {
  const headers: Record<string, string> = status === 429 ? { "retry-after": "1" } : {};
  return { status, body: { statusCode: status, name, message }, headers };
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeResend(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const apiKey = options.apiKey ?? FAKE_RESEND_API_KEY;
  const requests: ResendRequestRecord[] = [];
  const delivered: DeliveredResendEmail[] = [];
  const arrivals = createArrivals();
  const failures = new FailureQueue<ResendFailure>();
  const holds: { deliver: boolean; arrived: (held: HeldResendRequest) => void }[] = [];
  const remembered = new Map<string, { body: string; answer: Answer }>();
  const inFlight = new Set<string>();

  /** Auth, validation and idempotency, as Resend does them; delivers when all pass. */
  function processRequest(key: string | null, authorization: string | null, text: string): Answer {
    if (!authorization)
      return resendError(401, "missing_api_key", "Missing API key in the authorization header.");
    if (authorization !== `Bearer ${apiKey}`)
      return resendError(403, "invalid_api_key", "API key is invalid.");
    if (key !== null && (key.length < 1 || key.length > 256)) {
      return resendError(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
    }
    const body = validateBody(text);
    if ("status" in body) return body;
    if (key === null) return deliver(null, body);
    const previous = remembered.get(key);
    if (previous) {
      return previous.body === text
        ? previous.answer
        : resendError(
            409,
            "invalid_idempotent_request",
            "Same idempotency key used with a different request payload.",
          );
    }
    if (inFlight.has(key)) {
      return resendError(
        409,
        "concurrent_idempotent_requests",
        "Same idempotency key used while original request is still in progress.",
      );
    }
    const answer = deliver(key, body);
    remembered.set(key, { body: text, answer });
    return answer;
  }

  function deliver(key: string | null, body: ResendEmailBody): Answer {
    const id = randomUUID();
    delivered.push({ id, idempotencyKey: key, body });
    arrivals.notify();
    return { status: 200, body: { id } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const key = headerValue(request, "idempotency-key");
    const authorization = headerValue(request, "authorization");
    const record: ResendRequestRecord = {
      idempotencyKey: key,
      authorization,
      body: parseJson(text),
      status: null,
    };
    requests.push(record);
    const answer = (result: Answer) => {
      record.status = result.status;
      sendJson(response, result.status, result.body, result.headers);
    };

    if (request.method !== "POST" || request.url !== "/emails") {
      return answer(resendError(404, "not_found", "The requested endpoint does not exist."));
    }
    const failure = failures.take();
    if (failure === "disconnect") {
      request.socket.destroy();
      return;
    }
    if (failure !== undefined) {
      const name = ERROR_NAMES[failure] ?? "internal_server_error";
      return answer(resendError(failure, name, `Simulated failure ${failure}.`));
    }
    const hold = holds.shift();
    if (!hold) return answer(processRequest(key, authorization, text));

    if (hold.deliver) {
      const result = processRequest(key, authorization, text);
      hold.arrived({ idempotencyKey: key, body: record.body, release: () => answer(result) });
      return;
    }
    if (key !== null) inFlight.add(key);
    hold.arrived({
      idempotencyKey: key,
      body: record.body,
      release: () => {
        if (key !== null) inFlight.delete(key);
        answer(processRequest(key, authorization, text));
      },
    });
  }

  const server = await startLoopbackServer(handle);
  return {
    url: server.origin,
    apiKey,
    requests,
    delivered,
    failNext(count, failure) {
      failures.arm(count, failure);
    },
    holdNext(holdOptions = {}) {
      return new Promise((arrived) =>
        holds.push({ deliver: holdOptions.deliver ?? true, arrived }),
      );
    },
    waitFor(count, timeoutMs = 5_000) {
      return arrivals.until(
        () => (delivered.length >= count ? delivered : undefined),
        timeoutMs,
        () =>
          `Fake Resend: expected ${count} delivered email(s) within ${timeoutMs} ms, got ${delivered.length}`,
      );
    },
    close: () => server.close(),
  };
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Resend's checks on the fields Lantern sends; an error answer when one fails. */
function validateBody(text: string): ResendEmailBody | Answer {
  const parsed = parseJson(text);
  if (typeof parsed !== "object" || parsed === null) {
    return resendError(422, "validation_error", "The request body is not valid JSON.");
  }
  const body = parsed as Record<string, unknown>;
  const missing = ["from", "to", "subject"].filter((field) => !body[field]);
  if (missing.length > 0) {
    return resendError(422, "missing_required_field", `Missing \`${missing.join("`, `")}\` field.`);
  }
  if (typeof body.from !== "string" || !FROM_PATTERN.test(body.from)) {
    return resendError(
      422,
      "validation_error",
      "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    );
  }
  const to = Array.isArray(body.to) ? body.to : [body.to];
  if (
    to.length === 0 ||
    to.some((address) => typeof address !== "string" || !address.includes("@"))
  ) {
    return resendError(422, "validation_error", "Invalid `to` field.");
  }
  if (typeof body.html !== "string" && typeof body.text !== "string") {
    return resendError(422, "validation_error", "Either `html` or `text` must be provided.");
  }
  return {
    from: body.from,
    to: to as string[],
    subject: String(body.subject),
    html: typeof body.html === "string" ? body.html : undefined,
    text: typeof body.text === "string" ? body.text : undefined,
    headers: isStringRecord(body.headers) ? body.headers : undefined,
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === "string")
  );
}
