import { type Kysely, sql } from "kysely";
import { refuseChanges } from "./portable";

export async function up(db: Kysely<any>): Promise<void> {
  /**
   * The priorities and measures a round uses. A round with no rows uses the standard lists (every
   * priority, every measure), so LCPF 2017-21 and any round made before this table keep working.
   */
  await db.schema
    .createTable("round_priorities")
    .addColumn("funding_round_id", "integer", (c) => c.notNull().references("funding_rounds.id").onDelete("cascade"))
    .addColumn("priority_id", "integer", (c) => c.notNull().references("priorities.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_priorities_pk", ["funding_round_id", "priority_id"])
    .execute();
  await db.schema
    .createTable("round_measures")
    .addColumn("funding_round_id", "integer", (c) => c.notNull().references("funding_rounds.id").onDelete("cascade"))
    .addColumn("measure_id", "integer", (c) => c.notNull().references("measures.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_measures_pk", ["funding_round_id", "measure_id"])
    .execute();

  /** A note on the figure ("indicative until the needs assessment") and whether it is indicative. */
  await db.schema.alterTable("allocations").addColumn("note", "text").execute();
  await db.schema
    .alterTable("allocations")
    .addColumn("indicative", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  /**
   * Every change to an allocation: who, when, the figures before and after, and how (the table's
   * form, a CSV import in the portal, or the command line). Append-only: the triggers refuse change.
   */
  await db.schema
    .createTable("allocation_history")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("financial_year_id", "integer", (c) => c.notNull().references("financial_years.id"))
    .addColumn("changed_by", "integer", (c) => c.references("users.id"))
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('form', 'import', 'command')`))
    .addColumn("old_amount_pence", "integer")
    .addColumn("new_amount_pence", "integer", (c) => c.notNull())
    .addColumn("old_uplift_pence", "integer")
    .addColumn("new_uplift_pence", "integer")
    .addColumn("old_indicative", "integer")
    .addColumn("new_indicative", "integer", (c) => c.notNull())
    .addColumn("old_note", "text")
    .addColumn("new_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("allocation_history_year")
    .on("allocation_history")
    .columns(["financial_year_id", "organisation_id"])
    .execute();
  await refuseChanges(db, "allocation_history", "allocation_history is append-only");

  /**
   * An uploaded allocations file between its preview and the admin's confirmation: the rows as read,
   * so confirming applies exactly what the preview showed, with or without JavaScript.
   */
  await db.schema
    .createTable("pending_allocation_imports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("funding_round_id", "integer", (c) => c.notNull().references("funding_rounds.id").onDelete("cascade"))
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("rows_json", "text", (c) => c.notNull())
    .addColumn("applied_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("pending_allocation_imports").execute();
  await db.schema.dropTable("allocation_history").execute();
  await db.schema.alterTable("allocations").dropColumn("indicative").execute();
  await db.schema.alterTable("allocations").dropColumn("note").execute();
  await db.schema.dropTable("round_measures").execute();
  await db.schema.dropTable("round_priorities").execute();
}
