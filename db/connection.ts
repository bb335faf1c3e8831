import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  SqliteDialect,
  type LogConfig,
  type MigrationResultSet,
  type Transaction,
} from "kysely";
import { dialectOf, type Dialect } from "./dialect";
import { migrations } from "./migrations/index";
import { PostgresSchemaPlugin } from "./migrations/portable";
import type { Database } from "./schema";

export { dialectOf, type Dialect };

export type DB = Kysely<Database>;

/** `postgres://` or `postgresql://` selects PostgreSQL; anything else (`file:...`, a path) is SQLite. */
export function dialectOfUrl(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** How the PostgreSQL pool connects: DATABASE_POOL_SIZE and DATABASE_SSL (see the README). */
export type PostgresSettings = { poolSize: number; ssl: "off" | "require" | "verify"; sslCaFile?: string };

export function postgresSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PostgresSettings {
  const rawSize = env.DATABASE_POOL_SIZE?.trim();
  if (rawSize && !/^[1-9]\d{0,2}$/.test(rawSize)) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 999, not "${rawSize}".`);
  }
  const ssl = (env.DATABASE_SSL?.trim().toLowerCase() || "off") as PostgresSettings["ssl"];
  if (!["off", "require", "verify"].includes(ssl)) {
    throw new Error(`DATABASE_SSL must be off, require or verify, not "${env.DATABASE_SSL}".`);
  }
  return { poolSize: rawSize ? Number(rawSize) : 10, ssl, sslCaFile: env.DATABASE_SSL_CA?.trim() || undefined };
}

/** `file:data/lcpf.sqlite` or a plain path -> the file path better-sqlite3 wants. */
export function sqlitePathFromUrl(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

/** Opens the database at `url`; `log` sees every statement (tests count them with it). */
export function createDatabase(
  url: string,
  settings: PostgresSettings = postgresSettingsFromEnv(),
  log?: LogConfig,
): DB {
  if (dialectOfUrl(url) === "postgres") return createPostgres(url, settings, log);
  const path = sqlitePathFromUrl(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }), log });
  if (!log) sqliteConnections.set(db, { sqlite, statements });
  return db;
}

/** The SQLite connection behind each database opened here without a log, for `readNow`. */
const sqliteConnections = new WeakMap<
  DB,
  { sqlite: SQLite.Database; statements: ReturnType<typeof withStatementCache> }
>();

/**
 * The rows of a read, read at once from the SQLite connection behind `db`, or undefined where that
 * would not be the same as asking Kysely: PostgreSQL, a transaction's handle, a database opened with
 * a log (which must see every statement), a statement that writes, or a connection with a
 * transaction open. Kysely lends SQLite's one connection to a transaction for its whole length; a read
 * made now, in between, would see the transaction's writes before they are committed.
 *
 * Kysely's way to a row goes through its connection lock and several promises, which for the small
 * reads of a page cost as much as SQLite's answer.
 */
export function readNow(
  db: DB,
  sqlText: string,
  parameters: readonly unknown[],
): Record<string, unknown>[] | undefined {
  const connection = sqliteConnections.get(db);
  if (!connection || connection.sqlite.inTransaction) return undefined;
  const statement = connection.statements.prepare(sqlText);
  return statement.reader ? statement.all(parameters) : undefined;
}

const INT8_OID = 20;

/**
 * A bigint (money columns, count(*)) read back as a number, checked: a value past 2^53 would lose
 * pence silently as a float, so it stops the request instead. sum() of a bigint is numeric and stays a
 * string for penceFromSum to check.
 */
export function numberFromInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${text} is too large to handle exactly`);
  return value;
}

function createPostgres(url: string, settings: PostgresSettings, log?: LogConfig): DB {
  const ssl =
    settings.ssl === "off"
      ? undefined
      : {
          rejectUnauthorized: settings.ssl === "verify",
          ca: settings.sslCaFile ? readFileSync(settings.sslCaFile, "utf8") : undefined,
        };
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.poolSize,
    ssl,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID ? numberFromInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closed (a restart, a failover) is dropped from the pool and the next
  // query opens a new one; without a listener, the pool's error event would end the process.
  pool.on("error", (error) => {
    // Once the pool is closing, its connections ending is what was asked for.
    if (!pool.ending) console.error(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
}

/** How many prepared statements each connection keeps; the portal's queries are far fewer. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh, and under load preparing cost as much as running. The same
 * SQL text gets the same prepared statement back (SQLite re-prepares it itself if the schema
 * changes); the oldest is dropped once the cache is full, since `in (?, ?, ...)` lists vary in length.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, RowsAsObjects>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText);
      if (!statement) {
        statement = new RowsAsObjects(sqlite.prepare(sqlText));
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/**
 * A statement whose rows are read as arrays and made into objects here. better-sqlite3 sets each
 * cell of a row object from native code, one call per cell, which took twice as long as reading the
 * same rows as arrays (the 18 projects of a proposal: 330 µs against 190 µs). The objects are the
 * same: a property per column, in the columns' order, a later column of the same name winning.
 */
class RowsAsObjects {
  readonly reader: boolean;
  #columns: string[] | undefined;
  constructor(private readonly statement: SQLite.Statement<unknown[]>) {
    this.reader = statement.reader;
    if (this.reader) statement.raw(true);
  }
  all(parameters: readonly unknown[]): Record<string, unknown>[] {
    return (this.statement.all(...parameters) as unknown[][]).map((cells) => this.#row(cells));
  }
  run(parameters: readonly unknown[]) {
    return this.statement.run(...parameters);
  }
  *iterate(parameters: readonly unknown[]): IterableIterator<Record<string, unknown>> {
    for (const cells of this.statement.iterate(...parameters) as IterableIterator<unknown[]>) yield this.#row(cells);
  }
  #row(cells: unknown[]): Record<string, unknown> {
    // SQLite prepares a statement again when the schema changes under it: a `select *` that comes back
    // with another number of columns has its names read again.
    let columns = this.#columns;
    if (columns?.length !== cells.length)
      columns = this.#columns = this.statement.columns().map((column) => column.name);
    const row: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index++) row[columns[index]!] = cells[index];
    return row;
  }
}

/** Attempts at a PostgreSQL transaction that keeps meeting a concurrent one before the portal gives up. */
export const TRANSACTION_ATTEMPTS = 8;

/** PostgreSQL's codes for "try again": a serialisation failure and a deadlock. */
function mustRetry(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40001" || code === "40P01";
}

/**
 * Runs `work` in one transaction. SQLite runs one writer at a time, so every transaction there is
 * serialisable already. On PostgreSQL the portal asks for SERIALIZABLE too, so that a rule checked in
 * a transaction (one proposal per borough, the workflow's "from" state, the sign-in limit) still holds
 * when it commits; when PostgreSQL reports that a concurrent transaction got in the way, the work runs
 * again from the start. After a few tries it gives up with a 503 "busy, try again" answer (a thrown
 * Response, which pages show as such), never a 500.
 */
export async function inTransaction<T>(db: DB, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === "sqlite") return db.transaction().execute(work);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().setIsolationLevel("serializable").execute(work);
    } catch (error) {
      if (!mustRetry(error)) throw error;
      if (attempt >= TRANSACTION_ATTEMPTS) throw busy();
      // Spread the retries, further each time (up to about 0.6 s), so the ones that collided do not again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
    }
  }
}

export const BUSY_MESSAGE =
  "Other people were changing the same thing at the same moment, and your change was not saved. Go back and try again.";

function busy(): Response {
  return Response.json({ message: BUSY_MESSAGE }, { status: 503, headers: { "Retry-After": "1" } });
}

/** Key of the advisory lock that instances starting together take, so only one migrates at a time. */
const MIGRATION_LOCK = 4_241_017;

/**
 * Brings the schema up to date. On PostgreSQL this holds a session-level advisory lock for the whole
 * of `then` as well (seeding, say), so two instances starting at once take turns: the second finds
 * the work done.
 */
export async function migrateToLatest(
  db: DB,
  then: (db: DB) => Promise<void> = async () => {},
): Promise<MigrationResultSet> {
  if (dialectOf(db) === "sqlite") {
    const result = await migrate(db);
    await then(db);
    return result;
  }
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      const result = await migrate(connection.withPlugin(new PostgresSchemaPlugin()));
      await then(connection);
      return result;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}

async function migrate(db: DB): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
