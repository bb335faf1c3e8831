import type { Compilable, CompiledQuery } from "kysely";
import { dialectOf, type Dialect } from "./dialect";
import { readNow, type DB } from "./connection";

/** What a prepared query's builder is handed in place of each argument while it is built once. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query of one fixed shape, built and compiled once for each database and then only run with the
 * values of each call. Kysely builds and compiles every query afresh, which for the small queries a
 * page runs cost about as much as SQLite answering them (40-50 µs for the session's).
 *
 * On SQLite the query is run at once on the connection (`readNow`), without Kysely's connection lock and
 * promises, unless that would not be the same.
 *
 * `build` is called once per database, with stand-ins for its arguments, so it must use each argument
 * only as a value in the query (compared with `=`, never spread into an `in` list nor tested in code),
 * and depend on nothing else that changes. An argument it does not pass into the query makes the first
 * call throw.
 */
export function prepared<Args extends unknown[], Row>(
  build: (db: DB, ...args: Args) => Compilable<Row>,
): (db: DB, ...args: Args) => Promise<Row[]> {
  const compiled = new Map<Dialect, CompiledQuery<Row>>();
  return async (db, ...args) => {
    const dialect = dialectOf(db);
    let query = compiled.get(dialect);
    if (!query) {
      const slots = args.map((_, index) => new Slot(index)) as Args;
      query = build(db, ...slots).compile();
      for (const slot of slots as Slot[]) {
        if (!query.parameters.includes(slot))
          throw new Error(`A prepared query must use its argument ${slot.index + 1} as a value in the query`);
      }
      compiled.set(dialect, query);
    }
    const parameters = query.parameters.map((value) => (value instanceof Slot ? args[value.index] : value));
    return (
      (readNow(db, query.sql, parameters) as Row[] | undefined) ??
      (await db.executeQuery<Row>({ ...query, parameters })).rows
    );
  };
}
