import {
  DEFAULT_CONNECTOR_KIND,
  findConnectorKind,
  settingFields,
  type Connector,
} from "@lantern/connectors";
import type { PrismaClient } from "@lantern/db";
import { isDomainError, textProblem } from "@lantern/domain";
import { openStoredSecret, stringRecord } from "./config.ts";
import type { SecretsKey } from "./secrets.ts";

/**
 * The connector of an app, as configured in its settings (the built-in recorder when none is).
 * Never throws for a configuration that cannot be used (a kind this version does not know, a
 * secret the key cannot open, settings the kind now refuses): the connector it answers refuses
 * every action with that reason, so the job falls back to a manual task saying why.
 */
export async function connectorForApp(
  db: PrismaClient,
  appId: string,
  secretsKey: SecretsKey | null | undefined,
): Promise<Connector> {
  const app = await db.app.findUniqueOrThrow({
    where: { id: appId },
    select: {
      id: true,
      name: true,
      connectorKind: true,
      connectorSettings: true,
      connectorSecrets: true,
    },
  });
  const kind = findConnectorKind(app.connectorKind ?? DEFAULT_CONNECTOR_KIND.key);
  const unusable = (why: string): Connector => {
    const refuse = async () => ({
      ok: false as const,
      error: `The app's connector cannot run: ${why}`,
      retryable: false,
    });
    return { name: kind?.label ?? String(app.connectorKind), grant: refuse, revoke: refuse };
  };
  if (!kind) return unusable(`this version of Lantern has no kind “${app.connectorKind}”.`);
  const settings: Record<string, string> = stringRecord(app.connectorSettings);
  const secrets = stringRecord(app.connectorSecrets);
  try {
    for (const field of settingFields(kind)) {
      const sealed = secrets[field.key];
      if (field.secret && sealed !== undefined) {
        settings[field.key] = openStoredSecret(secretsKey, app.id, field.key, sealed);
      }
    }
  } catch (error) {
    if (isDomainError(error)) return unusable(error.message);
    throw error;
  }
  const parsed = kind.settings.safeParse(settings);
  if (!parsed.success) return unusable(parsed.error.issues.map((i) => i.message).join(" "));
  return kind.create(parsed.data, { app: { id: app.id, name: app.name }, textProblem });
}
