import { createDatabase, migrateToLatest } from "../db/connection";
import { config } from "../app/config.server";

const db = createDatabase(config.databaseUrl);
const result = await migrateToLatest(db);
for (const migration of result.results ?? []) console.log(`migration ${migration.migrationName}: ${migration.status}`);
console.log(`Database ${config.databaseUrl} is up to date.`);
await db.destroy();
