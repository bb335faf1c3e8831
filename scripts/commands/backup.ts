import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { config } from "../../app/config.server";
import { backupSqlite } from "../../db/backup";
import { sqlitePathFromUrl } from "../../db/connection";
import { EXIT, type Command } from "./command";

const backup: Command = {
  name: "backup",
  describe:
    "backup <file>: a consistent copy of the database (DATABASE_URL) in a new file, safe while the portal runs.",
  async run(args) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0 || file.startsWith("-")) {
      console.error("Usage: backup <file>, for example backup backups/lcpf-2017-02-23.sqlite");
      return EXIT.usage;
    }
    if (/^postgres(ql)?:/i.test(config.databaseUrl)) {
      console.error("DATABASE_URL names a PostgreSQL database: back it up with pg_dump (see the README).");
      return EXIT.failed;
    }
    const source = sqlitePathFromUrl(config.databaseUrl);
    if (source === ":memory:" || !existsSync(source)) {
      console.error(`There is no database file at ${source} to back up (DATABASE_URL is ${config.databaseUrl}).`);
      return EXIT.failed;
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
    const started = Date.now();
    const result = await backupSqlite(source, target);
    const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
    console.log(
      `Backed up ${source} to ${target}: ${result.tables} tables, ${megabytes} MB, checked, in ${Date.now() - started} ms.`,
    );
    return EXIT.ok;
  },
};

export default backup;
