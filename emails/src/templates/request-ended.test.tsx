import { describe, expect, it } from "vitest";
import { requestEndedEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import RequestCancelledEmail from "./request-cancelled.tsx";
import RequestCompletedEmail from "./request-completed.tsx";
import RequestDeniedEmail from "./request-denied.tsx";
import { type RequestEndedEmailProps } from "./request-ended.tsx";
import RequestErroredEmail from "./request-errored.tsx";

const props: RequestEndedEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/tasks/1042",
  state: "COMPLETED",
  requestKind: "GRANT",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  requesterName: "Maria Chen",
  reason: "Takes over the pipeline reports.",
  policyName: "Standard access",
  note: null,
  taskNumber: 1042,
  recipientRole: "REQUESTER",
};

describe("requestEndedEmail", () => {
  it.each([
    ["COMPLETED", "GRANT", "Access granted: Admin in Salesforce for Dana Ortiz (#1042)"],
    ["COMPLETED", "REVOKE", "Access removed: Admin in Salesforce from Dana Ortiz (#1042)"],
    ["ERRORED", "GRANT", "Request errored: Admin in Salesforce for Dana Ortiz (#1042)"],
    ["ERRORED", "REVOKE", "Revocation errored: Admin in Salesforce from Dana Ortiz (#1042)"],
    ["DENIED", "GRANT", "Request denied: Admin in Salesforce for Dana Ortiz (#1042)"],
    ["DENIED", "REVOKE", "Revocation denied: Admin in Salesforce from Dana Ortiz (#1042)"],
    ["CANCELLED", "GRANT", "Request cancelled: Admin in Salesforce for Dana Ortiz (#1042)"],
    ["CANCELLED", "REVOKE", "Revocation cancelled: Admin in Salesforce from Dana Ortiz (#1042)"],
  ] as const)("%s %s has the subject %j", async (state, requestKind, expected) => {
    const { subject, text } = await requestEndedEmail({ ...props, state, requestKind });
    expect(subject).toBe(expected);
    expect(text).toContain(expected.replace(" (#1042)", "").toUpperCase());
  });

  it("reads as removed access when a revocation completes", async () => {
    const { text } = await requestEndedEmail({ ...props, requestKind: "REVOKE" });
    expect(text).toContain(
      "Dana Ortiz no longer has Admin in Salesforce: the access was removed in task #1042.",
    );
    expect(text).toMatch(/Held by +Dana Ortiz/);
  });

  it("puts the error reason first, before the summary", async () => {
    const { html, text } = await requestEndedEmail({
      ...props,
      state: "ERRORED",
      note: "Salesforce refused: no Admin licence left.",
    });
    const error = text.indexOf("Error\n\nSalesforce refused: no Admin licence left.");
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThan(text.indexOf("The request could not be completed"));
    expect(text).toContain("An owner of Salesforce or a super admin can retry the request");
    // The danger tone (red bar) marks it in HTML.
    expect(html).toContain("lt-callout-danger");
  });

  it("says so when an error came without a reason", async () => {
    const { text } = await requestEndedEmail({ ...props, state: "ERRORED", note: "  " });
    expect(text).toContain("Error\n\nNo error reason was given.");
  });

  it("shows the denial reason and the withdrawal note", async () => {
    const denied = await requestEndedEmail({ ...props, state: "DENIED", note: "Not for interns." });
    expect(denied.text).toContain("Reason for the denial\n\nNot for interns.");
    const cancelled = await requestEndedEmail({
      ...props,
      state: "CANCELLED",
      note: "No longer needed.",
    });
    expect(cancelled.text).toContain("Note\n\nNo longer needed.");
    expect(cancelled.text).toContain("Nothing was changed in Salesforce.");
  });

  it.each([
    ["REQUESTER", "GRANT", "you requested this access in Example Org"],
    ["REQUESTER", "REVOKE", "you asked for this access to be removed in Example Org"],
    ["ACCOUNT_OWNER", "REVOKE", "you own the account this request is about, in Example Org"],
    ["APP_OWNER", "GRANT", "you are an owner of Salesforce in Example Org"],
    [null, "GRANT", "you take part in this request in Example Org"],
  ] as const)("a %s of a %s request is told why it got the email", async (role, kind, reason) => {
    const rendered = await requestEndedEmail({
      ...props,
      recipientRole: role,
      requestKind: kind,
    });
    expectFooter(rendered, reason, props.settingsUrl);
  });

  it("deep-links to the task, or to the request when no task ended it", async () => {
    const withTask = await requestEndedEmail(props);
    expectDeepLink(withTask, props.url);
    expect(withTask.html).toContain("Open task #1042</span>");
    const url = "https://lantern.example.com/my-requests";
    const withoutTask = await requestEndedEmail({ ...props, taskNumber: null, url });
    expectDeepLink(withoutTask, url);
    expect(withoutTask.html).toContain("View the request</span>");
    expect(withoutTask.subject).toBe("Access granted: Admin in Salesforce for Dana Ortiz");
  });

  it("loads no external resources", async () => {
    const { html } = await requestEndedEmail({ ...props, state: "ERRORED", note: "x" });
    expectNoExternalResources(html);
  });

  it("escapes the note, the reason and the names", async () => {
    for (const state of ["COMPLETED", "ERRORED", "DENIED", "CANCELLED"] as const) {
      const rendered = await requestEndedEmail({
        ...props,
        state,
        note: hostileText,
        reason: hostileText,
        subject: hostileText,
      });
      expectEscaped(rendered);
    }
  });

  it.each([
    ["request-completed", RequestCompletedEmail],
    ["request-errored", RequestErroredEmail],
    ["request-denied", RequestDeniedEmail],
    ["request-cancelled", RequestCancelledEmail],
  ] as const)("renders the preview props of %s.tsx", async (_name, Email) => {
    await expectPreviewRenders(Email);
  });

  it.each([
    ["completed", { state: "COMPLETED", note: "Granted in the Admin profile." }],
    ["completed-revoke", { state: "COMPLETED", requestKind: "REVOKE", note: null }],
    ["errored", { state: "ERRORED", note: "Salesforce refused: no Admin licence left." }],
    ["denied", { state: "DENIED", note: "Admin is for RevOps only." }],
    ["cancelled", { state: "CANCELLED", note: "No longer needed.", taskNumber: null }],
  ] as const)("has a stable plain-text body (%s)", async (name, change) => {
    await expectTextSnapshot(await requestEndedEmail({ ...props, ...change }), `request-${name}`);
  });
});
