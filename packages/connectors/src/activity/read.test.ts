import { describe, expect, it } from "vitest";
import { readActivityFile } from "./read.ts";
import { inChunks, readAll, refusal, textProblem } from "./testing.ts";
import { ACTIVITY_LIMITS } from "./types.ts";

/** A JSON array with one element per line: element N is on line N + 1. */
const lines = (elements: unknown[]) =>
  `[\n${elements.map((e) => JSON.stringify(e)).join(",\n")}\n]\n`;

const oktaEvent = (overrides: Record<string, unknown> = {}) => ({
  uuid: "9a1f2e7c-4b1d-11f0-8e2a-2b9c1d4e5f60",
  published: "2026-03-02T10:00:00.000Z",
  eventType: "user.authentication.sso",
  actor: {
    id: "00u1a2b3c4d5e6f7g8h9",
    type: "User",
    alternateId: "jordan.lee@northwind.example",
    displayName: "Jordan Lee",
  },
  outcome: { result: "SUCCESS", reason: null },
  target: [
    {
      id: "0oa1slack2b3c4d5e6f7",
      type: "AppInstance",
      alternateId: "Slack",
      displayName: "Slack",
      detailEntry: null,
    },
  ],
  ...overrides,
});

const googleActivity = (overrides: Record<string, unknown> = {}, parameters?: unknown[]) => ({
  kind: "admin#reports#activity",
  id: {
    time: "2026-03-04T07:36:23.482Z",
    uniqueQualifier: "-6652372040620572028",
    applicationName: "token",
    customerId: "C03az79cb",
  },
  actor: { email: "priya.shah@northwind.example", profileId: "100551725477213040272" },
  events: [
    {
      type: "auth",
      name: "authorize",
      parameters: parameters ?? [
        { name: "client_id", value: "482725215702-abc.apps.googleusercontent.com" },
        { name: "app_name", value: "Mailmeteor" },
        { name: "client_type", value: "WEB" },
        { name: "scope", multiValue: ["https://mail.google.com/", "openid"] },
      ],
    },
  ],
  ...overrides,
});

const entraSignIn = (overrides: Record<string, unknown> = {}) => ({
  id: "41d0c627-68cc-40a3-9bc5-f0dd61b0d700",
  createdDateTime: "2026-03-04T09:50:43Z",
  userDisplayName: "Alex Rivera",
  userPrincipalName: "Alex.Rivera@northwind.example",
  appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  appDisplayName: "Microsoft Teams",
  status: { errorCode: 0, failureReason: "Other.", additionalDetails: null },
  ...overrides,
});

const ENTRA_HEADER =
  "Date (UTC),Request ID,User ID,User,Username,Application,Application ID ,Status,Sign-in error code,Failure reason";

describe("records that cannot be read", () => {
  it("Okta: each is left out and listed with its position and line; the rest is read", async () => {
    const { records, summary } = await readAll(
      lines([
        oktaEvent({ uuid: "e-1" }),
        oktaEvent({ actor: { type: "User", displayName: "No One" } }),
        oktaEvent({ actor: { type: "User", alternateId: "jlee" } }),
        oktaEvent({ published: "yesterday" }),
        oktaEvent({ target: [{ id: "0ua1", type: "AppUser", alternateId: "jlee" }] }),
        42,
        oktaEvent({ eventType: undefined }),
        oktaEvent({ outcome: null }),
        oktaEvent({ target: [{ id: "0oa1", type: "AppInstance", displayName: "Sl\u0000ck" }] }),
        oktaEvent({ uuid: "", actor: null }),
        oktaEvent({ uuid: "e-11" }),
      ]),
      { source: "okta" },
    );
    expect(records.map((r) => [r.position, r.eventId])).toEqual([
      [1, "e-1"],
      [11, "e-11"],
    ]);
    expect(summary).toMatchObject({ read: 11, kept: 2, invalid: 9 });
    expect(summary.problems).toEqual([
      { position: 2, line: 3, message: "actor.alternateId is required" },
      { position: 3, line: 4, message: 'actor.alternateId "jlee" is not an email address' },
      {
        position: 4,
        line: 5,
        message: 'published "yesterday" is not an ISO 8601 time (e.g. 2026-03-02T09:30:00Z)',
      },
      { position: 5, line: 6, message: "the app (a target of type AppInstance) is required" },
      { position: 6, line: 7, message: "the event is not an object" },
      { position: 7, line: 8, message: "eventType is required" },
      { position: 8, line: 9, message: "outcome.result is required" },
      {
        position: 9,
        line: 10,
        message: "target[0].displayName holds a control character (single-line)",
      },
      { position: 10, line: 11, message: "uuid is required; actor.alternateId is required" },
    ]);
  });

  it("Okta: a consent without a person as actor takes the User target", async () => {
    const { records, summary } = await readAll(
      lines([
        oktaEvent({
          eventType: "app.oauth2.as.consent.grant",
          actor: { id: "0oa1", type: "PublicClientApp", alternateId: "0oa1", displayName: "Miro" },
          target: [
            { id: "00u1", type: "User", alternateId: "Maya.Goldman@northwind.example" },
            {
              id: "oag1",
              type: "ConsentGrant",
              displayName: "openid",
              detailEntry: { publicclientapp: "0oa1miro" },
            },
          ],
          debugContext: { debugData: { clientName: "Miro", grantedScopes: "openid email" } },
        }),
      ]),
      { source: "okta" },
    );
    expect(summary.problems).toEqual([]);
    expect(records[0]).toMatchObject({
      appKey: { externalId: "0oa1miro", name: "Miro" },
      email: "maya.goldman@northwind.example",
      kind: "consent",
      scopes: ["openid", "email"],
    });
  });

  it("Google: activities and events that cannot be read", async () => {
    const { records, summary } = await readAll(
      JSON.stringify({
        kind: "admin#reports#activities",
        items: [
          googleActivity(),
          googleActivity({ events: [] }),
          googleActivity({ id: { time: "2026-03-04T07:36:23Z", applicationName: "login" } }),
          googleActivity({}, [{ name: "client_id", value: "1-abc.apps.googleusercontent.com" }]),
          googleActivity({ actor: { profileId: "1" } }),
          googleActivity({ events: ["authorize", { type: "auth", name: "revoke" }] }),
          googleActivity({}, [
            { name: "app_name", value: "Zoom" },
            { name: "scope", multiValue: "not a list" },
          ]),
        ],
      }),
      { source: "google" },
    );
    expect(records.map((r) => r.position)).toEqual([1, 7]);
    expect(records[1]!.scopes).toEqual(["not", "a", "list"]);
    expect(summary).toMatchObject({
      read: 8,
      kept: 2,
      skipped: { other_event_type: 1, not_successful: 0 },
      invalid: 5,
    });
    expect(summary.problems.map((p) => [p.position, p.message])).toEqual([
      [2, "events is required (a list of the activity's events)"],
      [
        3,
        'id.applicationName is "login": only the OAuth token audit (applicationName=token) is read',
      ],
      [4, "events[0] parameter app_name is required"],
      [5, "actor.email is required"],
      [6, "events[0] is not an object"],
    ]);
  });

  it("Entra JSON: sign-ins that cannot be read", async () => {
    const { records, summary } = await readAll(
      JSON.stringify({
        value: [
          entraSignIn(),
          entraSignIn({ status: null }),
          entraSignIn({ status: { errorCode: "none" } }),
          entraSignIn({ userPrincipalName: null }),
          entraSignIn({ createdDateTime: "04/03/2026 09:50" }),
          entraSignIn({ appDisplayName: "  " }),
          entraSignIn({ status: { errorCode: 50126 } }),
        ],
      }),
      { source: "entra" },
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.email).toBe("alex.rivera@northwind.example");
    expect(summary.skipped.not_successful).toBe(1);
    expect(summary.problems.map((p) => [p.position, p.message])).toEqual([
      [2, "status.errorCode is required"],
      [3, "status.errorCode must be a number (0: it succeeded)"],
      [4, "userPrincipalName is required"],
      [5, 'createdDateTime "04/03/2026 09:50" is not an ISO 8601 time (e.g. 2026-03-02T09:30:00Z)'],
      [6, "appDisplayName is required"],
    ]);
  });

  it("Entra CSV: rows that cannot be read are listed by line", async () => {
    const { records, summary } = await readAll(
      [
        ENTRA_HEADER,
        "2026-03-04T09:50:43Z,r-1,u-1,Alex Rivera,alex.rivera@northwind.example,Slack,a-1,Success,0,",
        "2026-03-04T09:51:00Z,r-2,u-1,Alex Rivera,alex.rivera@northwind.example,Slack,a-1,Pending,0,",
        "yesterday,r-3,u-1,Alex Rivera,alex.rivera@northwind.example,Slack,a-1,Success,0,",
        "2026-03-04T09:52:00Z,r-4,u-1,Alex Rivera,alex.rivera@northwind.example,Slack",
        "2026-03-04T09:53:00Z,r-5,u-1,Alex Rivera,,Slack,a-1,Success,0,",
        '2026-03-04T09:54:00Z,r-6,u-1,"Rivera, Alex",alex.rivera@northwind.example,"Slack',
        'Enterprise",a-1,Interrupted,50140,"Keep me signed in, interrupted"',
        "2026-03-04 09:55:00,,u-1,Alex Rivera,alex.rivera@northwind.example,Zoom,,Success,0,",
      ].join("\r\n"),
      { source: "entra", format: "csv" },
    );
    expect(summary).toMatchObject({ read: 7, kept: 2, invalid: 4 });
    expect(summary.skipped.not_successful).toBe(1);
    expect(summary.problems).toEqual([
      { position: 3, line: 3, message: 'Status "Pending" is not Success, Failure or Interrupted' },
      {
        position: 4,
        line: 4,
        message: 'Date (UTC) "yesterday" is not an ISO 8601 time (e.g. 2026-03-02T09:30:00Z)',
      },
      { position: 5, line: 5, message: "has 6 fields but the header has 10 columns" },
      { position: 6, line: 6, message: "Username is required" },
    ]);
    // Line 7's record spans two lines; the next one is on line 9. Without a Request ID, the
    // record's content makes its id; a time without an offset is UTC.
    expect(records[1]).toMatchObject({
      position: 9,
      appKey: { externalId: null, name: "Zoom" },
      seenAt: new Date("2026-03-04T09:55:00Z"),
    });
    expect(records[1]!.eventId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("Entra CSV: column names in any case, and the export's other spellings", async () => {
    const { records } = await readAll(
      [
        "createdDateTime,Id,USER,Application name,appid,status",
        "2026-03-04T09:50:43Z,r-1,Alex.Rivera@northwind.example,Slack,a-1,SUCCESS",
        "2026-03-04T09:50:44Z,r-2,alex.rivera@northwind.example,Slack,a-1,failure",
      ].join("\n"),
      { source: "entra", format: "csv" },
    );
    expect(records).toEqual([
      {
        position: 2,
        eventId: "r-1",
        source: "entra",
        appKey: { externalId: "a-1", name: "Slack" },
        email: "alex.rivera@northwind.example",
        seenAt: new Date("2026-03-04T09:50:43Z"),
        kind: "sign_in",
        scopes: [],
      },
    ]);
  });

  it("generic CSV: rows that cannot be read, by line (quoted line breaks counted)", async () => {
    const { records, summary } = await readAll(
      [
        "App,Email,Seen_At,Source,Scopes,Note",
        'Miro,jordan.lee@northwind.example,2026-03-06T07:02:06Z,netskope,,"seen',
        'twice"',
        "Miro,jordan.lee,2026-03-06T07:02:06Z,,,",
        "Miro,jordan.lee@northwind.example,last week,,,",
        ",jordan.lee@northwind.example,2026-03-06T07:02:06Z,,,",
        "Miro,jordan.lee@northwind.example,2026-03-06T07:02:06Z,,openid\u0007,",
        "",
        "Zapier,Jordan.Lee@northwind.example,2026-03-06T08:00:00+01:00,,openid;  email profile;openid,",
      ].join("\n"),
      { source: "csv" },
    );
    expect(summary.problems).toEqual([
      { position: 4, line: 4, message: 'Email "jordan.lee" is not an email address' },
      {
        position: 5,
        line: 5,
        message: 'Seen_At "last week" is not an ISO 8601 time (e.g. 2026-03-02T09:30:00Z)',
      },
      { position: 6, line: 6, message: "App is required" },
      {
        position: 7,
        line: 7,
        message: "Scopes holds a scope that holds a control character (single-line)",
      },
    ]);
    expect(records).toMatchObject([
      // The note (a column the reader does not know) spans two lines.
      { position: 2, sourceLabel: "netskope", kind: "sign_in" },
      {
        position: 9,
        email: "jordan.lee@northwind.example",
        seenAt: new Date("2026-03-06T07:00:00Z"),
        kind: "consent",
        scopes: ["openid", "email", "profile"],
      },
    ]);
  });

  it("lists the first maxProblems problems and counts them all", async () => {
    const bad = Array.from({ length: 5 }, (_, i) => `Miro,nobody-${i},2026-03-06,,`);
    const { summary } = await readAll(
      ["app,email,seen_at,source,scopes", ...bad, "Miro,a@b.example,2026-03-06,,"].join("\n"),
      { source: "csv", maxProblems: 2 },
    );
    expect(summary).toMatchObject({ read: 6, kept: 1, invalid: 5 });
    expect(summary.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it("bounds a record: too large or too deep is a problem of its own; the file goes on", async () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < ACTIVITY_LIMITS.maxJsonDepth + 5; i++) deep = [deep];
    const { records, summary } = await readAll(
      lines([
        oktaEvent({ displayMessage: "x".repeat(ACTIVITY_LIMITS.maxRecordChars + 1) }),
        oktaEvent({ debugContext: { debugData: { nested: deep } } }),
        oktaEvent({
          eventType: "app.oauth2.as.consent.grant",
          debugContext: {
            debugData: { grantedScopes: Array.from({ length: 201 }, (_, i) => `s${i}`) },
          },
        }),
        oktaEvent({ uuid: "e-4" }),
      ]),
      { source: "okta" },
    );
    expect(records.map((r) => r.eventId)).toEqual(["e-4"]);
    expect(summary.problems).toEqual([
      { position: 1, line: 2, message: "the record is larger than 1 MB, the limit of one record" },
      {
        position: 2,
        line: 3,
        message: "the record is nested deeper than 32 levels of arrays and objects",
      },
      { position: 3, line: 4, message: "the scopes holds 201 scopes; an event holds at most 200" },
    ]);
  });

  it("keeps a member named __proto__ from reaching any prototype", async () => {
    const text = lines([oktaEvent()]).replace(
      '"uuid":',
      '"__proto__": { "polluted": true }, "debugContext": { "__proto__": { "debugData": { "grantedScopes": "admin" } } }, "uuid":',
    );
    const { records } = await readAll(text, { source: "okta" });
    expect(records).toHaveLength(1);
    expect(records[0]!.scopes).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("files that are refused", () => {
  it("JSON that is not UTF-8, with the line", async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`[\n${JSON.stringify(oktaEvent())},\n{"displayName": "Jos`),
      Buffer.from([0xe9]),
      Buffer.from('"}\n]'),
    ]);
    const error = await refusal(inChunks(latin1, 7), { source: "okta" });
    expect(error.message).toMatch(/^The file is not UTF-8 \(line 3\)/);
    expect(error.line).toBe(3);
  });

  it("CSV that is not UTF-8, and UTF-16", async () => {
    const latin1 = Buffer.from(
      "app,email,seen_at\nMiro,jos\xe9@northwind.example,2026-03-06\n",
      "latin1",
    );
    expect((await refusal(latin1, { source: "csv" })).message).toMatch(
      /^The file is not UTF-8 \(line 2\)/,
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("app,email", "utf16le")]);
    expect((await refusal(utf16, { source: "entra", format: "csv" })).message).toMatch(
      /^The file is UTF-16/,
    );
  });

  it("JSON that is not the expected shape says what was expected", async () => {
    expect((await refusal('{ "value": [] }', { source: "okta" })).message).toBe(
      'The file is not what was expected: it holds an object; expected a JSON array of Okta System Log events, as GET /api/v1/logs returns them ([{ "uuid": …, "eventType": … }, …]).',
    );
    expect((await refusal('{ "value": [] }', { source: "google" })).message).toMatch(
      /^The file is not what was expected: the object has no "items" list; expected the JSON of the Reports API's activities\.list/,
    );
    expect((await refusal('{ "items": {} }', { source: "google" })).message).toMatch(
      /^The file is not what was expected: "items" is not a list/,
    );
    expect((await refusal('"hello"', { source: "entra" })).message).toMatch(
      /^The file is not what was expected: it holds a single text; expected the JSON of Microsoft Graph's auditLogs\/signIns/,
    );
    expect((await refusal("app,email,seen_at\n", { source: "entra" })).message).toMatch(
      /^The file is not JSON \(line 1: expected a value\); expected the JSON of Microsoft Graph's/,
    );
    expect((await refusal(" \n ", { source: "google" })).message).toMatch(
      /^The file is empty: expected the JSON of the Reports API's/,
    );
  });

  it("JSON broken in the middle, with the line and the record", async () => {
    const broken = JSON.stringify(oktaEvent()).replace('","published"', '" "published"');
    const text = `[\n${JSON.stringify(oktaEvent())},\n${broken},\n${JSON.stringify(oktaEvent())}\n]`;
    const error = await refusal(text, { source: "okta" });
    expect(error.message).toBe('The file is not valid JSON: line 3 (record 2): expected ",".');
    expect([error.line, error.position]).toEqual([3, 2]);
    // The events before it were read (the caller's transaction drops them with the file).
    const reader = readActivityFile(text, { source: "okta", textProblem, batchSize: 1 });
    expect((await reader.next()).value).toMatchObject({ records: [{ position: 1 }] });
    await expect(reader.next()).rejects.toThrow(/line 3/);
  });

  it("JSON cut off", async () => {
    const text = lines([oktaEvent(), oktaEvent()]);
    const error = await refusal(text.slice(0, text.length - 40), { source: "okta" });
    expect(error.message).toBe(
      "The file ends before its JSON does (line 3, in record 2): it looks cut off.",
    );
  });

  it("CSV without the columns it needs, naming them and what is expected", async () => {
    expect(
      (await refusal("app,email,time_seen\nMiro,a@b.example,2026-03-06\n", { source: "csv" }))
        .message,
    ).toBe(
      'The header lacks the column "seen_at": expected the columns app, email, seen_at (and optionally source, scopes).',
    );
    expect((await refusal("app,email,seen_at\n", { source: "entra", format: "csv" })).message).toBe(
      'The header lacks the columns "Date (UTC)", "Username" or "User", "Application", "Status" or "Sign-in error code": expected the columns of the Entra sign-in logs download: "Date (UTC)", "Request ID", "Username", "Application", "Application ID", "Status".',
    );
    expect((await refusal("\n\n", { source: "csv" })).message).toMatch(
      /^The file is empty: expected a header row and the columns app, email, seen_at/,
    );
    expect((await refusal("app,email\u0000,seen_at\n", { source: "csv" })).message).toBe(
      "Column 2 of the header holds a control character (single-line).",
    );
  });

  it("CSV with a quote never closed, with the line of its record", async () => {
    const error = await refusal(
      'app,email,seen_at\nMiro,a@b.example,2026-03-06\n"Zoom,a@b.example,2026-03-06\nSlack,a@b.example,2026-03-06\n',
      { source: "csv" },
    );
    expect(error.message).toBe(
      "The file is not valid CSV: a quote opened in the record that starts on line 3 is never closed.",
    );
  });

  it("a format the source has no export in", async () => {
    await expect(readAll("[]", { source: "okta", format: "csv" })).rejects.toThrow(
      'There is no CSV export of source "okta".',
    );
  });
});

describe("JSON shapes", () => {
  it("Google: the response object and a bare array of its activities read alike", async () => {
    const items = [googleActivity(), googleActivity({ kind: "admin#reports#activity" })];
    const wrapped = await readAll(
      JSON.stringify(
        {
          kind: "admin#reports#activities",
          etag: '"abc/def"',
          extra: { nested: [{ items: [1, 2, 3] }], more: [[[]]] },
          items,
          nextPageToken: "A:1709538983482000:-6652372040620572028:token:C03az79cb",
        },
        null,
        2,
      ),
      { source: "google" },
    );
    const bare = await readAll(JSON.stringify(items, null, 2), { source: "google" });
    expect(wrapped.records).toEqual(bare.records);
    expect(wrapped.records).toHaveLength(2);
    expect(wrapped.summary.nextPage).toBe(
      "A:1709538983482000:-6652372040620572028:token:C03az79cb",
    );
    expect(bare.summary.nextPage).toBeNull();
  });

  it("Google: a page with no activities (no items at all) is an empty file, not a wrong one", async () => {
    const { records, summary } = await readAll(
      '{ "kind": "admin#reports#activities", "etag": "\\"x\\"" }',
      { source: "google" },
    );
    expect(records).toEqual([]);
    expect(summary.read).toBe(0);
  });

  it("Entra: the Graph page (next link after the list) and a bare array read alike", async () => {
    const signIns = [entraSignIn(), entraSignIn({ id: "r-2", status: { errorCode: 50074 } })];
    const page = await readAll(
      JSON.stringify({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns",
        value: signIns,
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=9a1b",
      }),
      { source: "entra" },
    );
    const bare = await readAll(JSON.stringify(signIns), { source: "entra" });
    expect(page.records).toEqual(bare.records);
    expect(page.summary.nextPage).toBe(
      "https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=9a1b",
    );
    expect(page.summary.skipped.not_successful).toBe(1);
  });

  it("skips the wrapper's other members whatever their size, keeping a bounded next page", async () => {
    const huge = "x".repeat(3 * 1024 * 1024);
    const { records, summary } = await readAll(
      `{ "${huge}": 1, "etag": "${huge}", "deep": ${"[".repeat(1000)}${"]".repeat(1000)}, ` +
        `"value": ${JSON.stringify([entraSignIn()])}, "@odata.nextLink": "${huge}" }`,
      { source: "entra" },
    );
    expect(records).toHaveLength(1);
    expect(summary.nextPage).toBeNull();
  });

  it("a pretty-printed element's problem names the line where it starts", async () => {
    const { summary } = await readAll(
      JSON.stringify([oktaEvent(), oktaEvent({ published: null })], null, 2),
      { source: "okta" },
    );
    const secondStart = JSON.stringify([oktaEvent()], null, 2).split("\n").length;
    expect(summary.problems).toEqual([
      { position: 2, line: secondStart, message: "published is required" },
    ]);
  });
});

describe("a large export", () => {
  it(
    "50,000 Okta events stream through in batches, never read ahead of them",
    { timeout: 60_000 },
    async () => {
      const total = 50_000;
      let produced = 0;
      const source = async function* () {
        yield Buffer.from("[\n");
        for (let i = 0; i < total; i++) {
          produced++;
          const event = oktaEvent({
            uuid: `e-${i}`,
            eventType: i % 10 === 9 ? "user.session.start" : "user.authentication.sso",
            actor: { type: "User", alternateId: `person.${i % 5000}@northwind.example` },
          });
          yield Buffer.from(`${i === 0 ? "" : ",\n"}${JSON.stringify(event)}`);
        }
        yield Buffer.from("\n]\n");
      };
      const reader = readActivityFile(source(), {
        source: "okta",
        textProblem,
        batchSize: 5000,
      });
      let kept = 0;
      let batches = 0;
      let producedAtFirstBatch = 0;
      for (;;) {
        const step = await reader.next();
        if (step.done) {
          expect(step.value).toMatchObject({
            read: total,
            kept: 45_000,
            skipped: { other_event_type: 5_000, not_successful: 0 },
            invalid: 0,
          });
          break;
        }
        if (batches === 0) producedAtFirstBatch = produced;
        batches++;
        kept += step.value.records.length;
        expect(step.value.records.length).toBeLessThanOrEqual(5000);
      }
      expect(kept).toBe(45_000);
      expect(batches).toBe(9);
      // The first batch came after about 5,000 kept events had been read, not the whole file.
      expect(producedAtFirstBatch).toBeLessThan(6000);
    },
  );
});
