import { z } from "zod";
import {
  multiLineText,
  pageLimit,
  singleLineText,
  ZCursor,
  ZDescription,
  ZSearchText,
} from "./text.ts";

export const ZListAppsInput = z.object({
  status: z.enum(["MANAGED", "DISCOVERED", "IGNORED"]).default("MANAGED"),
  search: ZSearchText,
  cursor: ZCursor,
  limit: pageLimit(50),
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
export const APP_ICON_URL_MAX = 2_000;
export const APP_INSTRUCTIONS_MAX = 20_000;
/** Owners, provisioners or deprovisioners: at most this many people per role. */
export const APP_MEMBERS_MAX = 100;

const ZAppName = singleLineText({
  label: "The app name",
  max: APP_NAME_MAX,
  required: true,
  requiredMessage: "Give the app a name.",
  tooLongMessage: `An app name is limited to ${APP_NAME_MAX} characters.`,
});

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** An https:// or http:// address, or nothing (empty text and null both mean no icon). */
const ZIconUrl = singleLineText({
  label: "The icon URL",
  max: APP_ICON_URL_MAX,
  tooLongMessage: `An icon URL is limited to ${APP_ICON_URL_MAX.toLocaleString("en-US")} characters.`,
})
  .refine((text) => text === "" || isWebAddress(text), {
    error: "The icon URL must be a web address starting with https:// or http://.",
  })
  .nullable()
  .transform((text) => (text ? text : null));

const ZInstructions = multiLineText({
  label: "The instruction text",
  max: APP_INSTRUCTIONS_MAX,
  tooLongMessage: `Instructions are limited to ${APP_INSTRUCTIONS_MAX.toLocaleString("en-US")} characters.`,
});

const ZPeopleIds = z
  .array(z.uuid({ error: "That is not a valid person id." }))
  .max(APP_MEMBERS_MAX, `At most ${APP_MEMBERS_MAX} people per role.`);

/** A default policy of the app: a policy id, or null to inherit the organization's. */
const ZDefaultPolicyId = z.uuid({ error: "That is not a valid policy id." }).nullable();

export const ZCreateAppInput = z.object({
  name: ZAppName,
  description: ZDescription.default(""),
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
  description: ZDescription.optional(),
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
