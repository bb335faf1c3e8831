import { createDatabase, migrateToLatest } from "../db/connection";
import { config } from "../app/config.server";
import { seedDemo, seedReference } from "../seeds/seed";

const withDemo = process.argv.includes("--demo");
// The demo accounts' password is published in the README: never on an address other people can reach.
if (withDemo && !config.demoAccounts) {
  console.error("Refusing to create the demo accounts: APP_URL is not a local address, or DEMO_ACCOUNTS is off.");
  process.exit(1);
}
const db = createDatabase(config.databaseUrl);
await migrateToLatest(db, async (locked) => {
  await seedReference(locked);
  console.log("Reference data loaded.");
  if (withDemo) {
    await seedDemo(locked);
    console.log("Demo accounts and demo data loaded (password lcpf-demo-2017).");
  }
});
await db.destroy();
