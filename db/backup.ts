import { existsSync, renameSync, rmSync } from "node:fs";
import SQLite from "better-sqlite3";

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
