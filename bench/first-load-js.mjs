// First-load JavaScript of a page of the built web app: the runtime chunks every page
// loads plus the chunks of the page's layouts and the page itself, as raw bytes and as
// gzip (what `next start` sends). Reads the build's own manifests; needs `next build`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

export function firstLoadJs(webDir, route) {
  const next = join(webDir, ".next");
  const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8"));
  const manifestFile = join(next, "server", "app", `${route}_client-reference-manifest.js`);
  globalThis.self = globalThis;
  createRequire(import.meta.url)(manifestFile);
  const manifest = globalThis.__RSC_MANIFEST[route];
  const files = new Set(build.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const f of chunks) files.add(f);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(next, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { route, files: files.size, raw, gzip };
}
