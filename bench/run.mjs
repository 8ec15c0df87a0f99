// `npm run bench`: measurements that are not tests. Writes bench/reports/latest.md.
//
//   npm run bench                          every section
//   npm run bench -- --only inbox          one section (first-load-js, inbox, notifications, import, remap,
//                                          accounts, reviews; comma-separated)
//   npm run bench -- --only inbox --tasks 100000 --iterations 50   a smaller, quicker inbox run
//   npm run bench -- --only notifications --notifications 2000      fewer emails per run
//   npm run bench -- --only remap --accounts 100000 --users 10000   a smaller re-mapping run
//   npm run bench -- --only import --accounts 100000                 a smaller CSV import
//   npm run bench -- --only accounts --accounts 100000 --users 10000 a smaller Accounts tab run
//   npm run bench -- --only reviews --grants 50000 --people 2000      a smaller access-review run
//
// first-load-js reads the manifests of a build of the web app (`npm run build -w @lantern/web`);
// inbox, notifications, import, remap, accounts and reviews need PostgreSQL (DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { firstLoadJs } from "./first-load-js.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const reports = join(root, "bench", "reports");
const SECTIONS = [
  "first-load-js",
  "inbox",
  "notifications",
  "import",
  "remap",
  "accounts",
  "reviews",
];

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    tasks: { type: "string" },
    iterations: { type: "string" },
    notifications: { type: "string" },
    accounts: { type: "string" },
    users: { type: "string" },
    grants: { type: "string" },
    people: { type: "string" },
  },
});
const only = args.only ? args.only.split(",").map((s) => s.trim()) : SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0) {
  console.error(
    `Unknown section(s) ${unknown.join(", ")}; the sections are ${SECTIONS.join(", ")}.`,
  );
  process.exit(2);
}

const started = Date.now();
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const lines = [
  `# Lantern benchmark report`,
  ``,
  `Run: ${new Date().toISOString()} · Node ${process.version} · sections: ${only.join(", ")}`,
  ``,
];
let failed = false;

if (only.includes("first-load-js")) {
  lines.push(`## First-load JavaScript (from the \`next build\` manifests)`, ``);
  const webDir = join(root, "apps", "web");
  if (!existsSync(join(webDir, ".next", "build-manifest.json"))) {
    lines.push(
      `Not measured: there is no build of the web app. Run \`npm run build -w @lantern/web\` first.`,
      ``,
    );
  } else {
    lines.push(`| Page | Chunks | Raw | Gzip |`, `|---|---:|---:|---:|`);
    for (const [label, route] of [
      ["Applications (/apps)", "/(dashboard)/apps/page"],
      ["App details (/apps/[appId])", "/(dashboard)/apps/[appId]/page"],
      ["Sign in (/sign-in)", "/(auth)/sign-in/page"],
    ]) {
      try {
        const r = firstLoadJs(webDir, route);
        lines.push(`| ${label} | ${r.files} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
      } catch (error) {
        lines.push(`| ${label} | – | not in this build (${error.code ?? error.message}) | – |`);
      }
    }
    lines.push(``);
  }
}

/**
 * Runs a TypeScript section script under tsx in a child process, which writes its report
 * section to a file, and appends that section (or the failure) to the report.
 */
async function runSection(script, title, passThrough) {
  const out = join(reports, `${script}.md`);
  mkdirSync(reports, { recursive: true });
  rmSync(out, { force: true });
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(root, "bench", `${script}.ts`), "--out", out, ...passThrough],
      { cwd: root, stdio: "inherit" },
    );
    // Ctrl-C reaches the child too; it drops its scratch database and exits. Wait for it.
    const ignore = () => {};
    process.on("SIGINT", ignore);
    child.on("exit", (exitCode, signal) => {
      process.off("SIGINT", ignore);
      resolve(exitCode ?? (signal ? 1 : 0));
    });
  });
  if (code === 0 && existsSync(out)) {
    lines.push(readFileSync(out, "utf8").trimEnd(), ``);
  } else {
    failed = true;
    lines.push(
      `## ${title}`,
      ``,
      `Failed (exit code ${code}); see the output of \`npm run bench\` above.`,
      ``,
    );
  }
}

const passed = (keys) => keys.flatMap((k) => (args[k] ? [`--${k}`, args[k]] : []));
if (only.includes("inbox")) {
  await runSection("inbox", "Task inbox at scale (SPEC §9)", passed(["tasks", "iterations"]));
}
if (only.includes("notifications")) {
  await runSection("notifications", "Notification delivery (SPEC §6.3)", passed(["notifications"]));
}

if (only.includes("import")) {
  await runSection("import", "Importing accounts from CSV (SPEC §4.6, §9)", passed(["accounts"]));
}

if (only.includes("remap")) {
  await runSection(
    "remap",
    "Owner re-mapping at scale (SPEC §4.2, §9)",
    passed(["accounts", "users"]),
  );
}

if (only.includes("accounts")) {
  await runSection(
    "accounts",
    "Accounts tab at scale (SPEC §4.1, §9)",
    passed(["accounts", "users", "iterations"]),
  );
}

if (only.includes("reviews")) {
  await runSection(
    "reviews",
    "Access reviews at scale (SPEC §10, §9)",
    passed(["grants", "people", "iterations"]),
  );
}

lines.push(`Total: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
const report = lines.join("\n") + "\n";
mkdirSync(reports, { recursive: true });
writeFileSync(join(reports, "latest.md"), report);
console.log(report);
if (failed) process.exitCode = 1;
