import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  /**
   * Every reminder sent, one row per person: the row is the claim. Whichever server instance inserts it
   * first sends the reminder (its notification and email are written in the same transaction); anyone
   * else's insert meets the unique key and does nothing. Plain SQL both SQLite and PostgreSQL run.
   */
  await db.schema
    .createTable("reminders")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull())
    /** What it is about: "borough:12:period:3" or "proposal:7". */
    .addColumn("subject", "text", (c) => c.notNull())
    /** Which occasion: the deadline counted down to, or the sending to the CSP waited on. */
    .addColumn("occasion", "text", (c) => c.notNull())
    .addColumn("recipient_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("proposal_id", "integer", (c) => c.references("proposals.id"))
    /** The notice as the person read it in the portal, for MOPAC's list of what was sent. */
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reminders_once", ["kind", "subject", "occasion", "recipient_user_id"])
    .execute();
  await db.schema.createIndex("reminders_created").on("reminders").columns(["created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reminders").execute();
}
