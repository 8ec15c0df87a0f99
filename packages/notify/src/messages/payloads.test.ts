import { NOTIFICATION_TEMPLATES } from "@lantern/domain";
import { describe, expect, it } from "vitest";
import { InvalidNotificationError } from "./errors.ts";
import { fixtureContext, notificationFixtures } from "./fixtures.ts";
import { absoluteUrl } from "./links.ts";
import {
  ZTaskAssignedPayload,
  assertValidNotification,
  isNotificationTemplate,
  notificationPayloadSchemas,
  parseNotificationPayload,
} from "./payloads.ts";

describe("notification payload schemas", () => {
  it.each(NOTIFICATION_TEMPLATES)("accept the %s fixture as it is", (template) => {
    expect(notificationPayloadSchemas[template].parse(notificationFixtures[template])).toEqual(
      notificationFixtures[template],
    );
    expect(() => assertValidNotification(template, notificationFixtures[template])).not.toThrow();
  });

  it("drop keys they do not know", () => {
    const parsed = parseNotificationPayload("task.assigned", ZTaskAssignedPayload, {
      ...notificationFixtures["task.assigned"],
      internalNote: "not for the email",
    });
    expect(parsed).not.toHaveProperty("internalNote");
  });

  it("accept times with an offset and plain UTC times", () => {
    for (const dueAt of ["2026-11-27T17:00:00Z", "2026-11-27T18:00:00+01:00"]) {
      const parsed = parseNotificationPayload("task.assigned", ZTaskAssignedPayload, {
        ...notificationFixtures["task.assigned"],
        dueAt,
      });
      expect(parsed.dueAt).toBe(dueAt);
    }
  });

  it("list every problem in the message and name the first field", () => {
    try {
      assertValidNotification("task.assigned", {
        ...notificationFixtures["task.assigned"],
        appName: 1,
        path: "tasks",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidNotificationError);
      const invalid = error as InvalidNotificationError;
      expect(invalid.field).toBe("appName");
      expect(invalid.message).toMatch(
        /^Invalid payload for notification template "task\.assigned": appName: .+; path: .+/,
      );
    }
  });

  it("know the templates of the domain and nothing else", () => {
    for (const template of NOTIFICATION_TEMPLATES)
      expect(isNotificationTemplate(template)).toBe(true);
    expect(isNotificationTemplate("task.assigned ")).toBe(false);
    expect(() => assertValidNotification("nope", {})).toThrow(
      /Unknown notification template "nope"/,
    );
  });
});

describe("absoluteUrl", () => {
  it("joins the base URL and a path", () => {
    expect(absoluteUrl(fixtureContext.baseUrl, "/tasks/1042")).toBe(
      "https://lantern.acme.com/tasks/1042",
    );
    expect(absoluteUrl("https://acme.example.com/lantern//", "/settings")).toBe(
      "https://acme.example.com/lantern/settings",
    );
  });
});
