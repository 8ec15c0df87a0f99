// `npm run bench`: measurements that are not tests. Writes bench/reports/latest.md.
// Needs a build of the web app (`npm run build -w @lantern/web`).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { firstLoadJs } from "./first-load-js.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const lines = [
  `# Lantern benchmark report`,
  ``,
  `Run: ${new Date().toISOString()} · Node ${process.version}`,
  ``,
];

lines.push(
  `## First-load JavaScript (from the \`next build\` manifests)`,
  ``,
  `| Page | Chunks | Raw | Gzip |`,
  `|---|---:|---:|---:|`,
);
for (const [label, route] of [
  ["Applications (/apps)", "/(dashboard)/apps/page"],
  ["App details (/apps/[appId])", "/(dashboard)/apps/[appId]/page"],
  ["Sign in (/sign-in)", "/(auth)/sign-in/page"],
]) {
  const r = firstLoadJs(join(root, "apps", "web"), route);
  lines.push(`| ${label} | ${r.files} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
}

const report = lines.join("\n") + "\n";
mkdirSync(join(root, "bench", "reports"), { recursive: true });
writeFileSync(join(root, "bench", "reports", "latest.md"), report);
console.log(report);
