import { describe, expect, it } from "vitest";
import {
  APP_RISK_REASONS_SHOWN,
  appRisk,
  compareRisk,
  describeScope,
  DISCOVERY_RISK_LABEL,
  DISCOVERY_RISK_RANK,
  DISCOVERY_RISKS,
  GOOGLE_SCOPE_MEANINGS,
  MICROSOFT_SCOPE_MEANINGS,
  SIGN_IN_ONLY,
  SIGN_IN_SCOPE_MEANINGS,
  UNKNOWN_SCOPE_QUOTE_MAX,
  type DiscoveryRisk,
} from "./risk.ts";

const G = "https://www.googleapis.com/auth/";
const MS = "https://graph.microsoft.com/";

// Every recognised scope, in the spelling a provider's export uses, with what an admin reads.
const KNOWN: [scope: string, risk: DiscoveryRisk, words: string][] = [
  // OpenID Connect
  ["openid", "LOW", "sign-in only"],
  ["email", "LOW", "sees the person's email address"],
  ["profile", "LOW", "sees the person's name and photo"],
  ["offline_access", "LOW", "keeps access when the person is away"],
  // Google
  ["https://mail.google.com/", "HIGH", "can read, send and delete all mail"],
  [`${G}gmail.readonly`, "HIGH", "can read all mail"],
  [`${G}gmail.modify`, "HIGH", "can read, send and change all mail"],
  [`${G}gmail.metadata`, "HIGH", "sees who all mail is from and to, and its subjects"],
  [`${G}gmail.compose`, "MEDIUM", "can write drafts and send mail as the person"],
  [`${G}gmail.send`, "MEDIUM", "can send mail as the person"],
  [`${G}gmail.labels`, "LOW", "can organise mail labels, not read mail"],
  [`${G}drive`, "HIGH", "can read, change and delete all files in Drive"],
  [`${G}drive.readonly`, "HIGH", "can read all files in Drive"],
  [`${G}drive.metadata.readonly`, "MEDIUM", "sees the names and details of all files in Drive"],
  [`${G}drive.file`, "LOW", "only files the person opens or creates with it"],
  [`${G}drive.appdata`, "LOW", "only its own settings folder in Drive"],
  [`${G}spreadsheets`, "HIGH", "can read, change and delete all spreadsheets in Drive"],
  [`${G}spreadsheets.readonly`, "HIGH", "can read all spreadsheets in Drive"],
  [`${G}documents`, "HIGH", "can read, change and delete all documents in Drive"],
  [`${G}documents.readonly`, "HIGH", "can read all documents in Drive"],
  [`${G}calendar`, "MEDIUM", "can read, change and delete all calendar events"],
  [`${G}calendar.readonly`, "MEDIUM", "can read all calendar events"],
  [`${G}calendar.events`, "MEDIUM", "can read, change and delete all calendar events"],
  [`${G}calendar.events.readonly`, "MEDIUM", "can read all calendar events"],
  [`${G}contacts`, "MEDIUM", "can read, change and delete the person's contacts"],
  [`${G}contacts.readonly`, "MEDIUM", "can read the person's contacts"],
  [`${G}directory.readonly`, "HIGH", "can read the whole organisation's directory"],
  [`${G}cloud-platform`, "HIGH", "can manage everything in the person's Google Cloud"],
  [`${G}userinfo.email`, "LOW", "sees the person's email address"],
  [`${G}userinfo.profile`, "LOW", "sees the person's name and photo"],
  // Microsoft Graph
  ["Mail.Read", "HIGH", "can read all mail"],
  ["Mail.ReadBasic", "HIGH", "sees who all mail is from and to, and its subjects"],
  ["Mail.ReadWrite", "HIGH", "can read, change and delete all mail"],
  ["Mail.Read.Shared", "HIGH", "can read all mail, including mailboxes shared with the person"],
  [
    "Mail.ReadWrite.Shared",
    "HIGH",
    "can read, change and delete all mail, including mailboxes shared with the person",
  ],
  ["Mail.Send", "MEDIUM", "can send mail as the person"],
  ["Mail.Send.Shared", "MEDIUM", "can send mail as the person and from mailboxes shared with them"],
  ["Files.Read", "HIGH", "can read all the person's files in OneDrive"],
  ["Files.ReadWrite", "HIGH", "can read, change and delete all the person's files in OneDrive"],
  ["Files.Read.All", "HIGH", "can read all files the person can open in OneDrive and SharePoint"],
  [
    "Files.ReadWrite.All",
    "HIGH",
    "can read, change and delete all files the person can open in OneDrive and SharePoint",
  ],
  ["Files.ReadWrite.AppFolder", "LOW", "only its own folder in OneDrive"],
  ["Sites.Read.All", "HIGH", "can read everything in the SharePoint sites the person can open"],
  [
    "Sites.ReadWrite.All",
    "HIGH",
    "can read, change and delete everything in the SharePoint sites the person can open",
  ],
  ["Sites.FullControl.All", "HIGH", "has full control of every SharePoint site"],
  ["Calendars.Read", "MEDIUM", "can read all calendar events"],
  ["Calendars.ReadWrite", "MEDIUM", "can read, change and delete all calendar events"],
  ["Contacts.Read", "MEDIUM", "can read the person's contacts"],
  ["Contacts.ReadWrite", "MEDIUM", "can read, change and delete the person's contacts"],
  ["User.Read", "LOW", "sign-in and the person's own profile"],
  [
    "User.ReadBasic.All",
    "MEDIUM",
    "sees the names and email addresses of everyone in the organisation",
  ],
  ["User.Read.All", "HIGH", "can read everyone's profile in the organisation's directory"],
  ["User.ReadWrite.All", "HIGH", "can change everyone's profile in the directory"],
  ["Directory.Read.All", "HIGH", "can read the whole organisation's directory"],
  ["Directory.ReadWrite.All", "HIGH", "can change the whole organisation's directory"],
  ["Directory.AccessAsUser.All", "HIGH", "can do anything in the directory that the person can"],
  [
    ".default",
    "MEDIUM",
    "every permission set up for the app in Microsoft Entra (the log does not say which)",
  ],
];

const ADMIN_USERS = "can administer the organisation's users and directory";
const ADMIN_READS_USERS = "can read the organisation's users and directory as an administrator";
const ADMIN_OTHER = "has administrator access to the organisation's Google Workspace";

describe("describeScope: every recognised scope", () => {
  it.each(KNOWN)("%s → %s, %s", (scope, risk, words) => {
    expect(describeScope(scope)).toEqual({ risk, words });
  });

  it("the table above holds every scope of the three tables, and nothing else", () => {
    const short = (scope: string) =>
      scope === "https://mail.google.com/" ? "mail.google.com" : scope.replace(G, "");
    expect(KNOWN.map(([scope]) => short(scope)).sort()).toEqual(
      [
        ...Object.keys(SIGN_IN_SCOPE_MEANINGS),
        ...Object.keys(GOOGLE_SCOPE_MEANINGS),
        ...Object.keys(MICROSOFT_SCOPE_MEANINGS),
      ].sort(),
    );
  });

  it("the three tables share no name (a bare name cannot mean two things)", () => {
    const names = [
      ...Object.keys(SIGN_IN_SCOPE_MEANINGS),
      ...Object.keys(GOOGLE_SCOPE_MEANINGS),
      ...Object.keys(MICROSOFT_SCOPE_MEANINGS),
    ].map((name) => name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("equal words always carry an equal level (appRisk relies on it)", () => {
    const levels = new Map<string, Set<DiscoveryRisk>>();
    for (const [, risk, words] of [
      ...KNOWN,
      ["", "LOW", SIGN_IN_ONLY] as const,
      ["admin.directory.user", "HIGH", ADMIN_USERS] as const,
    ]) {
      levels.set(words, (levels.get(words) ?? new Set()).add(risk));
    }
    for (const [words, risks] of levels) expect([words, risks.size]).toEqual([words, 1]);
  });

  it("every description is plain words in lower case, with no OAuth jargon", () => {
    for (const [, , words] of KNOWN) {
      expect(words).toMatch(/^[a-z.]/);
      expect(words).not.toMatch(/scope|oauth|token|api/i);
    }
  });
});

describe("describeScope: Google's administrator families", () => {
  it.each<[string, DiscoveryRisk, string]>([
    [`${G}admin.directory.user`, "HIGH", ADMIN_USERS],
    [`${G}admin.directory.group`, "HIGH", ADMIN_USERS],
    [`${G}admin.directory.device.mobile.action`, "HIGH", ADMIN_USERS],
    [`${G}admin.directory.user.readonly`, "HIGH", ADMIN_READS_USERS],
    [`${G}admin.directory.group.member.readonly`, "HIGH", ADMIN_READS_USERS],
    ["admin.directory.user", "HIGH", ADMIN_USERS],
    ["ADMIN.DIRECTORY.USER.READONLY/", "HIGH", ADMIN_READS_USERS],
    [`${G}admin.reports.audit.readonly`, "HIGH", ADMIN_OTHER],
    [`${G}admin.datatransfer`, "HIGH", ADMIN_OTHER],
  ])("%s → %s, %s", (scope, risk, words) => {
    expect(describeScope(scope)).toEqual({ risk, words });
  });
});

describe("describeScope: how a scope may be spelled", () => {
  it.each<[string, string]>([
    // Google: with or without its address, trailing slashes, any case, blanks around.
    ["https://mail.google.com", "https://mail.google.com/"],
    ["https://mail.google.com//", "https://mail.google.com/"],
    ["HTTPS://MAIL.GOOGLE.COM/", "https://mail.google.com/"],
    ["mail.google.com", "https://mail.google.com/"],
    ["gmail.readonly", `${G}gmail.readonly`],
    ["gmail.send", `${G}gmail.send`],
    ["drive", `${G}drive`],
    ["drive.readonly", `${G}drive.readonly`],
    ["drive.file", `${G}drive.file`],
    ["calendar", `${G}calendar`],
    ["calendar.readonly", `${G}calendar.readonly`],
    ["contacts", `${G}contacts`],
    ["userinfo.email", `${G}userinfo.email`],
    ["userinfo.profile", `${G}userinfo.profile`],
    [`${G}drive/`, `${G}drive`],
    [`${G}Gmail.ReadOnly`, `${G}gmail.readonly`],
    [`  ${G}drive.file \t`, `${G}drive.file`],
    // OpenID Connect: any case, and behind the Graph address as Entra sometimes writes them.
    ["OpenID", "openid"],
    ["EMAIL", "email"],
    [`${MS}openid`, "openid"],
    [`${MS}offline_access`, "offline_access"],
    [`${MS}profile/`, "profile"],
    // Microsoft Graph: any case, bare or behind its address, trailing slashes.
    ["mail.read", "Mail.Read"],
    ["MAIL.READ", "Mail.Read"],
    ["mail.readwrite", "Mail.ReadWrite"],
    ["mail.send", "Mail.Send"],
    [`${MS}Mail.Read`, "Mail.Read"],
    [`${MS}mail.read/`, "Mail.Read"],
    ["HTTPS://GRAPH.MICROSOFT.COM/MAIL.READ", "Mail.Read"],
    [`${MS}Files.ReadWrite.All`, "Files.ReadWrite.All"],
    ["files.read.all", "Files.Read.All"],
    ["Sites.Read.All/", "Sites.Read.All"],
    ["calendars.readwrite", "Calendars.ReadWrite"],
    ["user.read", "User.Read"],
    ["directory.read.all", "Directory.Read.All"],
    [`${MS}.default`, ".default"],
  ])("%j means what %s means", (variant, canonical) => {
    expect(describeScope(variant)).toEqual(describeScope(canonical));
    expect(describeScope(variant).words).not.toMatch(/^Lantern does not know/);
  });
});

describe("describeScope: scopes Lantern does not know", () => {
  const unknown = (quoted: string) => ({
    risk: "MEDIUM",
    words: `Lantern does not know the scope "${quoted}"`,
  });
  const long = "x".repeat(UNKNOWN_SCOPE_QUOTE_MAX);

  it.each<[string, string, string]>([
    ["a made-up name", "widgets.frobnicate", "widgets.frobnicate"],
    ["quoted as written, without the blanks around", "  Widgets.Read ", "Widgets.Read"],
    ["a Slack scope", "channels:history", "channels:history"],
    ["a Graph name behind Google's address", `${G}Mail.Read`, `${G}Mail.Read`],
    ["a Google name behind Graph's address", `${MS}gmail.readonly`, `${MS}gmail.readonly`],
    ["Google's address alone", G, G],
    ["Graph's address alone", MS, MS],
    ["another Google host", "https://www.google.com/m8/feeds", "https://www.google.com/m8/feeds"],
    ["an object's own property name", "constructor", "constructor"],
    ["__proto__", "__proto__", "__proto__"],
    ["toString", "toString", "toString"],
    ["a near miss", "gmail.readonly.extra", "gmail.readonly.extra"],
    ["admin without a dot is no family", "administrator", "administrator"],
    ["exactly the longest quote", long, long],
    ["one character too long: cut", `${long}y`, `${long}…`],
    ["a megabyte: cut", "z".repeat(1_000_000), `${"z".repeat(UNKNOWN_SCOPE_QUOTE_MAX)}…`],
    [
      "exactly the longest quote, in characters of two units each",
      "😀".repeat(UNKNOWN_SCOPE_QUOTE_MAX),
      "😀".repeat(UNKNOWN_SCOPE_QUOTE_MAX),
    ],
    [
      "cut by characters, never inside a surrogate pair",
      "😀".repeat(UNKNOWN_SCOPE_QUOTE_MAX + 1),
      `${"😀".repeat(UNKNOWN_SCOPE_QUOTE_MAX)}…`,
    ],
    ["a control character becomes a space", "bad\u0000scope\u001b", "bad scope "],
    ["two scopes in one text are one unknown scope", "openid email", "openid email"],
  ])("%s", (_label, scope, quoted) => {
    expect(describeScope(scope)).toEqual(unknown(quoted));
  });

  it.each<[string]>([[""], ["   "], ["/"], ["//"]])("a blank scope %j grants nothing", (scope) => {
    expect(describeScope(scope)).toEqual({ risk: "LOW", words: SIGN_IN_ONLY });
  });
});

describe("appRisk", () => {
  const MAIL_ALL = "can read, send and delete all mail";
  const MAIL_READ = "can read all mail";
  const DRIVE_FILE = "only files the person opens or creates with it";
  const SEND = "can send mail as the person";
  const EMAIL = "sees the person's email address";
  const OFFLINE = "keeps access when the person is away";

  it.each<[string, string[], DiscoveryRisk, string[]]>([
    ["no scopes: seen signing in, nobody consented", [], "LOW", [SIGN_IN_ONLY]],
    ["blank scopes only", ["", "  "], "LOW", [SIGN_IN_ONLY]],
    ["openid alone", ["openid"], "LOW", [SIGN_IN_ONLY]],
    [
      "the usual sign-in set: 'sign-in only' gives way to the others",
      ["openid", "email", "profile"],
      "LOW",
      [EMAIL, "sees the person's name and photo"],
    ],
    [
      "Microsoft's default sign-in: offline access stays LOW",
      ["openid", "profile", "email", "offline_access", "User.Read"],
      "LOW",
      ["sees the person's name and photo", EMAIL, OFFLINE, "sign-in and the person's own profile"],
    ],
    [
      "the riskiest scope decides; reasons riskiest first",
      ["openid", "email", `${G}drive.file`, `${G}gmail.send`, "https://mail.google.com/"],
      "HIGH",
      [MAIL_ALL, SEND, EMAIL, DRIVE_FILE],
    ],
    [
      "both mail scopes keep their own words",
      ["https://mail.google.com/", `${G}gmail.readonly`],
      "HIGH",
      [MAIL_ALL, MAIL_READ],
    ],
    [
      "within a level, the scopes keep their order",
      [`${G}gmail.readonly`, "https://mail.google.com/"],
      "HIGH",
      [MAIL_READ, MAIL_ALL],
    ],
    [
      "no exact duplicates: the same scope twice, or two spellings of it",
      ["Mail.Read", "mail.read", `${MS}Mail.Read`, "gmail.readonly"],
      "HIGH",
      [MAIL_READ],
    ],
    [
      "Google and Microsoft scopes that allow the same thing show once",
      ["calendar.readonly", "Calendars.Read", "gmail.send", "Mail.Send"],
      "MEDIUM",
      ["can read all calendar events", SEND],
    ],
    [
      "email twice (OIDC and Google's userinfo.email)",
      ["email", `${G}userinfo.email`],
      "LOW",
      [EMAIL],
    ],
    [
      "an unknown scope makes a LOW app MEDIUM",
      ["openid", "email", "widgets.frobnicate"],
      "MEDIUM",
      ['Lantern does not know the scope "widgets.frobnicate"', EMAIL],
    ],
    [
      "an unknown scope does not lower a HIGH app",
      ["widgets.frobnicate", "Directory.Read.All"],
      "HIGH",
      [
        "can read the whole organisation's directory",
        'Lantern does not know the scope "widgets.frobnicate"',
      ],
    ],
    ["a blank scope among others is ignored", ["", "drive.file"], "LOW", [DRIVE_FILE]],
    [
      "exactly five reasons: no 'more'",
      ["openid", "email", "profile", "offline_access", "User.Read", "drive.file"],
      "LOW",
      [
        EMAIL,
        "sees the person's name and photo",
        OFFLINE,
        "sign-in and the person's own profile",
        DRIVE_FILE,
      ],
    ],
    [
      "six reasons: five and '1 more' (the least risky left out)",
      ["drive.file", "email", "Mail.Send", "Mail.Read", "Calendars.Read", "Files.Read.All"],
      "HIGH",
      [
        MAIL_READ,
        "can read all files the person can open in OneDrive and SharePoint",
        SEND,
        "can read all calendar events",
        DRIVE_FILE,
        "and 1 more",
      ],
    ],
    [
      "many: duplicates are not counted in 'more'",
      [
        "Mail.ReadWrite",
        "Files.ReadWrite.All",
        "Sites.ReadWrite.All",
        "Directory.ReadWrite.All",
        "User.ReadWrite.All",
        "Mail.ReadWrite",
        "contacts",
        "Contacts.ReadWrite",
        "openid",
        "email",
      ],
      "HIGH",
      [
        "can read, change and delete all mail",
        "can read, change and delete all files the person can open in OneDrive and SharePoint",
        "can read, change and delete everything in the SharePoint sites the person can open",
        "can change the whole organisation's directory",
        "can change everyone's profile in the directory",
        "and 2 more",
      ],
    ],
  ])("%s", (_label, scopes, risk, reasons) => {
    expect(appRisk(scopes)).toEqual({ risk, reasons });
  });

  it(`never shows more than ${APP_RISK_REASONS_SHOWN} reasons and the count of the rest`, () => {
    const scopes = Array.from({ length: 1000 }, (_, i) => `unknown.scope.${i}`);
    const { risk, reasons } = appRisk(scopes);
    expect(risk).toBe("MEDIUM");
    expect(reasons).toHaveLength(APP_RISK_REASONS_SHOWN + 1);
    expect(reasons[0]).toBe('Lantern does not know the scope "unknown.scope.0"');
    expect(reasons.at(-1)).toBe("and 995 more");
  });

  it("the app's level is the riskiest of its scopes' levels, for any pair of known scopes", () => {
    for (const [a, riskA] of KNOWN) {
      for (const [b, riskB] of KNOWN) {
        const expected = compareRisk(riskA, riskB) <= 0 ? riskA : riskB;
        expect(appRisk([a, b]).risk).toBe(expected);
      }
    }
  });
});

describe("levels", () => {
  it.each(DISCOVERY_RISKS)("%s has a label", (risk) => {
    expect(DISCOVERY_RISK_LABEL[risk]).toMatch(/^[A-Z][a-z]+$/);
  });

  it("labels and ranks", () => {
    expect(DISCOVERY_RISK_LABEL).toEqual({ HIGH: "High", MEDIUM: "Medium", LOW: "Low" });
    expect(DISCOVERY_RISKS.map((risk) => DISCOVERY_RISK_RANK[risk])).toEqual([0, 1, 2]);
  });

  it.each<[DiscoveryRisk, DiscoveryRisk, "<" | "=" | ">"]>([
    ["HIGH", "MEDIUM", "<"],
    ["HIGH", "LOW", "<"],
    ["MEDIUM", "LOW", "<"],
    ["MEDIUM", "HIGH", ">"],
    ["LOW", "HIGH", ">"],
    ["LOW", "MEDIUM", ">"],
    ["HIGH", "HIGH", "="],
    ["MEDIUM", "MEDIUM", "="],
    ["LOW", "LOW", "="],
  ])("compareRisk(%s, %s) %s 0", (a, b, sign) => {
    expect(Math.sign(compareRisk(a, b))).toBe({ "<": -1, "=": 0, ">": 1 }[sign]);
  });

  it("sorts riskiest first", () => {
    const risks: DiscoveryRisk[] = ["LOW", "HIGH", "MEDIUM", "LOW", "HIGH"];
    expect(risks.sort(compareRisk)).toEqual(["HIGH", "HIGH", "MEDIUM", "LOW", "LOW"]);
  });
});
