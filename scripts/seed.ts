import { createDatabase, migrateToLatest } from "../db/connection";
import { config } from "../app/config.server";
import { seedDemo, seedReference } from "../seeds/seed";

const withDemo = process.argv.includes("--demo");
const db = createDatabase(config.databaseUrl);
await migrateToLatest(db);
await seedReference(db);
console.log("Reference data loaded.");
if (withDemo) {
  await seedDemo(db);
  console.log("Demo accounts and demo data loaded (password lcpf-demo-2017).");
}
await db.destroy();
