import { describe, expect, it } from "vitest";
import { reviewAssignedEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import ReviewAssignedEmail, { type ReviewAssignedEmailProps } from "./review-assigned.tsx";

const props: ReviewAssignedEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/reviews/queue?campaign=c-1",
  campaignName: "Q4 Salesforce review",
  dueAt: "2026-12-15T17:00:00.000Z",
  itemCount: 12,
  startedBy: "Priya Natarajan",
  level: 1,
};

describe("reviewAssignedEmail", () => {
  it("names the campaign, the count and the due date in the subject", async () => {
    const { subject } = await reviewAssignedEmail(props);
    expect(subject).toBe("Access review: Q4 Salesforce review (12 items, due Dec 15, 2026)");
    const one = await reviewAssignedEmail({ ...props, itemCount: 1 });
    expect(one.subject).toBe("Access review: Q4 Salesforce review (1 item, due Dec 15, 2026)");
  });

  it("says who started the campaign and how many items wait, in words", async () => {
    const { text } = await reviewAssignedEmail(props);
    expect(text).toContain(
      "Priya Natarajan started the access review Q4 Salesforce review. 12 items wait for your decision: keep the access or revoke it.",
    );
    expect(text).toMatch(/Due\s+Dec 15, 2026/);
    expect(text).not.toContain("first level");
    const one = await reviewAssignedEmail({ ...props, itemCount: 1 });
    expect(one.text).toContain("1 item waits for your decision");
  });

  it("at the second level, says the items were kept once and need a second look", async () => {
    const { subject, text } = await reviewAssignedEmail({ ...props, level: 2, itemCount: 4 });
    expect(subject).toBe("Second-level review: Q4 Salesforce review (4 items, due Dec 15, 2026)");
    expect(text).toContain("These items were kept at the first level and need a second look.");
    expect(text).toContain("4 items wait for your decision");
    expect(text).not.toContain("started the access review");
  });

  it("deep-links to the reviewer's queue, says why it was sent, loads nothing", async () => {
    const rendered = await reviewAssignedEmail(props);
    expectDeepLink(rendered, props.url);
    expect(rendered.html).toContain("Review your items</span>");
    expectFooter(
      rendered,
      "you review items of the access review Q4 Salesforce review in Example Org",
      props.settingsUrl,
    );
    expectNoExternalResources(rendered.html);
  });

  it("escapes the campaign name and who started it", async () => {
    const rendered = await reviewAssignedEmail({
      ...props,
      campaignName: hostileText,
      startedBy: hostileText,
    });
    expectEscaped(rendered);
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(ReviewAssignedEmail);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await reviewAssignedEmail(props), "review-assigned");
    await expectTextSnapshot(
      await reviewAssignedEmail({ ...props, level: 2, itemCount: 1 }),
      "review-assigned.second-level",
    );
  });
});
