import { ENTITLEMENT_SLUG_MAX, ENTITLEMENT_SLUG_RULE, isEntitlementSlug } from "@lantern/domain";
import { z } from "zod";
import { pageLimit, singleLineText, ZCursor, ZDescription, ZSearchText } from "./text.ts";

export const ZEntitlementByIdInput = z.object({
  id: z.uuid({ error: "That is not a valid entitlement id." }),
});
export type TEntitlementByIdInput = z.output<typeof ZEntitlementByIdInput>;

export const ZAppIdInput = z.object({ appId: z.uuid({ error: "Choose an app." }) });
export type TAppIdInput = z.output<typeof ZAppIdInput>;

export const ZEntitlementGrantsInput = z.object({
  entitlementId: z.uuid({ error: "That is not a valid entitlement id." }),
  /** Account login, email address or name; case-insensitive, part of a word is enough. */
  search: ZSearchText,
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TEntitlementGrantsInput = z.output<typeof ZEntitlementGrantsInput>;

// ─────────────────────────────── Settings (SPEC §1, §8) ───────────────────────────────

const ZStrategy = z.enum(["MANUAL", "CONNECTOR"], {
  error: "Choose Manual (a person does it) or Connector.",
});

const ZDisplayName = singleLineText({
  label: "The entitlement name",
  max: 120,
  required: true,
  requiredMessage: "Give the entitlement a name.",
  tooLongMessage: "A name is limited to 120 characters.",
});

/** A policy of the organization, or null: inherit the app's default, then the organization's. */
const ZPolicyChoice = z.uuid({ error: "Choose a policy, or inherit one." }).nullable();

/** The entitlement's owners; the same person twice counts once. */
const ZOwnerIds = z
  .array(z.uuid({ error: "Choose people of your organization as owners." }))
  .max(50, "An entitlement has at most 50 owners.")
  .transform((ids) => [...new Set(ids)]);

export const ZCreateEntitlementInput = z.object({
  appId: z.uuid({ error: "Choose an app." }),
  displayName: ZDisplayName,
  /** Empty or absent: made from the display name. */
  slug: singleLineText({
    label: "The slug",
    max: ENTITLEMENT_SLUG_MAX,
    tooLongMessage: `A slug is limited to ${ENTITLEMENT_SLUG_MAX} characters.`,
  })
    .refine((slug) => slug === "" || isEntitlementSlug(slug), ENTITLEMENT_SLUG_RULE)
    .optional(),
  description: ZDescription.default(""),
  provisioningStrategy: ZStrategy.default("MANUAL"),
  deprovisioningStrategy: ZStrategy.default("MANUAL"),
  requestPolicyId: ZPolicyChoice.default(null),
  revocationPolicyId: ZPolicyChoice.default(null),
  ownerIds: ZOwnerIds.default([]),
});
export type TCreateEntitlementInput = z.output<typeof ZCreateEntitlementInput>;

/** Only the fields given change. */
export const ZUpdateEntitlementInput = z.object({
  id: z.uuid({ error: "That is not a valid entitlement id." }),
  displayName: ZDisplayName.optional(),
  description: ZDescription.optional(),
  provisioningStrategy: ZStrategy.optional(),
  deprovisioningStrategy: ZStrategy.optional(),
  requestPolicyId: ZPolicyChoice.optional(),
  revocationPolicyId: ZPolicyChoice.optional(),
  ownerIds: ZOwnerIds.optional(),
});
export type TUpdateEntitlementInput = z.output<typeof ZUpdateEntitlementInput>;

export const ZBulkUpdateEntitlementsInput = z.object({
  appId: z.uuid({ error: "Choose an app." }),
  entitlementIds: z
    .array(z.uuid({ error: "That is not a valid entitlement id." }))
    .min(1, "Choose at least one entitlement.")
    .max(500, "Change at most 500 entitlements at once.")
    .transform((ids) => [...new Set(ids)]),
  set: z
    .object({
      provisioningStrategy: ZStrategy.optional(),
      deprovisioningStrategy: ZStrategy.optional(),
      requestPolicyId: ZPolicyChoice.optional(),
      revocationPolicyId: ZPolicyChoice.optional(),
    })
    .refine((set) => Object.values(set).some((v) => v !== undefined), {
      error: "Choose what to set: a strategy or a policy.",
    }),
});
export type TBulkUpdateEntitlementsInput = z.output<typeof ZBulkUpdateEntitlementsInput>;
