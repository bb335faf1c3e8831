import { type Kysely, sql } from "kysely";

// Migrations are frozen history: they use an untyped Kysely so later schema changes never break them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('borough', 'mopac')`))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("gss_code", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("partnerships")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("partnership_members")
    .addColumn("partnership_id", "integer", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("partnership_members_pk", ["partnership_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('borough_officer', 'csp_member', 'mopac_reviewer', 'mopac_admin')`),
    )
    .addColumn("can_endorse", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("email", "text", (c) => c.primaryKey())
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("funding_rounds")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("co_commissioned_percent", "integer", (c) =>
      c.notNull().check(sql`co_commissioned_percent between 0 and 100`),
    )
    .addColumn("split_from_year_position", "integer", (c) => c.notNull())
    .addColumn("proposal_deadline", "text")
    .addColumn("feedback_deadline", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("funding_periods")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("funding_round_id", "integer", (c) => c.notNull().references("funding_rounds.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("funding_periods_round_number", ["funding_round_id", "number"])
    .execute();

  await db.schema
    .createTable("financial_years")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("funding_round_id", "integer", (c) => c.notNull().references("funding_rounds.id"))
    .addColumn("funding_period_id", "integer", (c) => c.notNull().references("funding_periods.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("financial_years_round_position", ["funding_round_id", "position"])
    .execute();

  await db.schema
    .createTable("allocations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("financial_year_id", "integer", (c) => c.notNull().references("financial_years.id"))
    .addColumn("amount_pence", "integer", (c) => c.notNull().check(sql`amount_pence >= 0`))
    .addColumn("uplift_pence", "integer")
    .addColumn("is_demo_figure", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("allocations_org_year", ["organisation_id", "financial_year_id"])
    .execute();

  await db.schema
    .createTable("priorities")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("measures")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("mandatory", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("reviewer_leads")
    .addColumn("organisation_id", "integer", (c) => c.primaryKey().references("organisations.id"))
    .addColumn("reviewer_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "reviewer_leads",
    "measures",
    "priorities",
    "allocations",
    "financial_years",
    "funding_periods",
    "funding_rounds",
    "sign_in_throttle",
    "sessions",
    "users",
    "partnership_members",
    "partnerships",
    "organisations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
