import { describe, expect, it } from "vitest";
import { TASK_KINDS, type TaskKind } from "./copy.ts";
import {
  DIGEST_TASKS_PER_KIND,
  digestCountsLine,
  digestMainKind,
  digestSections,
  digestTaskDetail,
  inboxTitle,
} from "./digest.ts";

const t = (number: number, kind: TaskKind, openedAt: string) => ({
  number,
  kind,
  subject: "Dana",
  openedAt,
});

describe("digestSections", () => {
  it("groups per kind in a fixed order, the oldest first, leaving out empty kinds", () => {
    const sections = digestSections({ APPROVAL: 0, PROVISION: 2, DEPROVISION: 1 }, [
      t(3, "DEPROVISION", "2026-11-01T00:00:00Z"),
      t(2, "PROVISION", "2026-11-20T00:00:00Z"),
      t(1, "PROVISION", "2026-11-10T00:00:00Z"),
    ]);
    expect(sections.map((s) => [s.kind, s.title, s.count, s.tasks.map((x) => x.number)])).toEqual([
      ["PROVISION", "Provisioning", 2, [1, 2]],
      ["DEPROVISION", "Deprovisioning", 1, [3]],
    ]);
  });

  it("breaks ties by task number and puts unreadable times last", () => {
    const [section] = digestSections({ APPROVAL: 3, PROVISION: 0, DEPROVISION: 0 }, [
      t(9, "APPROVAL", "bad"),
      t(8, "APPROVAL", "2026-11-10T00:00:00Z"),
      t(7, "APPROVAL", "2026-11-10T00:00:00Z"),
    ]);
    expect(section?.tasks.map((x) => x.number)).toEqual([7, 8, 9]);
  });

  it(`lists at most ${DIGEST_TASKS_PER_KIND} per kind and counts the rest`, () => {
    const tasks = Array.from({ length: 14 }, (_, i) => t(i, "APPROVAL", "2026-11-10T00:00:00Z"));
    const [section] = digestSections({ APPROVAL: 20, PROVISION: 0, DEPROVISION: 0 }, tasks);
    expect(section?.tasks).toHaveLength(DIGEST_TASKS_PER_KIND);
    expect(section?.more).toBe(10);
  });

  it("never shows a count below the tasks it lists", () => {
    const [section] = digestSections({ APPROVAL: 0, PROVISION: 0, DEPROVISION: 0 }, [
      t(1, "APPROVAL", "2026-11-10T00:00:00Z"),
    ]);
    expect(section?.count).toBe(1);
    expect(section?.more).toBe(0);
  });
});

describe("digest words", () => {
  it("summarises the counts", () => {
    expect(digestCountsLine({ APPROVAL: 3, PROVISION: 1, DEPROVISION: 2 })).toBe(
      "3 approvals, 1 to provision, 2 to deprovision",
    );
    expect(digestCountsLine({ APPROVAL: 1, PROVISION: 0, DEPROVISION: 0 })).toBe("1 approval");
    expect(digestCountsLine({ APPROVAL: 0, PROVISION: 0, DEPROVISION: 0 })).toBe("no open tasks");
  });

  it("opens the inbox of the first kind with work", () => {
    expect(digestMainKind({ APPROVAL: 0, PROVISION: 2, DEPROVISION: 1 })).toBe("PROVISION");
    expect(digestMainKind({ APPROVAL: 0, PROVISION: 0, DEPROVISION: 1 })).toBe("DEPROVISION");
    expect(digestMainKind({ APPROVAL: 0, PROVISION: 0, DEPROVISION: 0 })).toBe("APPROVAL");
    expect(TASK_KINDS.map(inboxTitle)).toEqual(["Requests", "Requests", "Revocations"]);
  });

  it("describes a listed task", () => {
    expect(
      digestTaskDetail(
        { ...t(1, "DEPROVISION", "2026-11-20T10:00:00Z"), dueAt: "2026-11-23T10:00:00Z" },
        "2026-11-24",
      ),
    ).toBe("from Dana · open 4 days · overdue since Nov 23, 2026");
  });
});
