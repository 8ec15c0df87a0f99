import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { readBody, sendJson, startLoopbackServer } from "./http.ts";
import { createArrivals, FailureQueue } from "./wait.ts";

// A stand-in for the three Slack Web API methods Lantern calls, answering in Slack's style:
// HTTP 200 with { ok: false, error } for platform errors, HTTP 429 + Retry-After for rate
// limits. Accepts the WebClient's form-encoded bodies and JSON bodies alike.

export const FAKE_SLACK_TOKEN = "xoxb-fake-token";

export interface SlackPostedMessage {
  /** The channel posted to (D… for a DM opened with conversations.open). */
  channel: string;
  /** The person the DM channel belongs to, when it is one. */
  userId: string | null;
  text: string;
  blocks: unknown[] | null;
  ts: string;
}

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

/** A Slack error code ("ratelimited", "internal_error", "invalid_auth", …) or a bare HTTP status. */
export type SlackFailure = string | { httpStatus: number };

export interface FakeSlack {
  /** For SLACK_API_URL: "http://127.0.0.1:<port>/api/". */
  url: string;
  /** The bot token it accepts (SLACK_BOT_TOKEN). */
  token: string;
  /** Who Slack knows: email → user id. Set entries to make people findable. */
  users: Map<string, string>;
  messages: SlackPostedMessage[];
  /** Every call, in order, failed ones included. */
  calls: SlackCall[];
  /** Calls of one method so far, e.g. callsTo("users.lookupByEmail"). */
  callsTo(method: string): SlackCall[];
  /** The next `count` calls (of `method`, when given) fail with this error. */
  failNext(count: number, failure: SlackFailure, options?: { method?: string }): void;
  /** Resolves once `count` messages were posted (default timeout 5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<SlackPostedMessage[]>;
  close(): Promise<void>;
}

type SlackAnswer = { ok: true; [field: string]: unknown } | { ok: false; error: string };

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeSlack(options: { token?: string } = {}): Promise<FakeSlack> {
  const token = options.token ?? FAKE_SLACK_TOKEN;
  const users = new Map<string, string>();
  const messages: SlackPostedMessage[] = [];
  const calls: SlackCall[] = [];
  const arrivals = createArrivals();
  const failures = new FailureQueue<SlackFailure>();
  let posted = 0;

  const knownUser = (userId: string) => [...users.values()].includes(userId);

  const methods: Record<string, (args: Record<string, unknown>) => SlackAnswer> = {
    "users.lookupByEmail": (args) => {
      const email = String(args.email ?? "").toLowerCase();
      const entry = [...users.entries()].find(([known]) => known.toLowerCase() === email);
      if (!entry) return { ok: false, error: "users_not_found" };
      return { ok: true, user: { id: entry[1], deleted: false, profile: { email: entry[0] } } };
    },
    "conversations.open": (args) => {
      const userId = String(args.users ?? "");
      if (!userId || userId.includes(",")) return { ok: false, error: "invalid_arguments" };
      if (!knownUser(userId)) return { ok: false, error: "user_not_found" };
      return { ok: true, channel: { id: dmChannelOf(userId) } };
    },
    "chat.postMessage": (args) => {
      const channel = String(args.channel ?? "");
      const userId = channel.startsWith("D") ? channel.slice(1) : channel;
      if (!knownUser(userId)) return { ok: false, error: "channel_not_found" };
      const blocks = parseBlocks(args.blocks);
      const text = typeof args.text === "string" ? args.text : "";
      if (!text && !blocks) return { ok: false, error: "no_text" };
      posted += 1;
      const ts = `1700000000.${String(posted).padStart(6, "0")}`;
      const dm = dmChannelOf(userId);
      messages.push({ channel: dm, userId, text, blocks, ts });
      arrivals.notify();
      return { ok: true, channel: dm, ts, message: { text, ts } };
    },
  };

  function authorize(request: IncomingMessage, args: Record<string, unknown>): SlackAnswer | null {
    const header = request.headers.authorization;
    const sent = header?.startsWith("Bearer ") ? header.slice(7) : args.token;
    if (!sent) return { ok: false, error: "not_authed" };
    return sent === token ? null : { ok: false, error: "invalid_auth" };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = parseArgs(await readBody(request), request.headers["content-type"]);
    calls.push({ method, args });
    const failure = failures.take(method);
    if (failure !== undefined) return fail(response, failure);
    const refused = authorize(request, args);
    if (refused) return sendJson(response, 200, refused);
    const run = methods[method];
    sendJson(response, 200, run ? run(args) : { ok: false, error: "unknown_method" });
  }

  const server = await startLoopbackServer(handle);
  return {
    url: `${server.origin}/api/`,
    token,
    users,
    messages,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNext(count, failure, failOptions = {}) {
      const only = failOptions.method;
      failures.arm(count, failure, only ? (method) => method === only : undefined);
    },
    waitFor(count, timeoutMs = 5_000) {
      return arrivals.until(
        () => (messages.length >= count ? messages : undefined),
        timeoutMs,
        () =>
          `Fake Slack: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`,
      );
    },
    close: () => server.close(),
  };
}

/** The fake's DM channel with a user: stable, like Slack's. */
function dmChannelOf(userId: string): string {
  return `D${userId}`;
}

function fail(response: ServerResponse, failure: SlackFailure): void {
  if (typeof failure !== "string") {
    response.writeHead(failure.httpStatus, { "content-type": "text/plain" });
    response.end(`Simulated HTTP ${failure.httpStatus}`);
    return;
  }
  if (failure === "ratelimited") {
    sendJson(response, 429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
    return;
  }
  sendJson(response, 200, { ok: false, error: failure });
}

/** The WebClient posts form-encoded fields (objects JSON-encoded); others post JSON. */
function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) {
    const parsed = JSON.parse(body || "{}") as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(body))) {
    fields[key] = Array.isArray(value) ? value[0] : value;
  }
  return fields;
}

function parseBlocks(value: unknown): unknown[] | null {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? parsed : null;
}
