import { describe, expect, it } from "vitest";
import { normaliseAppName } from "./app-name.ts";

describe("normaliseAppName", () => {
  it.each([
    // The same app as several exports name it.
    ["Zoom", "zoom"],
    ["Zoom (SSO)", "zoom"],
    ["zoom.us", "zoom"],
    ["ZOOM  ", "zoom"],
    ["Slack", "slack"],
    ["Slack SSO", "slack"],
    ["Slack [SAML]", "slack"],
    ["Notion", "notion"],
    ["Notion.so", "notion"],
    ["https://www.notion.so/", "notion"],
    ["Calendly.com", "calendly"],
    ["monday.com", "monday"],
    ["Otter.ai", "otter"],
    ["Miro", "miro"],
    ["Miro (OIDC)", "miro"],
    ["Lucidchart", "lucidchart"],
    ["Lucid Software, Inc.", "lucid software"],
    ["Acme Inc", "acme"],
    ["Acme, Inc.", "acme"],
    ["Acme Corp. (SSO)", "acme"],
    ["Dropbox Business", "dropbox business"],
    ["PDF Converter Pro", "pdf converter pro"],
    ["PDF  Converter   Pro", "pdf converter pro"],
    ["PDF-Converter Pro", "pdf converter pro"],
    ["Salesforce (Sandbox)", "salesforce"],
    ["Atlassian Pty Ltd", "atlassian"],
    ["Zoom Video Communications, Inc.", "zoom video communications"],
    ["Miró", "miro"],
    ["Marks & Spencer", "marks and spencer"],
    ["Marks and Spencer", "marks and spencer"],
    ["Sam's Club", "sams club"],
    ["bbc.co.uk", "bbc"],
    // Only forms and decorations go: words that tell apps apart stay.
    ["Google Drive", "google drive"],
    ["Google Workspace (Gmail)", "google workspace"],
    ["Microsoft Teams", "microsoft teams"],
    ["Node.js", "node js"],
    ["Cash App", "cash app"],
    // A name made only of decorations keeps its plain self.
    ["Inc", "inc"],
    ["(SSO)", "(sso)"],
    [".com", "com"],
    ["  ", ""],
  ])("%j → %j", (name, key) => {
    expect(normaliseAppName(name)).toBe(key);
  });

  it("merges the names the example exports give one app", () => {
    const names = ["PDF Converter Pro", "PDF Converter Pro (SSO)", "pdf converter pro"];
    expect(new Set(names.map(normaliseAppName))).toEqual(new Set(["pdf converter pro"]));
  });
});
