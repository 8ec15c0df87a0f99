import { refusalText, settingsProblems } from "~/settings";

/**
 * `next start` (and `next dev`): refuses to run — the reason printed, exit code 1 — when a
 * setting is invalid (src/settings.ts), instead of answering every request with an error.
 * `npm start` checked them already before preparing the database (scripts/prepare-database.ts).
 */
export function refuseInvalidSettings(environment: Record<string, string | undefined>): void {
  // `next build` runs without runtime configuration (as src/env.ts knows).
  if (environment.SKIP_ENV_VALIDATION === "1") return;
  const problems = settingsProblems(environment);
  if (problems.length === 0) return;
  console.error(`\n${refusalText(problems)}\n`);
  process.exit(1);
}
