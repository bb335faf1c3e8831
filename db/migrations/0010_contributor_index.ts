import type { Kysely } from "kysely";

/**
 * A project's partners and delivery organisations were found by reading the whole table: one
 * project's lookup took 191 ms on the London-sized database, and the London export reads the
 * partners of every project. An index on the project makes both a lookup.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("project_contributors_project")
    .on("project_contributors")
    .columns(["project_id", "kind"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("project_contributors_project").execute();
}
