import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { config } from "../app/config.server";
import { createDatabase, dialectOfUrl, migrateToLatest, postgresSettingsFromEnv } from "../db/connection";
import { hasUsers, seedDemo, seedReference } from "../seeds/seed";
import { createTransport } from "../app/mail/transport.server";
import { startOutboxWorker, startReminderWorker } from "../app/mail/worker.server";
import { createServer } from "../server";

const buildPath = resolve(process.env.BUILD_DIR ?? "build");
if (!existsSync(`${buildPath}/server/index.js`)) {
  console.error(
    `No build in ${buildPath}: run \`npm run build\` first (\`npm start\` does it for you when there is none).`,
  );
  process.exit(1);
}

if (dialectOfUrl(config.databaseUrl) === "postgres" && config.sessionSecrets.length === 0) {
  console.warn(
    "SESSION_SECRET is not set: with several instances, the message after an action is lost when the next page comes from another. Set the same value on every instance.",
  );
}
const setup = createDatabase(config.databaseUrl);
// Instances starting together take turns here (a lock on PostgreSQL): the first migrates and seeds.
await migrateToLatest(setup, async (db) => {
  await seedReference(db);
  if (config.demoAccounts && !(await hasUsers(db))) {
    await seedDemo(db);
    console.log("Empty database on a local address: demo accounts created (password lcpf-demo-2017).");
  }
});
await setup.destroy();

const server = createServer(buildPath).listen(config.port, () => {
  console.log(`London Crime Prevention Fund portal on port ${config.port}, public address ${config.appUrl}`);
  console.log(
    config.smtpUrl
      ? "Emails go out through SMTP_URL."
      : `Emails are written to ${config.outboxDir}/ (SMTP_URL is not set).`,
  );
});

// A proxy keeps connections to the portal open between requests (nginx's upstream `keepalive`, idle for
// up to 60 s). Node would close an idle one after 5 s, and a request nginx sends down it at that moment
// fails: nginx then counts the instance as down for a while. So the portal waits longer than the proxy.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// Sends the emails that changes queued (requests never send them), and retries what failed.
// Two connections are plenty for the worker on PostgreSQL (SQLite ignores the pool settings).
const outbox = createDatabase(config.databaseUrl, { ...postgresSettingsFromEnv(), poolSize: 2 });
const stopOutbox = startOutboxWorker(outbox, createTransport());
// Writes the reminders that have fallen due (on the same connection, so its writes queue behind the
// outbox's rather than wait on a lock); REMINDERS=false leaves that to `cli remind` from cron.
const stopReminders = config.reminders ? startReminderWorker(outbox) : () => {};

const stop = () => {
  stopOutbox();
  stopReminders();
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; they carry no unsaved work.
  server.closeIdleConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
