import type { Kysely } from "kysely";

// Sessions to OWASP ASVS L2 and sign-in throttling that cannot be used to lock a person out.
export async function up(db: Kysely<any>): Promise<void> {
  // Sessions issued under the old policy (12 hours idle, renewed for ever) are ended: everyone signs
  // in once more, and from then on every session has an absolute end and a 30-minute idle timeout.
  await db.deleteFrom("sessions").execute();
  await db.schema.createIndex("sessions_expires_at").on("sessions").column("expires_at").execute();

  // The old per-email lock could be used to keep a person out; it is replaced by counts per client
  // address and per email and address, one row per failure so that counts slide with time.
  await db.schema.dropTable("sign_in_throttle").execute();
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("client_address", "text", (c) => c.notNull())
    // SHA-256 of the normalised email typed: people sometimes type a password into the email field.
    .addColumn("email_hash", "text", (c) => c.notNull())
    .addColumn("failed_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sign_in_failures_address")
    .on("sign_in_failures")
    .columns(["client_address", "failed_at"])
    .execute();
  await db.schema
    .createIndex("sign_in_failures_email_address")
    .on("sign_in_failures")
    .columns(["email_hash", "client_address", "failed_at"])
    .execute();
  await db.schema.createIndex("sign_in_failures_failed_at").on("sign_in_failures").column("failed_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sign_in_failures").execute();
  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("email", "text", (c) => c.primaryKey())
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.dropIndex("sessions_expires_at").execute();
}
