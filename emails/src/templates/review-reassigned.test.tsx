import { describe, expect, it } from "vitest";
import { reviewReassignedEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import ReviewReassignedEmail, { type ReviewReassignedEmailProps } from "./review-reassigned.tsx";

const props: ReviewReassignedEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/reviews/queue?campaign=c-1",
  campaignName: "Q4 Salesforce review",
  dueAt: "2026-12-15T17:00:00.000Z",
  itemCount: 3,
  reassignedBy: "Jamal Reed",
  reason: "Aisha leads the payments team.\nThese are their service accounts.",
};

describe("reviewReassignedEmail", () => {
  it("says in the subject that items were handed to the recipient", async () => {
    const { subject } = await reviewReassignedEmail(props);
    expect(subject).toBe("Reassigned to you: Access review: Q4 Salesforce review (3 items)");
  });

  it("says who reassigned how many items and why, keeping the reason's lines", async () => {
    const { html, text } = await reviewReassignedEmail(props);
    expect(text).toContain("Jamal Reed reassigned 3 items of Q4 Salesforce review to you.");
    expect(text).toContain(
      "Reason for the handover\n\nAisha leads the payments team.\nThese are their service accounts.",
    );
    expect(html).toContain("Aisha leads the payments team.<br/>These are their service accounts.");
    expect(text).toContain("3 items wait for your decision");
    expect(text).toMatch(/Due\s+Dec 15, 2026/);
  });

  it("deep-links to the reviewer's queue, says why it was sent, loads nothing", async () => {
    const rendered = await reviewReassignedEmail(props);
    expectDeepLink(rendered, props.url);
    expect(rendered.html).toContain("Review your items</span>");
    expectFooter(
      rendered,
      "review items of Q4 Salesforce review in Example Org were reassigned to you",
      props.settingsUrl,
    );
    expectNoExternalResources(rendered.html);
  });

  it("escapes the handover reason and who gave it", async () => {
    const rendered = await reviewReassignedEmail({
      ...props,
      reason: hostileText,
      reassignedBy: hostileText,
    });
    expectEscaped(rendered);
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(ReviewReassignedEmail);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await reviewReassignedEmail(props), "review-reassigned");
  });
});
