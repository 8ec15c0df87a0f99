import { z } from "zod";
import { singleLineText } from "./text.ts";

// Organization settings (issue 6): name, the public URL of deep links, the default request and
// revocation policies, and the notification preferences new people start with.

const policyId = (what: string) =>
  z.uuid({ error: `That is not a valid ${what} policy id.` }).nullable();

/**
 * The base of deep links in emails and Slack: an absolute http(s) URL without query or
 * fragment (a path is allowed, for Lantern behind a prefix), stored without its trailing
 * slash. Empty text or null: the server's configured URL (NEXTAUTH_URL).
 */
export const ZPublicUrl = singleLineText({ label: "The public URL", max: 500 })
  .transform((text, ctx) => {
    if (text === "") return null;
    const refuse = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return refuse("Enter the public URL as an absolute address, e.g. https://lantern.acme.com.");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return refuse("The public URL must start with https:// or http://.");
    }
    if (text.includes("?") || text.includes("#")) {
      return refuse("The public URL cannot have a query (?…) or a fragment (#…).");
    }
    if (url.username || url.password) {
      return refuse("The public URL cannot contain a user name or password.");
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  })
  .nullable()
  .transform((value) => value ?? null);

/** A partial change: absent fields stay as they are. */
export const ZUpdateOrganizationInput = z.object({
  name: singleLineText({
    label: "The organization's name",
    max: 100,
    required: true,
  }).optional(),
  publicUrl: ZPublicUrl.optional(),
  /** Null: no default (requests with nothing more specific are refused). */
  defaultRequestPolicyId: policyId("request").optional(),
  defaultRevocationPolicyId: policyId("revocation").optional(),
  emailNotificationsDefault: z.boolean().optional(),
  slackNotificationsDefault: z.boolean().optional(),
});
export type TUpdateOrganizationInput = z.output<typeof ZUpdateOrganizationInput>;
