import { type Kysely, sql } from "kysely";

// People: invitations and password resets by emailed link, a history of what admins changed, and the
// time a password was last set (null while an invitation is unanswered).
export async function up(db: Kysely<any>): Promise<void> {
  // Existing accounts already have a password: say it was set when the account was made.
  await db.schema.alterTable("users").addColumn("password_set_at", "text").execute();
  await db
    .updateTable("users")
    .set({ password_set_at: sql`created_at` })
    .execute();

  // One-time links. Only the SHA-256 of the token is kept, so a copy of the database opens no account.
  await db.schema
    .createTable("account_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('invitation', 'password_reset')`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("account_tokens_user").on("account_tokens").columns(["user_id", "purpose"]).execute();

  // Requests for a reset link, counted per address typed (hashed) and per client address, whether or
  // not an account has that address, so the limit tells nobody which addresses exist.
  await db.schema
    .createTable("password_reset_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email_hash", "text", (c) => c.notNull())
    .addColumn("client_address", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("password_reset_requests_email")
    .on("password_reset_requests")
    .columns(["email_hash", "requested_at"])
    .execute();
  await db.schema
    .createIndex("password_reset_requests_address")
    .on("password_reset_requests")
    .columns(["client_address", "requested_at"])
    .execute();

  // Who changed whose access, and when: append-only, kept when the account is deactivated.
  await db.schema
    .createTable("user_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("user_events_user").on("user_events").columns(["user_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("user_events").execute();
  await db.schema.dropTable("password_reset_requests").execute();
  await db.schema.dropTable("account_tokens").execute();
  await db.schema.alterTable("users").dropColumn("password_set_at").execute();
}
