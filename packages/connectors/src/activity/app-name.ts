// One key for one app, whichever export named it: Okta says "Zoom (SSO)", Google "Zoom",
// Entra "Zoom Video Communications, Inc.", a spreadsheet "zoom.us". The aggregation of shadow
// apps (SPEC §7) merges records whose names give the same key.

/** Company forms dropped from the end of a name ("Acme, Inc." is Acme). */
const COMPANY_FORMS = [
  "incorporated",
  "inc",
  "llc",
  "l l c",
  "ltd",
  "limited",
  "corporation",
  "corp",
  "gmbh",
  "ag",
  "plc",
  "pty",
  "bv",
  "sa",
  "sas",
  "srl",
  "oy",
  "ab",
  "as",
  "co",
  "company",
];

/** Words that say how the app is reached, not which app it is ("Slack SSO"). */
const ACCESS_WORDS = ["sso", "saml", "saml2", "saml 2 0", "oidc", "oauth", "oauth2", "scim", "swa"];

/** Top-level domains dropped from a name written as a domain ("Notion.so", "zoom.us"). */
const DOMAIN_ENDING =
  /(?<=[a-z0-9])\.(?:com|io|so|ai|app|co|net|org|dev|us|me|cc|tv|to|ly|gg|xyz|cloud|tech|biz|info)(?:\.[a-z]{2})?$/;

const trailing = (words: string[]) =>
  new RegExp(`(?:\\s|^)(?:${words.map((w) => w.replace(/ /g, "\\s+")).join("|")})$`);
const TRAILING_COMPANY_FORM = trailing(COMPANY_FORMS);
const TRAILING_ACCESS_WORD = trailing(ACCESS_WORDS);

/**
 * The key of an app's name: lower-case, accents dropped, bracketed qualifiers ("(SSO)",
 * "[Prod]"), a leading "https://www." and a domain ending (".com", ".so"), company forms
 * ("Inc", "Ltd."), sign-on words ("SSO", "SAML") and punctuation removed, blanks collapsed.
 * "Zoom Video Communications, Inc." stays "zoom video communications": only forms and
 * decorations go, never a word that could tell two apps apart. A name made only of decorations
 * keeps its plain lower-case self.
 */
export function normaliseAppName(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  let key = plain
    // Bracketed qualifiers, wherever they are.
    .replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}/g, " ")
    // A name written as an address: its host.
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/.*$/, "")
    .trim();
  // "Notion.so" → "notion"; only when the ending is glued to a word (".com" alone stays).
  key = key
    .replace(DOMAIN_ENDING, "")
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  // "Acme Corp SSO", "Acme, Inc." — repeatedly, from the end, keeping at least one word.
  for (;;) {
    const next = key.replace(TRAILING_ACCESS_WORD, "").replace(TRAILING_COMPANY_FORM, "").trim();
    if (next === key || next === "") break;
    key = next;
  }
  return key === "" ? plain : key;
}
