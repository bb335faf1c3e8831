import type { Kysely } from "kysely";
import { refuseChanges } from "./portable";

export async function up(db: Kysely<any>): Promise<void> {
  /** Every transition and comment: the history everyone who may see the proposal reads. Never changed. */
  await db.schema
    .createTable("proposal_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id"))
    /** Null when the portal itself acted (routing a submission to a reviewer). */
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text", (c) => c.notNull())
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    /** Feedback about one project; not a foreign key, so removing the project keeps its history. */
    .addColumn("project_id", "integer")
    .addColumn("project_title", "text")
    .addColumn("meeting_date", "text")
    .addColumn("assigned_reviewer_id", "integer", (c) => c.references("users.id"))
    .addColumn("proposal_version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("proposal_events_proposal")
    .on("proposal_events")
    .columns(["proposal_id", "id"])
    .execute();
  await refuseChanges(db, "proposal_events", "proposal history is append-only");

  /** The proposal as MOPAC received it at each submission, for "what changed since last time". */
  await db.schema
    .createTable("proposal_snapshots")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("proposal_events.id"))
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("proposal_id", "integer", (c) => c.references("proposals.id"))
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("notifications_user_unread")
    .on("notifications")
    .columns(["user_id", "read_at"])
    .execute();

  /** Emails written in the same transaction as the change they tell of, sent after it commits. */
  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("email_outbox_pending")
    .on("email_outbox")
    .columns(["sent_at", "next_attempt_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["email_outbox", "notifications", "proposal_snapshots", "proposal_events"]) {
    await db.schema.dropTable(table).execute();
  }
}
