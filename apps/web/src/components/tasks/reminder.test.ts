import { describe, expect, it } from "vitest";
import { formatClock, reminderSentTitle, reminderStatus, tooSoonMessage } from "./reminder.ts";

const T = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 14, 5 + minutes));
const dana = { id: "u-dana", displayName: "Dana Ortiz" };

describe("reminderStatus", () => {
  it("never reminded: ready, nothing to say", () => {
    expect(
      reminderStatus(
        { allowed: true, lastRemindedAt: null, lastRemindedBy: null, availableAt: null },
        T(0),
      ),
    ).toEqual({ ready: true, line: null });
  });

  it("within the hour: not ready, says when it was sent, by whom and when the next can go", () => {
    expect(
      reminderStatus(
        { allowed: true, lastRemindedAt: T(0), lastRemindedBy: dana, availableAt: T(60) },
        T(12),
      ),
    ).toEqual({
      ready: false,
      line: `Reminder sent 12 minutes ago by Dana Ortiz · next possible at ${formatClock(T(60))}`,
    });
  });

  it("the viewer's own reminder reads 'by you'", () => {
    expect(
      reminderStatus(
        { allowed: true, lastRemindedAt: T(0), lastRemindedBy: dana, availableAt: T(60) },
        T(0),
        "u-dana",
      ).line,
    ).toBe(`Reminder sent just now by you · next possible at ${formatClock(T(60))}`);
  });

  it("the page stays open past the hour: ready again", () => {
    expect(
      reminderStatus(
        { allowed: true, lastRemindedAt: T(0), lastRemindedBy: dana, availableAt: T(60) },
        T(60),
      ),
    ).toEqual({ ready: true, line: "Last reminder sent 1 hour ago by Dana Ortiz." });
  });

  it("an old reminder (the server says one can go now)", () => {
    expect(
      reminderStatus(
        { allowed: true, lastRemindedAt: T(-180), lastRemindedBy: null, availableAt: null },
        T(0),
      ),
    ).toEqual({ ready: true, line: "Last reminder sent 3 hours ago." });
  });
});

describe("reminder messages", () => {
  it("names who was reminded", () => {
    expect(reminderSentTitle([{ displayName: "Pat Lee" }])).toBe("Reminder sent to Pat Lee");
    expect(reminderSentTitle([{ displayName: "Pat Lee" }, { displayName: "Quinn Baker" }])).toBe(
      "Reminder sent to Pat Lee and Quinn Baker",
    );
  });

  it("a too-soon refusal in clock times, from the details", () => {
    expect(
      tooSoonMessage({
        lastRemindedAt: T(0).toISOString(),
        lastRemindedBy: "Dana Ortiz",
        availableAt: T(60).toISOString(),
      }),
    ).toBe(
      `A reminder was sent at ${formatClock(T(0))} by Dana Ortiz; the next one can be sent after ${formatClock(T(60))}.`,
    );
    expect(tooSoonMessage(null)).toBeNull();
    expect(tooSoonMessage({ completedBy: "Pat Lee" })).toBeNull();
  });
});
