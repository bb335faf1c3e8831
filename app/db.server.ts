import { createDatabase, type DB } from "../db/connection";
import { config } from "./config.server";

let instance: DB | undefined;

/** The portal's one database connection, opened on first use from DATABASE_URL. */
export function db(): DB {
  instance ??= createDatabase(config.databaseUrl);
  return instance;
}

/** For tests and scripts that open and close databases of their own. */
export async function closeDb(): Promise<void> {
  await instance?.destroy();
  instance = undefined;
}
