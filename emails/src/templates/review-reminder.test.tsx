import { describe, expect, it } from "vitest";
import { reviewReminderEmail } from "../index.ts";
import {
  expectDeepLink,
  expectEscaped,
  expectFooter,
  expectNoExternalResources,
  expectPreviewRenders,
  expectTextSnapshot,
  hostileText,
} from "../lib/testing.ts";
import ReviewReminderEmail, { type ReviewReminderEmailProps } from "./review-reminder.tsx";

const props: ReviewReminderEmailProps = {
  organizationName: "Example Org",
  settingsUrl: "https://lantern.example.com/settings",
  url: "https://lantern.example.com/reviews/queue?campaign=c-1",
  campaignName: "Q4 Salesforce review",
  dueAt: "2026-12-15T17:00:00.000Z",
  pendingCount: 5,
};

describe("reviewReminderEmail", () => {
  it("is framed as a reminder, with what is left and the due date", async () => {
    const { subject, text } = await reviewReminderEmail(props);
    expect(subject).toBe(
      "Reminder: Access review: Q4 Salesforce review (5 items left, due Dec 15, 2026)",
    );
    expect(text).toContain(
      "Q4 Salesforce review is due Dec 15, 2026. 5 items wait for your decision.",
    );
    const one = await reviewReminderEmail({ ...props, pendingCount: 1 });
    expect(one.subject).toContain("(1 item left, due Dec 15, 2026)");
    expect(one.text).toContain("1 item waits for your decision.");
  });

  it("deep-links to the reviewer's queue, says why it was sent, loads nothing", async () => {
    const rendered = await reviewReminderEmail(props);
    expectDeepLink(rendered, props.url);
    expect(rendered.html).toContain("Review your items</span>");
    expectFooter(
      rendered,
      "you have undecided items in the access review Q4 Salesforce review in Example Org",
      props.settingsUrl,
    );
    expectNoExternalResources(rendered.html);
  });

  it("escapes the campaign name", async () => {
    expectEscaped(await reviewReminderEmail({ ...props, campaignName: hostileText }));
  });

  it("renders the preview props used by `email dev`", async () => {
    await expectPreviewRenders(ReviewReminderEmail);
  });

  it("has a stable plain-text body", async () => {
    await expectTextSnapshot(await reviewReminderEmail(props), "review-reminder");
  });
});
