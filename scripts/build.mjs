// The production build: React Router's client and server bundles, then the Node entry points
// (server, start, migrate, seed, cli) compiled from TypeScript to build/node/, so production runs plain
// `node` with production dependencies only. Plain JavaScript so that it runs without tsx.
//
//   node scripts/build.mjs              build everything
//   node scripts/build.mjs --if-missing build only the parts that are not there (what `npm start` does)
//   node scripts/build.mjs --node-only  rebuild only build/node/ (fast; the browser tests use it)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const buildDir = resolve(process.env.BUILD_DIR ?? "build");
const ifMissing = process.argv.includes("--if-missing");
const nodeOnly = process.argv.includes("--node-only");

const appMissing = !existsSync(`${buildDir}/server/index.js`);
const nodeMissing = !existsSync(`${buildDir}/node/start.js`);

if (!nodeOnly && (!ifMissing || appMissing)) {
  if (ifMissing) console.log("No build found: building the portal first.");
  execFileSync("npx", ["react-router", "build"], { stdio: "inherit" });
}

if (!ifMissing || nodeMissing) {
  // esbuild comes with the development tools (through vite and tsx); production never reaches this line
  // with a build in place.
  const { build } = await import("esbuild");
  await build({
    entryPoints: {
      start: "scripts/start.ts",
      migrate: "scripts/migrate.ts",
      seed: "scripts/seed.ts",
      cli: "scripts/cli.ts",
    },
    outdir: `${buildDir}/node`,
    bundle: true,
    // Separate chunks keep start.js's dynamic import a real one, so NODE_ENV is set before React loads.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Packages stay in node_modules: only the portal's own TypeScript is compiled in.
    packages: "external",
    alias: { "~": "./app" },
    logLevel: "warning",
  });
  console.log(`Server compiled to ${buildDir}/node/.`);
}
