import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, delimiter, join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { createDatabase, postgresSettingsFromEnv, type PostgresSettings } from "./connection";

export type BackupResult = { pages: number; bytes: number; tables: number };

/** Copy every page in one step: one read of one moment, so a writer cannot make the backup start over. */
const ALL_PAGES = 0x7fffffff;

/**
 * A consistent online backup of a SQLite database, safe while the portal runs: SQLite's backup API
 * copies the database as one read transaction sees it (WAL included), never a half-written file as
 * `cp` of a live database can. It is written beside the target and renamed into place only once it
 * opens and passes SQLite's quick check, so a failure never leaves a broken file under the target name.
 */
export async function backupSqlite(sourcePath: string, targetPath: string): Promise<BackupResult> {
  if (existsSync(targetPath)) throw new Error(`${targetPath} already exists: choose a new file name.`);
  const partial = `${targetPath}.partial-${process.pid}`;
  const source = new SQLite(sourcePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const progress = await source.backup(partial, { progress: () => ALL_PAGES });
    const result = checkCopy(partial, progress.totalPages);
    renameSync(partial, targetPath);
    return result;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/**
 * Opens the copy, checks it, and makes it one self-contained file: rollback journal rather than WAL (the
 * portal turns WAL back on when it opens a restored copy), so no -wal or -shm file belongs with it.
 */
function checkCopy(path: string, pages: number): BackupResult {
  const copy = new SQLite(path, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy failed SQLite's check: ${String(check)}`);
    const tables = copy.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
    const pageSize = copy.pragma("page_size", { simple: true }) as number;
    return { pages, bytes: pages * pageSize, tables: tables.n };
  } finally {
    copy.close();
  }
}

export type PostgresBackupResult = { tables: number; bytes: number; pgDump: string };

/** Raised when pg_dump or pg_restore cannot be found: the message says how to install them. */
export class MissingPostgresClientError extends Error {}

/**
 * A PostgreSQL client program (pg_dump, pg_restore): only from PG_BIN when that is set (as for the test
 * cluster's server programs), else on PATH (Debian's wrapper picks the newest installed client), else
 * the newest /usr/lib/postgresql/<version>/bin. A pg_dump older than the server refuses to run, so the
 * newest one is the one to find.
 */
export function findPostgresTool(name: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.PG_BIN) {
    candidates.push(join(env.PG_BIN, name));
  } else {
    for (const folder of (env.PATH ?? "").split(delimiter)) if (folder) candidates.push(join(folder, name));
    const versions = "/usr/lib/postgresql";
    if (existsSync(versions)) {
      for (const version of readdirSync(versions).sort((a, b) => Number(b) - Number(a)))
        candidates.push(join(versions, version, "bin", name));
    }
  }
  const found = candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) {
    throw new MissingPostgresClientError(
      `${name} is not installed: install PostgreSQL's client programs (on Debian or Ubuntu, apt-get install postgresql-client; ` +
        "its major version must be at least the server's), or set PG_BIN to the folder that holds them.",
    );
  }
  return found;
}

/** The URL with its password replaced by ***, for anything printed or thrown. */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1***@");
  }
}

/**
 * How pg_dump and pg_restore connect to `url`: the URL without its password as an argument, the
 * password in PGPASSWORD (arguments are visible to every user of the machine in `ps`; a child's
 * environment is not), and the portal's DATABASE_SSL settings in libpq's own variables.
 */
export function libpqConnection(
  url: string,
  settings: PostgresSettings = postgresSettingsFromEnv(),
): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = "";
  // The portal's "verify" checks the certificate and the host name, as libpq's verify-full does.
  if (settings.ssl !== "off") env.PGSSLMODE = settings.ssl === "verify" ? "verify-full" : "require";
  if (settings.sslCaFile) env.PGSSLROOTCERT = settings.sslCaFile;
  return { dbname: parsed.toString(), env };
}

/** Runs a program without a shell and without blocking the event loop; rejects with its stderr, masked. */
function runProgram(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  mask: (text: string) => string,
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(program, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const said = mask(String(stderr).trim()) || mask(error.message);
        reject(new Error(`${basename(program)} failed: ${said}`));
      } else {
        resolvePromise(String(stdout));
      }
    });
  });
}

/** The tables a `pg_restore --list` table of contents holds: its "TABLE <schema> <name>" entries. */
export function tablesInDump(list: string): { tables: Set<string>; withData: Set<string> } {
  const tables = new Set<string>();
  const withData = new Set<string>();
  for (const line of list.split("\n")) {
    const entry = /^\d+; \d+ \d+ (TABLE DATA|TABLE) (\S+) (\S+) /.exec(line);
    if (!entry) continue;
    (entry[1] === "TABLE" ? tables : withData).add(`${entry[2]}.${entry[3]}`);
  }
  return { tables, withData };
}

/**
 * A consistent online backup of a PostgreSQL database, safe while the portal runs: pg_dump reads the
 * whole database in one snapshot (one repeatable-read transaction), so every write that committed
 * together is in the dump together, or none of it is. The custom format is compressed and is what
 * pg_restore reads. As with SQLite, the dump is written beside the target and renamed into place only
 * once pg_restore can read its table of contents and finds every one of the live database's tables
 * in it, with its data; a failure never leaves a broken file under the target name.
 */
export async function backupPostgres(
  url: string,
  targetPath: string,
  settings: PostgresSettings = postgresSettingsFromEnv(),
): Promise<PostgresBackupResult> {
  if (existsSync(targetPath)) throw new Error(`${targetPath} already exists: choose a new file name.`);
  const pgDump = findPostgresTool("pg_dump");
  const pgRestore = findPostgresTool("pg_restore");
  const { dbname, env } = libpqConnection(url, settings);
  const password = env.PGPASSWORD;
  const mask = (text: string) => (password ? text.split(password).join("***") : text);
  const liveTables = await tablesOf(url, settings);
  const partial = `${targetPath}.partial-${process.pid}`;
  try {
    await runProgram(pgDump, ["--format=custom", `--file=${partial}`, `--dbname=${dbname}`], env, mask);
    const contents = tablesInDump(await runProgram(pgRestore, ["--list", partial], env, mask));
    const missing = liveTables.filter((table) => !contents.tables.has(table) || !contents.withData.has(table));
    if (liveTables.length === 0 || missing.length > 0) {
      throw new Error(
        `the dump does not hold ${liveTables.length === 0 ? "any of the portal's tables" : `every table: ${missing.join(", ")} missing`}`,
      );
    }
    const bytes = statSync(partial).size;
    renameSync(partial, targetPath);
    return { tables: liveTables.length, bytes, pgDump };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The live database's own tables (schema-qualified), as pg_dump's table of contents names them. */
async function tablesOf(url: string, settings: PostgresSettings): Promise<string[]> {
  const db = createDatabase(url, { ...settings, poolSize: 1 });
  try {
    const { rows } = await sql<{ name: string }>`
      select table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1`.execute(db);
    return rows.map((row) => row.name);
  } finally {
    await db.destroy();
  }
}
