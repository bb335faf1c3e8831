import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { config } from "../app/config.server";
import { createDatabase, migrateToLatest } from "../db/connection";
import { hasUsers, seedDemo, seedReference } from "../seeds/seed";
import { createTransport } from "../app/mail/transport.server";
import { startOutboxWorker } from "../app/mail/worker.server";
import { createServer } from "../server";

const buildPath = resolve(process.env.BUILD_DIR ?? "build");

const setup = createDatabase(config.databaseUrl);
await migrateToLatest(setup);
await seedReference(setup);
if (!config.isProduction && !(await hasUsers(setup))) {
  await seedDemo(setup);
  console.log("Empty development database: demo accounts created (password lcpf-demo-2017).");
}
await setup.destroy();

if (!existsSync(`${buildPath}/server/index.js`)) {
  console.log("No build found: building the portal first.");
  execFileSync("npx", ["react-router", "build"], { stdio: "inherit" });
}

const server = createServer(buildPath).listen(config.port, () => {
  console.log(`London Crime Prevention Fund portal on http://localhost:${config.port}`);
  console.log(config.smtpUrl ? "Emails go out through SMTP_URL." : `Emails are written to ${config.outboxDir}/ (SMTP_URL is not set).`);
});

// Sends the emails that changes queued (requests never send them), and retries what failed.
const outbox = createDatabase(config.databaseUrl);
const stopOutbox = startOutboxWorker(outbox, createTransport());

const stop = () => {
  stopOutbox();
  server.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
