import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  /**
   * Each project carries its own version, so officers working on different projects never refuse
   * each other's saves; the proposal's version now covers only the proposal's own answers and status.
   */
  await db.schema
    .alterTable("projects")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  /** Who saved the project last: a conflict names them. Null for projects not saved since this column came. */
  await db.schema
    .alterTable("projects")
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();

  /**
   * The project as it stood at a version, written by the save that moved it past that version. On a
   * conflict, comparing the version the officer started from with the current one shows exactly what
   * the colleague changed.
   */
  await db.schema
    .createTable("project_revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await sql`create unique index project_revisions_version on project_revisions (project_id, version)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("project_revisions").execute();
  await db.schema.alterTable("projects").dropColumn("updated_by").execute();
  await db.schema.alterTable("projects").dropColumn("version").execute();
}
