import {
  ColumnDefinitionNode,
  DataTypeNode,
  type Kysely,
  OperationNodeTransformer,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import { dialectOf } from "../dialect";

// The one place where the migrations differ by database. They are written once, in SQLite's terms;
// what PostgreSQL needs instead is said here.

function isPostgres(db: Kysely<any>): boolean {
  return dialectOf(db) === "postgres";
}

/**
 * Column types on PostgreSQL: `integer primary key autoincrement` becomes `serial primary key`, and
 * every `*_pence` column becomes `bigint` (a year of London's fund in pence passes int4's 2^31).
 */
class PostgresColumnTypes extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    if (column.autoIncrement) {
      return { ...column, autoIncrement: false, dataType: DataTypeNode.create("serial") };
    }
    const isInteger = DataTypeNode.is(column.dataType) && column.dataType.dataType === "integer";
    if (isInteger && column.column.column.name.endsWith("_pence")) {
      return { ...column, dataType: DataTypeNode.create("bigint") };
    }
    return column;
  }
}

/** Applied to the migrations on PostgreSQL only (see migrateToLatest). */
export class PostgresSchemaPlugin implements KyselyPlugin {
  readonly #transformer = new PostgresColumnTypes();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Makes a table append-only: any update or delete of its rows fails with `message`. */
export async function refuseChanges(db: Kysely<any>, table: string, message: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`create or replace function refuse_change() returns trigger language plpgsql as $$
      begin raise exception '%', tg_argv[0]; end $$`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_change(${sql.lit(message)})`.execute(db);
    return;
  }
  await sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_delete`)} before delete on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
}

/** A unique index on `columns` in which `textColumn` compares without regard to case. */
export async function uniqueIgnoringCase(
  db: Kysely<any>,
  name: string,
  table: string,
  columns: string[],
  textColumn: string,
): Promise<void> {
  const folded = isPostgres(db) ? sql`lower(${sql.ref(textColumn)})` : sql`${sql.ref(textColumn)} collate nocase`;
  await sql`create unique index ${sql.id(name)} on ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}, ${folded})`.execute(
    db,
  );
}
