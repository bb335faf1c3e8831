import { sql } from "kysely";
import { dialectOf, type DB } from "../../db/connection";

/**
 * Where the database stands: the same text exactly while nothing in it has changed.
 * - SQLite: how many rows this connection has changed (`total_changes()`, which counts a change rolled
 *   back too, so it can only say "changed" too often) and `data_version`, which moves whenever another
 *   connection commits (the outbox worker's, the command line's, another process's).
 * - PostgreSQL: the current snapshot, that is which transactions have finished. Two equal snapshots see
 *   exactly the same committed transactions, so the same data, whichever instance wrote it.
 */
export async function databaseState(db: DB): Promise<string> {
  const query =
    dialectOf(db) === "postgres"
      ? sql<{ state: string }>`select pg_current_snapshot()::text as state`
      : sql<{ state: string }>`select total_changes() || ':' || (select data_version from pragma_data_version()) as state`;
  const { rows } = await query.execute(db);
  return rows[0]!.state;
}

/** How many results each database keeps: the London exports and a few proposals' at most. */
const KEPT = 8;

const kept = new WeakMap<DB, Map<string, { state: string; value: Promise<unknown> }>>();

/**
 * What `build` gives for `key`, built again only once the database has changed since it was last built:
 * for large reads that are the same for everyone allowed to see them, such as the London exports.
 * The state is read before `build` reads anything, so a change committed while it builds is seen as a
 * change next time: a result is never older than the state it is kept under. Requests that arrive
 * while it builds wait for the same result rather than build it again; a build that fails is forgotten.
 */
export async function builtWhileUnchanged<T>(db: DB, key: string, build: () => Promise<T>): Promise<T> {
  const state = await databaseState(db);
  let results = kept.get(db);
  if (!results) {
    results = new Map();
    kept.set(db, results);
  }
  const known = results.get(key);
  if (known?.state === state) return known.value as Promise<T>;

  const entry = { state, value: build() };
  results.delete(key); // re-added last, so the first key is the one built longest ago
  results.set(key, entry);
  if (results.size > KEPT) results.delete(results.keys().next().value!);
  entry.value.catch(() => {
    if (results.get(key) === entry) results.delete(key);
  });
  return entry.value;
}
