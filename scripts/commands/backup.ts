import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { config } from "../../app/config.server";
import { backupPostgres, backupSqlite, maskPassword, MissingPostgresClientError } from "../../db/backup";
import { dialectOfUrl, sqlitePathFromUrl } from "../../db/connection";
import { EXIT, type Command } from "./command";

const backup: Command = {
  name: "backup",
  describe:
    "backup <file>: a consistent copy of the database (DATABASE_URL) in a new file, safe while the portal runs: SQLite's backup API, or pg_dump's custom format on PostgreSQL.",
  async run(args) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0 || file.startsWith("-")) {
      console.error(
        "Usage: backup <file>, for example backup backups/lcpf-2017-02-23.sqlite (on PostgreSQL, backups/lcpf-2017-02-23.dump)",
      );
      return EXIT.usage;
    }
    const target = resolve(file);
    if (existsSync(target)) {
      console.error(`${target} already exists: choose a new file name (a backup never overwrites one).`);
      return EXIT.failed;
    }
    if (!existsSync(dirname(target))) {
      console.error(`The folder ${dirname(target)} does not exist: make it first.`);
      return EXIT.failed;
    }
    return dialectOfUrl(config.databaseUrl) === "postgres"
      ? backUpPostgres(config.databaseUrl, target)
      : backUpSqlite(config.databaseUrl, target);
  },
};

async function backUpSqlite(databaseUrl: string, target: string): Promise<number> {
  const source = sqlitePathFromUrl(databaseUrl);
  if (source === ":memory:" || !existsSync(source)) {
    console.error(`There is no database file at ${source} to back up (DATABASE_URL is ${databaseUrl}).`);
    return EXIT.failed;
  }
  const started = Date.now();
  const result = await backupSqlite(source, target);
  const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `Backed up ${source} to ${target}: ${result.tables} tables, ${megabytes} MB, checked, in ${Date.now() - started} ms.`,
  );
  return EXIT.ok;
}

async function backUpPostgres(databaseUrl: string, target: string): Promise<number> {
  const source = maskPassword(databaseUrl);
  const started = Date.now();
  try {
    const result = await backupPostgres(databaseUrl, target);
    const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
    console.log(
      `Backed up ${source} to ${target} with ${result.pgDump} --format=custom (one snapshot): ${result.tables} tables, ` +
        `${megabytes} MB, checked with pg_restore --list, in ${Date.now() - started} ms. Restore it with pg_restore (see the README).`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof MissingPostgresClientError) {
      console.error(`Cannot back up ${source}: ${error.message}`);
      return EXIT.failed;
    }
    // Whatever the programs said is masked already; the URL printed here is too.
    console.error(`Backing up ${source} failed: ${(error as Error).message}`);
    return EXIT.failed;
  }
}

export default backup;
