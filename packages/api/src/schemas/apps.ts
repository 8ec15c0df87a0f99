import { z } from "zod";

export const ZListAppsInput = z.object({
  status: z.enum(["MANAGED", "DISCOVERED", "IGNORED"]).default("MANAGED"),
  search: z.string().trim().max(200, "Search text is limited to 200 characters.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TListAppsInput = z.output<typeof ZListAppsInput>;

export const ZAppByIdInput = z.object({ id: z.uuid({ error: "That is not a valid app id." }) });
export type TAppByIdInput = z.output<typeof ZAppByIdInput>;

export const ZAccountMappingMode = z.enum(["NARROW", "BROAD"], {
  error: "The mapping mode is NARROW (email addresses only) or BROAD (email, then name).",
});

export const ZSetAccountMappingModeInput = z.object({
  appId: z.uuid({ error: "That is not a valid app id." }),
  mode: ZAccountMappingMode,
});
export type TSetAccountMappingModeInput = z.output<typeof ZSetAccountMappingModeInput>;

export const ZRemapStatusInput = z.object({
  appId: z.uuid({ error: "That is not a valid app id." }),
});
export type TRemapStatusInput = z.output<typeof ZRemapStatusInput>;

// ─────────────────────────── Add application and App settings ───────────────────────────

const appId = z.uuid({ error: "That is not a valid app id." });

export const APP_NAME_MAX = 100;
export const APP_DESCRIPTION_MAX = 2_000;
export const APP_ICON_URL_MAX = 2_000;
export const APP_INSTRUCTIONS_MAX = 20_000;
/** Owners, provisioners or deprovisioners: at most this many people per role. */
export const APP_MEMBERS_MAX = 100;

const ZAppName = z
  .string({ error: "Give the app a name." })
  .trim()
  .min(1, "Give the app a name.")
  .max(APP_NAME_MAX, `An app name is limited to ${APP_NAME_MAX} characters.`);

const ZAppDescription = z
  .string()
  .trim()
  .max(APP_DESCRIPTION_MAX, `A description is limited to ${APP_DESCRIPTION_MAX} characters.`);

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** An https:// or http:// address, or nothing (empty text and null both mean no icon). */
const ZIconUrl = z
  .string()
  .trim()
  .max(APP_ICON_URL_MAX, `An icon URL is limited to ${APP_ICON_URL_MAX} characters.`)
  .refine((text) => text === "" || isWebAddress(text), {
    error: "The icon URL must be a web address starting with https:// or http://.",
  })
  .nullable()
  .transform((text) => (text ? text : null));

const ZInstructions = z
  .string()
  .max(
    APP_INSTRUCTIONS_MAX,
    `Instructions are limited to ${APP_INSTRUCTIONS_MAX.toLocaleString("en-US")} characters.`,
  )
  .transform((text) => text.trim());

const ZPeopleIds = z
  .array(z.uuid({ error: "That is not a valid person id." }))
  .max(APP_MEMBERS_MAX, `At most ${APP_MEMBERS_MAX} people per role.`);

/** A default policy of the app: a policy id, or null to inherit the organization's. */
const ZDefaultPolicyId = z.uuid({ error: "That is not a valid policy id." }).nullable();

export const ZCreateAppInput = z.object({
  name: ZAppName,
  description: ZAppDescription.default(""),
  iconUrl: ZIconUrl.optional(),
  /** The first owners (optional: the super admin who adds the app need not own it). */
  ownerIds: ZPeopleIds.default([]),
});
export type TCreateAppInput = z.output<typeof ZCreateAppInput>;

export const ZAppSettingsInput = z.object({ appId });
export type TAppSettingsInput = z.output<typeof ZAppSettingsInput>;

/** Only the fields given change; the others stay as they are. */
export const ZUpdateAppSettingsInput = z.object({
  appId,
  name: ZAppName.optional(),
  description: ZAppDescription.optional(),
  iconUrl: ZIconUrl.optional(),
  provisioningInstructions: ZInstructions.optional(),
  deprovisioningInstructions: ZInstructions.optional(),
  defaultRequestPolicyId: ZDefaultPolicyId.optional(),
  defaultRevocationPolicyId: ZDefaultPolicyId.optional(),
});
export type TUpdateAppSettingsInput = z.output<typeof ZUpdateAppSettingsInput>;

/**
 * Replaces the people of the roles given (owners, provisioners, deprovisioners), together:
 * a role left out stays as it is.
 */
export const ZSetAppMembersInput = z
  .object({
    appId,
    ownerIds: ZPeopleIds.optional(),
    provisionerIds: ZPeopleIds.optional(),
    deprovisionerIds: ZPeopleIds.optional(),
  })
  .refine(
    (input) =>
      input.ownerIds !== undefined ||
      input.provisionerIds !== undefined ||
      input.deprovisionerIds !== undefined,
    { error: "Say whose list changes: ownerIds, provisionerIds or deprovisionerIds." },
  );
export type TSetAppMembersInput = z.output<typeof ZSetAppMembersInput>;
