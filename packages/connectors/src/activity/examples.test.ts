import { describe, expect, it } from "vitest";
import { countBy, example, inChunks, readAll } from "./testing.ts";
import type { ActivityRecord } from "./types.ts";

// The example exports (examples/activity/) read as the demo organization's activity: Northwind
// Labs' people, its managed apps (Slack, Zoom, Notion, …) and shadow apps (PDF Converter Pro,
// Mailmeteor, …), and a person who has left (noah.goldstein) and one on leave (jack.sullivan).

const DOMAIN = "@northwind.example";
const emailsOf = (records: ActivityRecord[]) => new Set(records.map((r) => r.email));

describe("the Okta System Log example", () => {
  it("keeps sign-ins and consents, skips failures and other event types", async () => {
    const { records, summary } = await readAll(example("okta-system-log.json"), {
      source: "okta",
    });
    expect(summary).toEqual({
      source: "okta",
      format: "json",
      read: 88,
      kept: 69,
      skipped: { other_event_type: 12, not_successful: 7 },
      invalid: 0,
      problems: [],
      nextPage: null,
    });
    expect(records).toHaveLength(69);
    expect(countBy(records, (r) => r.kind)).toEqual({ sign_in: 62, consent: 7 });
    expect(records.every((r) => r.email.endsWith(DOMAIN) && r.source === "okta")).toBe(true);
    expect(emailsOf(records)).toContain("noah.goldstein@northwind.example");
    expect(emailsOf(records)).toContain("jack.sullivan@northwind.example");
  });

  it("reads a sign-in: the AppInstance target, the actor, the time, the uuid", async () => {
    const { records } = await readAll(example("okta-system-log.json"), { source: "okta" });
    expect(records[0]).toEqual({
      position: 1,
      eventId: "195a8e42-409a-11f0-3438-4c2d8480cddf",
      source: "okta",
      appKey: { externalId: "0oaG7TGsMYtFvPy5WLOx", name: "Notion" },
      email: "priya.shah@northwind.example",
      seenAt: new Date("2026-03-02T08:17:28.089Z"),
      kind: "sign_in",
      scopes: [],
    });
  });

  it("reads a consent: one ConsentGrant target per scope, the app by its OAuth client id", async () => {
    const { records } = await readAll(example("okta-system-log.json"), { source: "okta" });
    const consent = records.find((r) => r.eventId === "4f877cb3-bb70-11f0-1f4c-4f66f2e2dae7");
    expect(consent).toEqual({
      position: 56,
      eventId: "4f877cb3-bb70-11f0-1f4c-4f66f2e2dae7",
      source: "okta",
      // A consent names no app, only its client: the sign-ins to it carry the same id.
      appKey: { externalId: "0oaC4HWjZhG94mWQYWBd", name: "0oaC4HWjZhG94mWQYWBd" },
      email: "noah.goldstein@northwind.example",
      seenAt: new Date("2026-03-07T11:27:03.659Z"),
      kind: "consent",
      scopes: ["openid", "email", "profile", "offline_access"],
    });
    const signIns = records.filter(
      (r) => r.appKey.externalId === "0oaC4HWjZhG94mWQYWBd" && r.kind === "sign_in",
    );
    expect(new Set(signIns.map((r) => r.appKey.name))).toEqual(new Set(["PDF Converter Pro"]));
  });

  it("reads an OAuth authorization with the scopes granted (debugData.grantedScopes)", async () => {
    const { records } = await readAll(example("okta-system-log.json"), { source: "okta" });
    expect(records.find((r) => r.position === 8)).toMatchObject({
      eventId: "bcd874d4-0bdc-11f0-38d5-bd019bc35cce",
      appKey: { externalId: "0oaC4HWjZhG94mWQYWBd", name: "PDF Converter Pro" },
      email: "elena.petrova@northwind.example",
      kind: "sign_in",
      scopes: ["openid", "profile", "email", "offline_access"],
    });
  });
});

describe("the Google token audit example", () => {
  it("keeps the authorize events, skips API activity, requests and revocations", async () => {
    const { records, summary } = await readAll(example("google-token-audit.json"), {
      source: "google",
    });
    expect(summary).toEqual({
      source: "google",
      format: "json",
      read: 52,
      kept: 39,
      skipped: { other_event_type: 13, not_successful: 0 },
      invalid: 0,
      problems: [],
      nextPage: null,
    });
    expect(records.every((r) => r.kind === "consent" && r.email.endsWith(DOMAIN))).toBe(true);
    expect(countBy(records, (r) => r.appKey.name)).toMatchObject({
      "PDF Converter Pro": 6,
      Mailmeteor: 6,
      Calendly: 6,
    });
  });

  it("reads an authorize event: app_name, client_id, the scope list, the activity's id", async () => {
    const { records } = await readAll(example("google-token-audit.json"), { source: "google" });
    expect(records.find((r) => r.email === "noah.goldstein@northwind.example")).toEqual({
      position: 26,
      eventId: "2026-03-05T18:01:56.648Z/1439109163795070578/0",
      source: "google",
      appKey: {
        externalId: "917238749166-gfgafbfbfceefcehdcdidhifbddiafbg.apps.googleusercontent.com",
        name: "PDF Converter Pro",
      },
      email: "noah.goldstein@northwind.example",
      seenAt: new Date("2026-03-05T18:01:56.648Z"),
      kind: "consent",
      scopes: [
        "https://www.googleapis.com/auth/drive",
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/userinfo.email",
      ],
    });
  });

  it("gives each event of an activity its own id, and the activity's position", async () => {
    const { records } = await readAll(example("google-token-audit.json"), { source: "google" });
    const twins = records.filter((r) => r.position === 35);
    expect(twins.map((r) => r.eventId)).toEqual([
      "2026-03-04T07:36:23.482Z/-6652372040620572028/0",
      "2026-03-04T07:36:23.482Z/-6652372040620572028/1",
    ]);
    expect(new Set(twins.map((r) => r.appKey.name))).toEqual(new Set(["Mailmeteor"]));
  });
});

describe("the Entra sign-in examples", () => {
  it("keeps the JSON's successful sign-ins (status.errorCode 0)", async () => {
    const { records, summary } = await readAll(example("entra-sign-ins.json"), {
      source: "entra",
    });
    expect(summary).toEqual({
      source: "entra",
      format: "json",
      read: 62,
      kept: 50,
      skipped: { other_event_type: 0, not_successful: 12 },
      invalid: 0,
      problems: [],
      nextPage: null,
    });
    expect(records.find((r) => r.email === "jack.sullivan@northwind.example")).toEqual({
      position: 62,
      eventId: "105748f1-f8f1-4884-941e-1d56ee35497e",
      source: "entra",
      appKey: { externalId: "62c996c3-e860-4e54-9266-6e96d70f888f", name: "PDF Converter Pro" },
      email: "jack.sullivan@northwind.example",
      seenAt: new Date("2026-03-03T08:27:13Z"),
      kind: "sign_in",
      scopes: [],
    });
    // The disabled account's refused sign-in is not usage.
    expect(emailsOf(records)).not.toContain("noah.goldstein@northwind.example");
  });

  it("keeps the CSV download's Success rows, skips Failure and Interrupted ones", async () => {
    const { records, summary } = await readAll(example("entra-sign-ins.csv"), {
      source: "entra",
      format: "csv",
    });
    expect(summary).toMatchObject({
      format: "csv",
      read: 45,
      kept: 36,
      skipped: { other_event_type: 0, not_successful: 9 },
      invalid: 0,
    });
    expect(records.at(-1)).toEqual({
      position: 46,
      eventId: "41d0c627-68cc-40a3-9bc5-f0dd61b0d700",
      source: "entra",
      appKey: { externalId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264", name: "Microsoft Teams" },
      email: "alex.rivera@northwind.example",
      seenAt: new Date("2026-03-04T09:50:43Z"),
      kind: "sign_in",
      scopes: [],
    });
  });

  it("gives a sign-in the same event id in the JSON and in the CSV (its Request ID)", async () => {
    const json = await readAll(example("entra-sign-ins.json"), { source: "entra" });
    const csv = await readAll(example("entra-sign-ins.csv"), { source: "entra", format: "csv" });
    const ids = new Set(json.records.map((r) => r.eventId));
    const both = csv.records.filter((r) => ids.has(r.eventId));
    expect(both).toHaveLength(5);
    for (const record of both) {
      const twin = json.records.find((r) => r.eventId === record.eventId)!;
      expect({ ...record, position: 0 }).toEqual({ ...twin, position: 0 });
    }
  });
});

describe("the generic CSV example", () => {
  it("reads every row: the source label, scopes as a consent, emails lower-cased", async () => {
    const { records, summary } = await readAll(example("generic-activity.csv"), {
      source: "csv",
    });
    expect(summary).toMatchObject({ format: "csv", read: 40, kept: 40, invalid: 0 });
    expect(countBy(records, (r) => r.sourceLabel ?? "(none)")).toEqual({
      jumpcloud: 14,
      netskope: 17,
      "expense-reports": 4,
      "(none)": 5,
    });
    expect(countBy(records, (r) => r.kind)).toEqual({ sign_in: 36, consent: 4 });
    expect(records.slice(0, 2)).toEqual([
      {
        position: 2,
        eventId: "3b632dbefa218a95928799b8ca71a17f7bc59b9242c7a65dc21c3fb8736ae5c9",
        source: "csv",
        sourceLabel: "jumpcloud",
        appKey: { externalId: null, name: "Zapier" },
        email: "camille.dubois@northwind.example",
        seenAt: new Date("2026-03-05T08:05:43Z"),
        kind: "consent",
        scopes: [
          "https://www.googleapis.com/auth/gmail.readonly",
          "https://www.googleapis.com/auth/drive",
        ],
      },
      {
        position: 3,
        eventId: "fb4909859fd2d6bc582b41fa486b5862e3b87b1163215b3ed5535bd34c02ee8c",
        source: "csv",
        sourceLabel: "expense-reports",
        appKey: { externalId: null, name: "Otter.ai" },
        email: "hannah.okafor@northwind.example",
        // A date alone is midnight UTC.
        seenAt: new Date("2026-03-05T00:00:00Z"),
        kind: "sign_in",
        scopes: [],
      },
    ]);
    expect(records.find((r) => r.position === 6)!.email).toBe("wei.zhang@northwind.example");
    expect(records.every((r) => /^[0-9a-f]{64}$/.test(r.eventId))).toBe(true);
  });
});

describe("every example", () => {
  const cases = [
    ["okta-system-log.json", { source: "okta" }],
    ["google-token-audit.json", { source: "google" }],
    ["entra-sign-ins.json", { source: "entra" }],
    ["entra-sign-ins.csv", { source: "entra", format: "csv" }],
    ["generic-activity.csv", { source: "csv" }],
  ] as const;

  it.each(cases)("%s streamed in 7-byte chunks reads as the whole file", async (name, options) => {
    const whole = await readAll(example(name), options);
    const chunked = await readAll(inChunks(example(name), 7), options);
    expect(chunked.records).toEqual(whole.records);
    expect(chunked.summary).toEqual(whole.summary);
  });

  it.each(cases)("%s gives the same event ids when read again", async (name, options) => {
    const first = await readAll(example(name), options);
    const again = await readAll(example(name).toString("utf8"), options);
    expect(again.records.map((r) => r.eventId)).toEqual(first.records.map((r) => r.eventId));
    // Unique within a file: the Google activity holding two grants gives each its own.
    expect(new Set(first.records.map((r) => r.eventId)).size).toBe(first.records.length);
  });

  it.each(cases)("%s comes in batches of the size asked for", async (name, options) => {
    const { batches, summary } = await readAll(example(name), { ...options, batchSize: 16 });
    expect(batches.slice(0, -1).every((size) => size === 16)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(summary.kept);
  });
});
