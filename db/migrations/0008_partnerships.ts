import { type Kysely, sql } from "kysely";

// Migrations are frozen history: they use an untyped Kysely so later schema changes never break them.
export async function up(db: Kysely<any>): Promise<void> {
  /**
   * Whose CSP endorsers may endorse the partnership's joint proposal: null means any member borough's,
   * otherwise that one borough's (MOPAC decides per partnership).
   */
  await db.schema
    .alterTable("partnerships")
    .addColumn("endorsing_organisation_id", "integer", (c) => c.references("organisations.id"))
    .execute();

  /** What MOPAC allocates to the partnership itself for a year (DMPCD 2015 96 allocates to Tri-borough). */
  await db.schema
    .createTable("partnership_allocations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("partnership_id", "integer", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("financial_year_id", "integer", (c) => c.notNull().references("financial_years.id"))
    .addColumn("amount_pence", "integer", (c) => c.notNull().check(sqlNonNegative("amount_pence")))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("partnership_allocations_year", ["partnership_id", "financial_year_id"])
    .execute();

  /** Each member borough's share that MOPAC moves into the partnership for a year. */
  await db.schema
    .createTable("partnership_shares")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("partnership_id", "integer", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("financial_year_id", "integer", (c) => c.notNull().references("financial_years.id"))
    .addColumn("amount_pence", "integer", (c) => c.notNull().check(sqlNonNegative("amount_pence")))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("partnership_shares_member_year", ["partnership_id", "organisation_id", "financial_year_id"])
    .execute();

  /** A borough's two to four local priorities, agreed between MOPAC, the council and the police. */
  await db.schema
    .createTable("local_priorities")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("local_priorities_organisation")
    .on("local_priorities")
    .column("organisation_id")
    .execute();

  /** The local priorities a project names among its measures of success. */
  await db.schema
    .createTable("project_local_priorities")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("local_priority_id", "integer", (c) => c.notNull().references("local_priorities.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_local_priorities_pk", ["project_id", "local_priority_id"])
    .execute();
}

function sqlNonNegative(column: string) {
  return sql.raw(`${column} >= 0`);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "project_local_priorities",
    "local_priorities",
    "partnership_shares",
    "partnership_allocations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("partnerships").dropColumn("endorsing_organisation_id").execute();
}
