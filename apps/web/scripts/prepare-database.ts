// Called by scripts/start.mjs before the server starts (see there). First refuses invalid
// settings (src/settings.ts, as the server itself would) before touching any database.
import { connectorSecretsProblem } from "@lantern/api";
import { SecretsKey } from "@lantern/api/secrets";
import { MigrationError, openDatabase } from "@lantern/db";
import { DEMO_SIGN_IN_PEOPLE, seedIfEmpty } from "@lantern/seed";
import { refusalText, settingsProblems } from "../src/settings.ts";

const problems = settingsProblems(process.env);
if (problems.length > 0) {
  console.error(`\n${refusalText(problems)}\n`);
  process.exit(1);
}

const url = process.env.DATABASE_URL;
try {
  const db = await openDatabase({ url, dataDir: process.env.LANTERN_DATA_DIR });
  try {
    if (db.kind === "embedded") {
      if (await seedIfEmpty(db.prisma)) console.log("Created the demo organization.");
      console.log("Demo people you can sign in as (pick one on the sign-in page):");
      for (const p of DEMO_SIGN_IN_PEOPLE) console.log(`  - ${p.name}, ${p.title} <${p.email}>`);
    } else {
      console.log(`Database ${db.location} is up to date.`);
      const key = process.env.LANTERN_SECRETS_KEY;
      const problem = await connectorSecretsProblem(db.prisma, key ? SecretsKey.parse(key) : null);
      if (problem) {
        console.error(`\n${refusalText([problem])}\n`);
        process.exitCode = 1;
      }
    }
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof MigrationError) {
    console.error(`\nLantern cannot start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
