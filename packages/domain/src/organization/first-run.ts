import { normalizeEmail } from "../accounts/owner-mapping.ts";

// First run (issue 6): on an empty database in production mode, the first person to sign in
// through the configured provider creates the organization and becomes its super admin. These
// are the pure parts: who may, and the names the organization and the person start with.

/**
 * Who may claim the first run. `allowList` comes from LANTERN_FIRST_RUN_ALLOWED_EMAILS:
 * addresses ("dana@acme.com") and domains ("@acme.com"), compared case-insensitively. Empty:
 * anyone who signs in through the configured provider (the identity provider is the
 * organization's own).
 */
export function firstRunAllows(email: string, allowList: readonly string[]): boolean {
  const address = normalizeEmail(email);
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) return false;
  if (allowList.length === 0) return true;
  const domain = address.slice(address.indexOf("@"));
  return allowList.some((entry) => {
    const rule = normalizeEmail(entry);
    return rule.startsWith("@") ? domain === rule : address === rule;
  });
}

/** "a@x.com, @acme.com" → ["a@x.com", "@acme.com"]; blanks dropped. */
export function parseAllowList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[,\s]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

const titleCase = (word: string) =>
  word ? word.charAt(0).toLocaleUpperCase("en") + word.slice(1) : word;

/**
 * The organization's starting name, from its first person's email domain:
 * "dana@northwind-labs.com" → "Northwind Labs", "ops@mail.acme.co.uk" → "Acme". The
 * organization settings rename it.
 */
export function organizationNameFromEmail(email: string): string {
  const domain = normalizeEmail(email).split("@")[1] ?? "";
  const labels = domain.split(".").filter(Boolean);
  // Drop the public suffix (one label, or two for "co.uk"-style suffixes) and mail hosts.
  let core = labels.length > 1 ? labels.slice(0, -1) : labels;
  if (core.length > 1 && core.at(-1)!.length <= 3 && labels.at(-1)!.length === 2) {
    core = core.slice(0, -1);
  }
  const name = core.at(-1) ?? "";
  const words = name.split(/[-_]+/).filter(Boolean).map(titleCase);
  return words.join(" ") || "My organization";
}

/** A URL-safe, lower-case slug of a name: "Northwind Labs" → "northwind-labs". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "organization";
}

export interface PersonNames {
  givenName: string;
  familyName: string;
  displayName: string;
}

/**
 * The first person's names: from the identity provider's profile name when it gives one
 * ("Dana Okafor"), else from the address ("dana.okafor@…" → "Dana Okafor").
 */
export function namesFromProfile(email: string, profileName?: string | null): PersonNames {
  const fromProfile = profileName?.trim().replace(/\s+/g, " ");
  const words = fromProfile
    ? fromProfile.split(" ")
    : (normalizeEmail(email).split("@")[0] ?? "")
        .split(/[._+-]+/)
        .filter(Boolean)
        .map(titleCase);
  const givenName = words[0] ?? "";
  const familyName = words.slice(1).join(" ");
  const displayName = [givenName, familyName].filter(Boolean).join(" ") || normalizeEmail(email);
  return { givenName: givenName || displayName, familyName, displayName };
}
