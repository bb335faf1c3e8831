import { sql } from "kysely";
import { dialectOf, type DB } from "../../db/connection";

/*
 * Large reads as one JSON document the database builds. better-sqlite3 hands each cell over to
 * JavaScript one at a time, which on the London-sized database cost more than the query itself for a
 * thousand rows; one string parsed by JSON.parse costs a fraction of it. Used only where a page reads
 * hundreds of rows.
 */

/** The JSON functions of each database: SQLite's json_array and json_group_array, PostgreSQL's json_build_array and json_agg. */
export function jsonFunctions(db: DB) {
  const postgres = dialectOf(db) === "postgres";
  return {
    array: sql.raw(postgres ? "json_build_array" : "json_array"),
    agg: sql.raw(postgres ? "json_agg" : "json_group_array"),
  };
}

/** A JSON document from the database: PostgreSQL's driver parses it, SQLite's gives the text; none when no row was aggregated. */
export function parsedJson<T>(document: string | T[] | null): T[] {
  if (document === null) return [];
  return typeof document === "string" ? (JSON.parse(document) as T[]) : document;
}
