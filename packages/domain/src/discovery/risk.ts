// How risky a discovered (shadow) app is (SPEC §7, issue 17), judged only by the OAuth scopes
// people granted it: the identity provider's export tells us what the app was allowed to do, not
// what it did. Each scope gets a level and a few plain words an admin with no OAuth background
// can read on the Discovered tab ("can read all mail"), and the app gets the level of its
// riskiest scope.
//
// The levels, decided once so that every row of the tables below follows the same rule:
// - HIGH: the app can read (or change) a whole store of the organisation's data — all mail, all
//   files, every SharePoint site — or use administrator powers over the organisation or its
//   directory. One leaked token of such an app is a data breach.
// - MEDIUM: the app can act as the person (send mail, invite to meetings), or read a narrower
//   store in full (calendars, contacts, the names of files); and every scope Lantern does not
//   know: an admin should look at it, but we cannot claim it is dangerous.
// - LOW: sign-in and the person's own profile facts, or access limited to what the person picks
//   or the app itself created.

export type DiscoveryRisk = "HIGH" | "MEDIUM" | "LOW";

/** Every level, riskiest first: the order the Discovered tab sorts by. */
export const DISCOVERY_RISKS: readonly DiscoveryRisk[] = ["HIGH", "MEDIUM", "LOW"];

/** A level's place in DISCOVERY_RISKS (0 is the riskiest), for sorting here and in SQL. */
export const DISCOVERY_RISK_RANK: Record<DiscoveryRisk, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

export const DISCOVERY_RISK_LABEL: Record<DiscoveryRisk, string> = {
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

/** What one granted scope lets the app do. */
export interface ScopeMeaning {
  risk: DiscoveryRisk;
  /**
   * What the app can do, in plain words for an admin with no OAuth background, written to stand
   * as one reason in a list ("can read all mail", "sign-in only").
   */
  words: string;
}

/** For sorting riskiest first: negative when `a` is riskier than `b`, 0 when equal. */
export function compareRisk(a: DiscoveryRisk, b: DiscoveryRisk): number {
  return DISCOVERY_RISK_RANK[a] - DISCOVERY_RISK_RANK[b];
}

// ─────────────────────────────── What each scope means ───────────────────────────────

/** The words of an app seen signing people in, with no access to anything else. */
export const SIGN_IN_ONLY = "sign-in only";

// Words shared by Google's and Microsoft's scopes that allow the same thing: an app holding
// both shows the reason once.
const READS_MAIL_HEADERS = "sees who all mail is from and to, and its subjects";
const SENDS_MAIL = "can send mail as the person";
const READS_CALENDAR = "can read all calendar events";
const CHANGES_CALENDAR = "can read, change and delete all calendar events";
const READS_CONTACTS = "can read the person's contacts";
const CHANGES_CONTACTS = "can read, change and delete the person's contacts";

/**
 * The standard OpenID Connect scopes, which Google and Microsoft both take, bare or (Microsoft)
 * behind the Graph address.
 */
export const SIGN_IN_SCOPE_MEANINGS = {
  openid: { risk: "LOW", words: SIGN_IN_ONLY },
  email: { risk: "LOW", words: "sees the person's email address" },
  profile: { risk: "LOW", words: "sees the person's name and photo" },
  // LOW, though it sounds alarming: offline_access lets the app refresh its tokens, so it keeps
  // whatever else it was granted while the person is away. On its own it reaches no data at all,
  // and the app's level already comes from what it can reach (a mail reader is HIGH with or
  // without it). Raising it would make nearly every Microsoft sign-in MEDIUM, since Entra asks
  // for it by default, and bury the apps that matter. The words still say what it does.
  offline_access: { risk: "LOW", words: "keeps access when the person is away" },
} as const satisfies Record<string, ScopeMeaning>;

/**
 * Google's scopes, by their short name: the part after `https://www.googleapis.com/auth/`, or
 * `mail.google.com` for `https://mail.google.com/`. Families (`admin.…`) are in googleFamily.
 */
export const GOOGLE_SCOPE_MEANINGS = {
  "mail.google.com": { risk: "HIGH", words: "can read, send and delete all mail" },
  "gmail.readonly": { risk: "HIGH", words: "can read all mail" },
  "gmail.modify": { risk: "HIGH", words: "can read, send and change all mail" },
  // HIGH though it reaches no message body: who writes to whom, and every subject line, is
  // most of what a mailbox gives away.
  "gmail.metadata": { risk: "HIGH", words: READS_MAIL_HEADERS },
  "gmail.compose": { risk: "MEDIUM", words: "can write drafts and send mail as the person" },
  "gmail.send": { risk: "MEDIUM", words: SENDS_MAIL },
  "gmail.labels": { risk: "LOW", words: "can organise mail labels, not read mail" },
  drive: { risk: "HIGH", words: "can read, change and delete all files in Drive" },
  "drive.readonly": { risk: "HIGH", words: "can read all files in Drive" },
  "drive.metadata.readonly": {
    risk: "MEDIUM",
    words: "sees the names and details of all files in Drive",
  },
  "drive.file": { risk: "LOW", words: "only files the person opens or creates with it" },
  "drive.appdata": { risk: "LOW", words: "only its own settings folder in Drive" },
  spreadsheets: { risk: "HIGH", words: "can read, change and delete all spreadsheets in Drive" },
  "spreadsheets.readonly": { risk: "HIGH", words: "can read all spreadsheets in Drive" },
  documents: { risk: "HIGH", words: "can read, change and delete all documents in Drive" },
  "documents.readonly": { risk: "HIGH", words: "can read all documents in Drive" },
  calendar: { risk: "MEDIUM", words: CHANGES_CALENDAR },
  "calendar.readonly": { risk: "MEDIUM", words: READS_CALENDAR },
  "calendar.events": { risk: "MEDIUM", words: CHANGES_CALENDAR },
  "calendar.events.readonly": { risk: "MEDIUM", words: READS_CALENDAR },
  contacts: { risk: "MEDIUM", words: CHANGES_CONTACTS },
  "contacts.readonly": { risk: "MEDIUM", words: READS_CONTACTS },
  // The organisation's people, as Microsoft's User.Read.All: HIGH (see the header).
  "directory.readonly": { risk: "HIGH", words: "can read the whole organisation's directory" },
  "cloud-platform": { risk: "HIGH", words: "can manage everything in the person's Google Cloud" },
  "userinfo.email": SIGN_IN_SCOPE_MEANINGS.email,
  "userinfo.profile": SIGN_IN_SCOPE_MEANINGS.profile,
} as const satisfies Record<string, ScopeMeaning>;

/**
 * Microsoft Graph's permissions, in Graph's own spelling (matched in any case), bare or behind
 * `https://graph.microsoft.com/`. A delegated permission acts for the person who consented; the
 * `.All` ones reach beyond the person's own data.
 */
export const MICROSOFT_SCOPE_MEANINGS = {
  "Mail.Read": { risk: "HIGH", words: "can read all mail" },
  "Mail.ReadBasic": { risk: "HIGH", words: READS_MAIL_HEADERS },
  "Mail.ReadWrite": { risk: "HIGH", words: "can read, change and delete all mail" },
  "Mail.Read.Shared": {
    risk: "HIGH",
    words: "can read all mail, including mailboxes shared with the person",
  },
  "Mail.ReadWrite.Shared": {
    risk: "HIGH",
    words: "can read, change and delete all mail, including mailboxes shared with the person",
  },
  "Mail.Send": { risk: "MEDIUM", words: SENDS_MAIL },
  "Mail.Send.Shared": {
    risk: "MEDIUM",
    words: "can send mail as the person and from mailboxes shared with them",
  },
  "Files.Read": { risk: "HIGH", words: "can read all the person's files in OneDrive" },
  "Files.ReadWrite": {
    risk: "HIGH",
    words: "can read, change and delete all the person's files in OneDrive",
  },
  "Files.Read.All": {
    risk: "HIGH",
    words: "can read all files the person can open in OneDrive and SharePoint",
  },
  "Files.ReadWrite.All": {
    risk: "HIGH",
    words: "can read, change and delete all files the person can open in OneDrive and SharePoint",
  },
  "Files.ReadWrite.AppFolder": { risk: "LOW", words: "only its own folder in OneDrive" },
  "Sites.Read.All": {
    risk: "HIGH",
    words: "can read everything in the SharePoint sites the person can open",
  },
  "Sites.ReadWrite.All": {
    risk: "HIGH",
    words: "can read, change and delete everything in the SharePoint sites the person can open",
  },
  "Sites.FullControl.All": { risk: "HIGH", words: "has full control of every SharePoint site" },
  "Calendars.Read": { risk: "MEDIUM", words: READS_CALENDAR },
  "Calendars.ReadWrite": { risk: "MEDIUM", words: CHANGES_CALENDAR },
  "Contacts.Read": { risk: "MEDIUM", words: READS_CONTACTS },
  "Contacts.ReadWrite": { risk: "MEDIUM", words: CHANGES_CONTACTS },
  "User.Read": { risk: "LOW", words: "sign-in and the person's own profile" },
  // Names and email addresses of everyone, nothing more: enough for phishing lists, not more.
  "User.ReadBasic.All": {
    risk: "MEDIUM",
    words: "sees the names and email addresses of everyone in the organisation",
  },
  "User.Read.All": {
    risk: "HIGH",
    words: "can read everyone's profile in the organisation's directory",
  },
  "User.ReadWrite.All": { risk: "HIGH", words: "can change everyone's profile in the directory" },
  "Directory.Read.All": { risk: "HIGH", words: "can read the whole organisation's directory" },
  "Directory.ReadWrite.All": {
    risk: "HIGH",
    words: "can change the whole organisation's directory",
  },
  "Directory.AccessAsUser.All": {
    risk: "HIGH",
    words: "can do anything in the directory that the person can",
  },
  // ".default" stands for every permission configured for the app in Entra, which the sign-in
  // log does not list: Lantern cannot tell more, so it is treated as an unknown scope would be.
  ".default": {
    risk: "MEDIUM",
    words: "every permission set up for the app in Microsoft Entra (the log does not say which)",
  },
} as const satisfies Record<string, ScopeMeaning>;

const GOOGLE_PREFIX = "https://www.googleapis.com/auth/";
const GOOGLE_MAIL = "https://mail.google.com";
const MICROSOFT_PREFIX = "https://graph.microsoft.com/";

/** Lower-cased names, so that "mail.read" and "MAIL.READ" find "Mail.Read". */
const lowerCased = (table: Record<string, ScopeMeaning>) =>
  new Map(Object.entries(table).map(([name, meaning]) => [name.toLowerCase(), meaning]));

// Maps rather than property look-ups, so that a scope named "constructor" or "__proto__" is
// simply unknown.
const SIGN_IN = lowerCased(SIGN_IN_SCOPE_MEANINGS);
const GOOGLE = lowerCased(GOOGLE_SCOPE_MEANINGS);
const MICROSOFT = lowerCased(MICROSOFT_SCOPE_MEANINGS);

/** Google's administrator scopes, which come in families too many to list one by one. */
function googleFamily(name: string): ScopeMeaning | undefined {
  if (name.startsWith("admin.directory.")) {
    return name.endsWith(".readonly")
      ? {
          risk: "HIGH",
          words: "can read the organisation's users and directory as an administrator",
        }
      : { risk: "HIGH", words: "can administer the organisation's users and directory" };
  }
  if (name.startsWith("admin.")) {
    return {
      risk: "HIGH",
      words: "has administrator access to the organisation's Google Workspace",
    };
  }
  return undefined;
}

/** An unknown scope is quoted in its words with at most this many characters (then "…"). */
export const UNKNOWN_SCOPE_QUOTE_MAX = 80;

/**
 * The scope as it can be shown inside quotes: control characters become spaces, and a long one
 * is cut by characters (never inside a surrogate pair) with "…". The import already refuses
 * control characters; this keeps the function safe for any string.
 */
function quotable(scope: string): string {
  // Slicing first keeps a megabyte-long string from being split into code points in full. A
  // character takes at most two UTF-16 units, so one unit more than twice the bound is enough to
  // see whether anything lies beyond it (a half pair cut off there is never shown).
  const head = Array.from(scope.slice(0, UNKNOWN_SCOPE_QUOTE_MAX * 2 + 1));
  const cut = head.length > UNKNOWN_SCOPE_QUOTE_MAX;
  const shown = head.slice(0, UNKNOWN_SCOPE_QUOTE_MAX).join("");
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  return shown.replace(/[\u0000-\u001f\u007f]/g, " ") + (cut ? "…" : "");
}

/**
 * What one granted scope lets the app do. Google's (with or without its address, e.g.
 * `gmail.readonly`), Microsoft Graph's (bare or behind `https://graph.microsoft.com/`, in any
 * case) and the OpenID Connect ones are recognised; trailing slashes and blanks around the scope
 * do not matter. A blank scope grants nothing: sign-in only. Anything else is MEDIUM, with words
 * that say Lantern does not know it. Never throws.
 */
export function describeScope(scope: string): ScopeMeaning {
  const trimmed = scope.trim();
  const name = trimmed.toLowerCase().replace(/\/+$/, "");
  if (name === "") return { risk: "LOW", words: SIGN_IN_ONLY };

  let meaning: ScopeMeaning | undefined;
  if (name === GOOGLE_MAIL) {
    meaning = GOOGLE.get("mail.google.com");
  } else if (name.startsWith(GOOGLE_PREFIX)) {
    const short = name.slice(GOOGLE_PREFIX.length);
    meaning = GOOGLE.get(short) ?? googleFamily(short);
  } else if (name.startsWith(MICROSOFT_PREFIX)) {
    const short = name.slice(MICROSOFT_PREFIX.length);
    meaning = MICROSOFT.get(short) ?? SIGN_IN.get(short);
  } else {
    // A bare name: the three tables share no name, so the first that knows it decides.
    meaning = SIGN_IN.get(name) ?? GOOGLE.get(name) ?? MICROSOFT.get(name) ?? googleFamily(name);
  }
  return (
    meaning ?? { risk: "MEDIUM", words: `Lantern does not know the scope "${quotable(trimmed)}"` }
  );
}

// ─────────────────────────────── An app's risk ───────────────────────────────

/** Reasons shown for an app; the rest are counted ("and 3 more"). */
export const APP_RISK_REASONS_SHOWN = 5;

export interface AppRisk {
  risk: DiscoveryRisk;
  /**
   * What the app can do, riskiest first (in the order the scopes came within a level), each
   * distinct description once; at most APP_RISK_REASONS_SHOWN, then "and N more".
   */
  reasons: string[];
}

/**
 * An app's level is that of its riskiest scope. With no scopes at all — people were seen signing
 * in, but nobody consented to anything — it is LOW, "sign-in only"; that reason is left out when
 * any other scope says more (an app that reads mail is not "sign-in only").
 */
export function appRisk(scopes: readonly string[]): AppRisk {
  const byWords = new Map<string, DiscoveryRisk>();
  for (const scope of scopes) {
    const { risk, words } = describeScope(scope);
    // Equal words always come with an equal level: the tables give each description one level.
    if (!byWords.has(words)) byWords.set(words, risk);
  }
  if (byWords.size > 1) byWords.delete(SIGN_IN_ONLY);
  if (byWords.size === 0) return { risk: "LOW", reasons: [SIGN_IN_ONLY] };

  // Array.prototype.sort is stable: within a level, the scopes keep their order.
  const ranked = [...byWords].sort(([, a], [, b]) => compareRisk(a, b));
  const [, risk] = ranked[0] ?? ["", "LOW"];
  const reasons = ranked.slice(0, APP_RISK_REASONS_SHOWN).map(([words]) => words);
  const hidden = ranked.length - reasons.length;
  if (hidden > 0) reasons.push(`and ${hidden} more`);
  return { risk, reasons };
}
