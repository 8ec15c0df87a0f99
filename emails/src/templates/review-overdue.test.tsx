import { describe, expect, it } from "vitest";
import { reviewOverdueEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import ReviewOverdueEmail, { type ReviewOverdueEmailProps } from "./review-overdue.tsx";

const props: ReviewOverdueEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/reviews/c-1",
  campaignName: "Q4 Salesforce review",
  dueAt: "2026-11-30T17:00:00.000Z",
  pendingCount: 12,
  decidedCount: 28,
  totalCount: 40,
};

describe("reviewOverdueEmail", () => {
  it("says in the subject that the campaign is overdue, with how much is undecided", async () => {
    const { subject } = await reviewOverdueEmail(props);
    expect(subject).toBe("Access review overdue: Q4 Salesforce review (12 of 40 items undecided)");
  });

  it("leads with what is late, then the progress and what an admin can do", async () => {
    const { text } = await reviewOverdueEmail(props);
    expect(text).toContain(
      "Q4 Salesforce review was due Nov 30, 2026 and 12 items are still undecided.",
    );
    expect(text).toMatch(/Decided\s+28 of 40 items/);
    expect(text).toMatch(/Undecided\s+12/);
    expect(text).toContain("close the campaign: undecided items are then recorded as not reviewed");
    const one = await reviewOverdueEmail({
      ...props,
      pendingCount: 1,
      decidedCount: 0,
      totalCount: 1,
    });
    expect(one.text).toContain("and 1 item is still undecided.");
  });

  it("deep-links to the campaign, says why it was sent, loads nothing", async () => {
    const rendered = await reviewOverdueEmail(props);
    expectDeepLink(rendered, props.url);
    expect(rendered.html).toContain("Open the campaign</span>");
    expectFooter(rendered, "you are a super admin of Example Org", props.settingsUrl);
    expectNoExternalResources(rendered.html);
  });

  it("escapes the campaign name", async () => {
    expectEscaped(await reviewOverdueEmail({ ...props, campaignName: hostileText }));
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(ReviewOverdueEmail);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await reviewOverdueEmail(props), "review-overdue");
  });
});
