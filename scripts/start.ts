import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { config } from "../app/config.server";
import { createDatabase, migrateToLatest } from "../db/connection";
import { hasUsers, seedDemo, seedReference } from "../seeds/seed";
import { createServer } from "../server";

const buildPath = resolve(process.env.BUILD_DIR ?? "build");

const db = createDatabase(config.databaseUrl);
await migrateToLatest(db);
await seedReference(db);
if (!config.isProduction && !(await hasUsers(db))) {
  await seedDemo(db);
  console.log("Empty development database: demo accounts created (password lcpf-demo-2017).");
}
await db.destroy();

if (!existsSync(`${buildPath}/server/index.js`)) {
  console.log("No build found: building the portal first.");
  execFileSync("npx", ["react-router", "build"], { stdio: "inherit" });
}

const server = createServer(buildPath).listen(config.port, () => {
  console.log(`London Crime Prevention Fund portal on http://localhost:${config.port}`);
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
