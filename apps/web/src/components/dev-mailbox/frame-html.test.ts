import { describe, expect, it } from "vitest";
import { EMAIL_FRAME_SANDBOX, emailFrameHtml } from "./frame-html.ts";

const ADDED = '<base target="_blank"><meta name="referrer" content="no-referrer">';

describe("emailFrameHtml", () => {
  it.each([
    {
      name: "a full document: first thing in its head",
      html: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><a href="https://x.example/tasks/1">Open task</a></body></html>',
      expected: `<!DOCTYPE html><html lang="en"><head>${ADDED}<meta charset="utf-8"><title>T</title></head><body><a href="https://x.example/tasks/1">Open task</a></body></html>`,
    },
    {
      name: "a head with attributes, in capitals",
      html: '<HTML><HEAD data-x="1"></HEAD><BODY>Hi</BODY></HTML>',
      expected: `<HTML><HEAD data-x="1">${ADDED}</HEAD><BODY>Hi</BODY></HTML>`,
    },
    {
      name: "a <header> element is not the head",
      html: "<body><header>Lantern</header></body>",
      expected: `${ADDED}<body><header>Lantern</header></body>`,
    },
    { name: "a fragment: before it", html: "<p>Hi</p>", expected: `${ADDED}<p>Hi</p>` },
    { name: "empty", html: "", expected: ADDED },
  ])("$name", ({ html, expected }) => {
    expect(emailFrameHtml(html)).toBe(expected);
  });

  it("only the first head gets them", () => {
    const out = emailFrameHtml("<head></head><head></head>");
    expect(out).toBe(`<head>${ADDED}</head><head></head>`);
  });
});

describe("EMAIL_FRAME_SANDBOX", () => {
  const flags = EMAIL_FRAME_SANDBOX.split(/\s+/);
  it("lets links open a new, ordinary tab", () => {
    expect(flags).toEqual(
      expect.arrayContaining(["allow-popups", "allow-popups-to-escape-sandbox"]),
    );
  });
  it.each([
    "allow-scripts",
    "allow-same-origin",
    "allow-forms",
    "allow-top-navigation",
    "allow-modals",
  ])("never allows %s", (flag) => {
    expect(flags.some((f) => f.startsWith(flag))).toBe(false);
  });
});
