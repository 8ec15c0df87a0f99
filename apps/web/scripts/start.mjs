// `npm start`: prepares the database, then serves the built app with `next start`
// (`--dev`: the hot-reloading `next dev`, for `npm run dev`).
//
// - With DATABASE_URL (production mode): refuses to start, with the reason, when
//   migrations are pending or the database is ahead of the code. Migrations are a
//   release step there: `npm run db:migrate`.
// - Without it (demo mode): creates, migrates and seeds the embedded database under
//   ./.lantern/ on first start, and generates a session secret and the key of connector
//   secrets (LANTERN_SECRETS_KEY), kept in ./.lantern/.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(webDir, "..", "..");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const demo = !env.DATABASE_URL;
const dev = process.argv.includes("--dev");

if (demo) {
  const lanternDir = resolve(env.LANTERN_DIR ?? join(repoRoot, ".lantern"));
  env.LANTERN_DATA_DIR ??= join(lanternDir, "pgdata");
  mkdirSync(lanternDir, { recursive: true });
  const secretFile = join(lanternDir, "auth-secret");
  if (!env.NEXTAUTH_SECRET) {
    if (!existsSync(secretFile))
      writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    env.NEXTAUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  }
  // The key that seals connector secrets, kept beside the data it opens.
  const keyFile = join(lanternDir, "secrets-key");
  if (!env.LANTERN_SECRETS_KEY) {
    if (!existsSync(keyFile))
      writeFileSync(keyFile, randomBytes(32).toString("base64"), { mode: 0o600 });
    env.LANTERN_SECRETS_KEY = readFileSync(keyFile, "utf8").trim();
  }
  // Sign-in cookies belong to one host name: the printed URL must be the one in links.
  env.NEXTAUTH_URL ??= `http://${host === "127.0.0.1" ? "localhost" : host}:${port}`;
}

if (!env.NEXTAUTH_SECRET) {
  console.error(
    "NEXTAUTH_SECRET is not set. Production mode needs a secret of at least 32 characters: openssl rand -base64 32",
  );
  process.exit(1);
}

// Check (production) or prepare (demo) the database before the server starts.
const prepare = spawn(
  process.execPath,
  ["--import", "tsx", join(webDir, "scripts", "prepare-database.ts")],
  {
    cwd: webDir,
    env,
    stdio: "inherit",
  },
);
const prepared = await new Promise((done) => prepare.on("exit", (code) => done(code === 0)));
if (!prepared) process.exit(1);

const nextBin = join(
  dirname(fileURLToPath(import.meta.resolve("next/package.json"))),
  "dist",
  "bin",
  "next",
);
const server = spawn(
  process.execPath,
  [nextBin, dev ? "dev" : "start", "--hostname", host, "--port", port],
  {
    cwd: webDir,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  },
);
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started/i.test(String(chunk))) {
    announced = true;
    const url = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
    console.log(
      demo
        ? `\n  Lantern is running at ${url}\n  Demo mode (embedded database in ${env.LANTERN_DATA_DIR}).\n  Open it and choose a person under "Sign in to the demo organization".\n`
        : `\n  Lantern is running at ${url}\n`,
    );
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
