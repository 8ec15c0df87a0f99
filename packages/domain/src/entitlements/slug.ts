// An entitlement's slug (SPEC §1: unique per app): the stable short name connectors and imports
// use for it. Lower-case letters, digits, "-", "_" and "."; at most 100 characters. When a
// person adds an entitlement without one, it is made from the display name.

export const ENTITLEMENT_SLUG_MAX = 100;

const SLUG_PATTERN = /^[a-z0-9._-]+$/;

export const ENTITLEMENT_SLUG_RULE =
  "A slug uses only lower-case letters, digits, “-”, “_” and “.”.";

/** Whether `slug` is a well-formed slug (not empty, allowed characters, not too long). */
export function isEntitlementSlug(slug: string): boolean {
  return slug.length <= ENTITLEMENT_SLUG_MAX && SLUG_PATTERN.test(slug);
}

/**
 * "Repository Write (EU)" → "repository-write-eu"; accents are dropped ("Café" → "cafe"). Empty
 * when the name has no letter or digit it can keep (e.g. "日本語"): the person then gives one.
 */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .slice(0, ENTITLEMENT_SLUG_MAX)
    .replace(/^[-._]+|[-._]+$/g, "");
}
