import {
  CONNECTOR_KINDS,
  DEFAULT_CONNECTOR_KIND,
  findConnectorKind,
  settingFields,
  type ConnectionTestResult,
  type ConnectorKind,
  type SettingFieldInfo,
} from "@lantern/connectors";
import {
  assertAllowed,
  canManageApp,
  canViewAppSettings,
  DomainError,
  textProblem,
} from "@lantern/domain";
import type { Prisma } from "@lantern/db";
import type { Context } from "../../context.ts";
import type { TSetAppConnectorInput } from "../../schemas/connectors.ts";
import { lockManagedApp } from "../app-settings.ts";
import { recordEvents, transaction, type Tx } from "../shared/records.ts";
import type { ServiceContext } from "../shared/context.ts";
import { SecretsError, type SecretsKey } from "./secrets.ts";

// An app's connector configuration (issue 15 §6): which kind runs its CONNECTOR grants and
// revokes, with which settings. Read, changed and tested by whoever may change the app's
// settings (canManageApp). Secret settings are sealed per field with LANTERN_SECRETS_KEY
// (./secrets.ts) and never leave the server: the page learns only which are set. A change is
// one transaction with its app.connector_changed Event, which names the secrets replaced but
// never holds their values.

/** A service context that may carry the key secrets are sealed with (none: none can be stored). */
export type ConnectorContext = ServiceContext & Pick<Context, "secretsKey">;

export interface ConnectorKindInfo {
  key: string;
  label: string;
  description: string;
  fields: SettingFieldInfo[];
}

/** What the Connector section of App settings shows. Holds no secret value. */
export interface AppConnectorView {
  kind: string;
  /** The settings that are not secret, as saved. */
  settings: Record<string, string>;
  /** The secret settings that have a stored value. */
  secretsSet: string[];
  /** Every kind there is, for the picker. */
  kinds: ConnectorKindInfo[];
}

export interface ConnectorChange {
  changed: boolean;
  connector: AppConnectorView;
}

const KIND_INFO: ConnectorKindInfo[] = CONNECTOR_KINDS.map((kind) => ({
  key: kind.key,
  label: kind.label,
  description: kind.description,
  fields: settingFields(kind),
}));

/** The columns of an app's connector. */
export interface StoredConnector {
  id: string;
  connectorKind: string | null;
  connectorSettings: Prisma.JsonValue;
  connectorSecrets: Prisma.JsonValue;
}

const storedSelect = {
  id: true,
  connectorKind: true,
  connectorSettings: true,
  connectorSecrets: true,
} as const;

/** A JSON column's object of strings ({} for anything else). */
export function stringRecord(value: Prisma.JsonValue): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

/** What a secret field of an app is bound to: a sealed value opens only for it. */
export const secretContext = (appId: string, field: string) => `app:${appId}:${field}`;

function view(stored: StoredConnector): AppConnectorView {
  return {
    kind: stored.connectorKind ?? DEFAULT_CONNECTOR_KIND.key,
    settings: stringRecord(stored.connectorSettings),
    secretsSet: Object.keys(stringRecord(stored.connectorSecrets)).sort(),
    kinds: KIND_INFO,
  };
}

const NO_KEY =
  "Secret settings cannot be used: this server has no LANTERN_SECRETS_KEY. Ask whoever runs Lantern to set it (see Configuration in the README).";

/** Opens a stored secret; a missing or wrong key, or a damaged value, is the caller's 400. */
export function openStoredSecret(
  key: SecretsKey | null | undefined,
  appId: string,
  field: string,
  sealed: string,
): string {
  if (!key) throw new DomainError("BAD_REQUEST", NO_KEY);
  try {
    return key.open(sealed, secretContext(appId, field));
  } catch (error) {
    if (error instanceof SecretsError) throw new DomainError("BAD_REQUEST", error.message);
    throw error;
  }
}

interface Resolved {
  kind: ConnectorKind;
  /** The settings as the kind's schema read them, secrets in plain text. */
  settings: Record<string, string>;
  /** Secret fields given anew. */
  replaced: string[];
}

/**
 * The settings a change or a test means: the input's, with each secret left out taken from what
 * is stored for the same kind; validated by the kind's schema. BAD_REQUEST with the kind's own
 * words otherwise.
 */
function resolve(
  key: SecretsKey | null | undefined,
  stored: StoredConnector,
  input: TSetAppConnectorInput,
): Resolved {
  const kind = findConnectorKind(input.kind);
  if (!kind) {
    throw new DomainError("BAD_REQUEST", `There is no connector kind “${input.kind}”.`);
  }
  const fields = settingFields(kind);
  const unknown = Object.keys(input.settings).find((name) => !fields.some((f) => f.key === name));
  if (unknown !== undefined) {
    throw new DomainError(
      "BAD_REQUEST",
      `The ${kind.label} connector has no setting “${unknown}”.`,
    );
  }
  const sameKind = (stored.connectorKind ?? DEFAULT_CONNECTOR_KIND.key) === kind.key;
  const storedSecrets = sameKind ? stringRecord(stored.connectorSecrets) : {};
  const values: Record<string, string> = {};
  const replaced: string[] = [];
  for (const field of fields) {
    const given = input.settings[field.key];
    const sealed = storedSecrets[field.key];
    if (given) {
      values[field.key] = given;
      if (field.secret) replaced.push(field.key);
    } else if (field.secret && sealed !== undefined) {
      values[field.key] = openStoredSecret(key, stored.id, field.key, sealed);
    }
  }
  const parsed = kind.settings.safeParse(values);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => {
        const field = fields.find((f) => f.key === issue.path[0]);
        return field ? `${field.label}: ${issue.message}` : issue.message;
      })
      .join(" ");
    throw new DomainError("BAD_REQUEST", message);
  }
  const settings = Object.fromEntries(
    Object.entries(parsed.data).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return { kind, settings, replaced };
}

async function loadStored(db: Pick<Tx, "app">, organizationId: string, appId: string) {
  const app = await db.app.findFirst({
    where: { id: appId, organizationId },
    select: {
      ...storedSelect,
      name: true,
      members: { where: { role: "OWNER" }, select: { userId: true } },
    },
  });
  if (!app) {
    throw new DomainError(
      "NOT_FOUND",
      "This app does not exist, or it belongs to another organization.",
    );
  }
  return app;
}

/** The app's stored connector, for whoever may change the app's settings. */
async function loadManaged(ctx: ConnectorContext, appId: string) {
  const app = await loadStored(ctx.db, ctx.actor.organizationId, appId);
  assertAllowed(
    canManageApp(ctx.actor, {
      organizationId: ctx.actor.organizationId,
      ownerIds: app.members.map((m) => m.userId),
    }),
  );
  return app;
}

/**
 * The app's connector as the settings page shows it (secrets only named, never shown): who
 * may see the app's settings (canViewAppSettings: its owners, super admins, auditors).
 */
export async function getAppConnector(
  ctx: ConnectorContext,
  appId: string,
): Promise<AppConnectorView> {
  const app = await loadStored(ctx.db, ctx.actor.organizationId, appId);
  assertAllowed(
    canViewAppSettings(ctx.actor, {
      organizationId: ctx.actor.organizationId,
      ownerIds: app.members.map((m) => m.userId),
    }),
  );
  return view(app);
}

/**
 * Sets the app's connector kind and settings, all or nothing; secrets given anew are sealed,
 * secrets left out stay (for the same kind). One app.connector_changed Event.
 */
export async function setAppConnector(
  ctx: ConnectorContext,
  input: TSetAppConnectorInput,
): Promise<ConnectorChange> {
  return transaction(ctx, async (tx) => {
    const { app } = await lockManagedApp(tx, ctx.actor, input.appId);
    const stored = await loadStored(tx, app.organizationId, app.id);
    const { kind, settings, replaced } = resolve(ctx.secretsKey, stored, input);
    const key = ctx.secretsKey;
    if (replaced.length > 0 && !key) throw new DomainError("BAD_REQUEST", NO_KEY);
    const fields = settingFields(kind);
    const publicSettings: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    const kept = stringRecord(stored.connectorSecrets);
    for (const field of fields) {
      const value = settings[field.key];
      if (value === undefined) continue;
      if (!field.secret) publicSettings[field.key] = value;
      else if (replaced.includes(field.key)) {
        secrets[field.key] = key!.seal(value, secretContext(app.id, field.key));
      } else secrets[field.key] = kept[field.key]!;
    }
    const before = view(stored);
    const beforeFacts = {
      kind: before.kind,
      settings: before.settings,
      secrets: before.secretsSet,
    };
    const afterFacts = {
      kind: kind.key,
      settings: publicSettings,
      secrets: Object.keys(secrets).sort(),
    };
    if (replaced.length === 0 && JSON.stringify(beforeFacts) === JSON.stringify(afterFacts)) {
      return { changed: false, connector: before };
    }
    const at = ctx.now();
    const updated = await tx.app.update({
      where: { id: app.id },
      data: {
        connectorKind: kind.key,
        connectorSettings: publicSettings,
        connectorSecrets: secrets,
        updatedAt: at,
      },
      select: storedSelect,
    });
    await recordEvents(tx, [
      {
        organizationId: app.organizationId,
        actorId: ctx.actor.id,
        action: "app.connector_changed",
        targetType: "App",
        targetId: app.id,
        before: beforeFacts,
        after: { ...afterFacts, secretsReplaced: replaced },
        at,
      },
    ]);
    return { changed: true, connector: view(updated) };
  });
}

/**
 * Tests a connector configuration against the app (the settings given, secrets left out taken
 * from what is stored), so a change can be checked before it is saved. Writes nothing.
 */
export async function testAppConnector(
  ctx: ConnectorContext,
  input: TSetAppConnectorInput,
): Promise<ConnectionTestResult> {
  const app = await loadManaged(ctx, input.appId);
  const { kind, settings } = resolve(ctx.secretsKey, app, input);
  try {
    return await kind.create(settings, { app: { id: app.id, name: app.name }, textProblem }).test();
  } catch (error) {
    return {
      ok: false,
      message: `The test failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
