import type { PrismaClient } from "@lantern/db";
import { secretContext, stringRecord } from "./config.ts";
import type { SecretsKey } from "./secrets.ts";

/**
 * Why this process cannot run the apps' connectors with this key, or null: apps hold connector
 * secrets but LANTERN_SECRETS_KEY is not set, or the key set cannot open them (another key).
 * The worker and the production web server refuse to start with it; without stored secrets no
 * key is needed (demo mode and a fresh install start with nothing configured).
 */
export async function connectorSecretsProblem(
  db: PrismaClient,
  key: SecretsKey | null | undefined,
): Promise<string | null> {
  const apps = await db.$queryRaw<{ id: string; name: string; secrets: unknown }[]>`
    SELECT "id", "name", "connectorSecrets" AS "secrets" FROM "App"
     WHERE "connectorSecrets" <> '{}'::jsonb
     ORDER BY "id"`;
  const first = apps[0];
  if (!first) return null;
  if (!key) {
    return `LANTERN_SECRETS_KEY is not set, but ${apps.length} app${apps.length === 1 ? " has" : "s have"} connector secrets stored encrypted (${first.name}${apps.length > 1 ? ", …" : ""}): set it to the key they were saved with.`;
  }
  for (const app of apps) {
    for (const [field, sealed] of Object.entries(stringRecord(app.secrets as never))) {
      try {
        key.open(sealed, secretContext(app.id, field));
      } catch (error) {
        return `LANTERN_SECRETS_KEY cannot open the connector secrets of ${app.name}: ${(error as Error).message}`;
      }
    }
  }
  return null;
}
