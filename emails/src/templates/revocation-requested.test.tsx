import { describe, expect, it } from "vitest";
import { revocationRequestedEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import RevocationRequestedEmail, {
  type RevocationRequestedEmailProps,
} from "./revocation-requested.tsx";

const props: RevocationRequestedEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/my-requests",
  requestKind: "REVOKE",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  accountLabel: "dana.ortiz",
  requesterName: "Maria Chen",
  reason: "Quarterly access review.",
  policyName: "Standard revocation",
};

describe("revocationRequestedEmail", () => {
  it("tells the owner whose access, where, who asked and why", async () => {
    const { subject, html, text } = await revocationRequestedEmail(props);
    expect(subject).toBe("Removal requested: your access to Admin in Salesforce");
    expect(text).toContain(
      "Maria Chen asked to remove the access of your account dana.ortiz to Admin in Salesforce.",
    );
    expect(text).toContain("Maria Chen's reason\n\nQuarterly access review.");
    expect(text).toMatch(/Account +dana\.ortiz/);
    expect(text).toMatch(/Policy +Standard revocation/);
    expect(html).toContain("Quarterly access review.");
  });

  it("deep-links to the request, says why it was sent, loads nothing", async () => {
    const rendered = await revocationRequestedEmail(props);
    expectDeepLink(rendered, props.url);
    expectFooter(
      rendered,
      "you own the account dana.ortiz in Salesforce at Example Org",
      props.settingsUrl,
    );
    expectNoExternalResources(rendered.html);
  });

  it("escapes the reason and the names", async () => {
    const rendered = await revocationRequestedEmail({
      ...props,
      reason: hostileText,
      requesterName: hostileText,
      accountLabel: hostileText,
    });
    expectEscaped(rendered);
  });

  it("says when no reason was given", async () => {
    const { text } = await revocationRequestedEmail({ ...props, reason: "" });
    expect(text).toContain("Maria Chen's reason\n\nNo reason given");
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(RevocationRequestedEmail);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await revocationRequestedEmail(props), "revocation-requested");
  });
});
