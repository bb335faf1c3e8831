import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { shippedJavaScript } from "./load";

// `npx tsx test/bench/js-sizes.ts [buildDir] [--chunks]`: the gzipped JavaScript a first visit to every
// route downloads (as `npm run bench` counts it), heaviest first, against the 150 KB budget. With
// --chunks, also every shared chunk's gzipped size and how many routes load it. Run after `npm run build`.

const KB = 1024;
const MAX_JS_GZIP_KB = 150;

const args = process.argv.slice(2);
const buildPath = resolve(args.find((arg) => !arg.startsWith("--")) ?? "build");
const showChunks = args.includes("--chunks");

const assets = join(buildPath, "client/assets");
const manifestFile = readdirSync(assets).find((name) => /^manifest-[\w-]+\.js$/.test(name));
if (!manifestFile) throw new Error(`No React Router manifest in ${assets}; run npm run build first`);
const text = readFileSync(join(assets, manifestFile), "utf8");
const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
  routes: Record<string, { module?: string; imports?: string[] }>;
};

const rows = Object.entries(manifest.routes)
  .filter(([id, route]) => id !== "root" && route.module)
  .map(([id]) => ({ id, ...shippedJavaScript(buildPath, id) }))
  .sort((a, b) => b.gzipBytes - a.gzipBytes);

const width = Math.max(...rows.map((row) => row.id.length));
console.log(`${"Route".padEnd(width)}  Files  JS gzip KB  (budget <= ${MAX_JS_GZIP_KB})`);
for (const row of rows) {
  const kb = row.gzipBytes / KB;
  console.log(
    `${row.id.padEnd(width)}  ${String(row.files).padStart(5)}  ${kb.toFixed(1).padStart(10)}  ${kb <= MAX_JS_GZIP_KB ? "ok" : "OVER"}`,
  );
}
const over = rows.filter((row) => row.gzipBytes > MAX_JS_GZIP_KB * KB);
console.log(`\n${rows.length} routes; heaviest ${(rows[0]!.gzipBytes / KB).toFixed(1)} KB; ${over.length} over budget`);

if (showChunks) {
  const users = new Map<string, number>();
  for (const route of Object.values(manifest.routes)) {
    for (const url of route.imports ?? []) users.set(url, (users.get(url) ?? 0) + 1);
  }
  const chunks = [...users.entries()]
    .map(([url, count]) => ({ url, count, gzip: gzipSync(readFileSync(join(buildPath, "client", url))).length }))
    .sort((a, b) => b.gzip - a.gzip);
  console.log("\nShared chunk                                    gzip KB  routes");
  for (const chunk of chunks) {
    console.log(
      `${chunk.url.padEnd(46)}  ${(chunk.gzip / KB).toFixed(1).padStart(7)}  ${String(chunk.count).padStart(6)}`,
    );
  }
}

// Exit code 1 when a route is over budget, so the script can gate a build.
if (over.length > 0) process.exitCode = 1;
