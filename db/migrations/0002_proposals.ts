import { type Kysely, sql } from "kysely";
import { uniqueIgnoringCase } from "./portable";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("proposals")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("funding_period_id", "integer", (c) => c.notNull().references("funding_periods.id"))
    /** The borough whose officers started it; a joint proposal lists every member in proposal_boroughs. */
    .addColumn("lead_organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("partnership_id", "integer", (c) => c.references("partnerships.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(
          sql`status in ('draft', 'awaiting_csp', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn')`,
        ),
    )
    /** Bumped by every save, so a save made on a stale copy is refused. */
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("transition_plan", "text")
    .addColumn("authority_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("minimum_standards_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("compliance_accepted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("data_protection_confirmed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("data_processing_summary", "text")
    .addColumn("privacy_notice_url", "text")
    .addColumn("data_protection_policy_url", "text")
    .addColumn("assigned_reviewer_id", "integer", (c) => c.references("users.id"))
    .addColumn("first_submitted_at", "text")
    .addColumn("last_submitted_at", "text")
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("updated_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("proposal_boroughs")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("funding_period_id", "integer", (c) => c.notNull().references("funding_periods.id"))
    /** Withdrawn proposals stop holding the borough's place for the period. */
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_boroughs_pk", ["proposal_id", "organisation_id"])
    .execute();
  // One live proposal per borough per funding period, enforced by the database as well as the page.
  await sql`create unique index proposal_boroughs_one_per_period on proposal_boroughs (organisation_id, funding_period_id) where active = 1`.execute(
    db,
  );

  await db.schema
    .createTable("projects")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("primary_priority_id", "integer", (c) => c.references("priorities.id"))
    .addColumn("secondary_priority_id", "integer", (c) => c.references("priorities.id"))
    .addColumn("description", "text")
    .addColumn("aims", "text")
    .addColumn("outcomes", "text")
    .addColumn("works_with_other_authorities", "integer")
    .addColumn("other_authorities", "text")
    .addColumn("la_in_kind", "text")
    .addColumn("delivery_type", "text", (c) =>
      c.check(sql`delivery_type in ('in_house', 'commissioned', 'contribution')`),
    )
    .addColumn("provider", "text")
    .addColumn("service_total_cost_pence", "integer", (c) => c.check(sql`service_total_cost_pence >= 0`))
    .addColumn("co_commissioning_candidate", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("procurement_completed_on", "text")
    .addColumn("start_on", "text")
    .addColumn("completion_on", "text")
    .addColumn("evaluation_completed_on", "text")
    .addColumn("planning_permission_on", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await uniqueIgnoringCase(db, "projects_title_per_proposal", "projects", ["proposal_id"], "title");

  await db.schema
    .createTable("project_costs")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("financial_year_id", "integer", (c) => c.notNull().references("financial_years.id"))
    .addColumn("lcpf_pence", "integer", (c) => c.notNull().check(sql`lcpf_pence >= 0`))
    .addColumn("la_cash_pence", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`la_cash_pence >= 0`),
    )
    /** 1 when the LCPF amount was invented for the demo; any save by an officer clears it. */
    .addColumn("is_demo_figure", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_costs_pk", ["project_id", "financial_year_id"])
    .execute();

  await db.schema
    .createTable("project_categories")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_categories_pk", ["project_id", "category"])
    .execute();

  await db.schema
    .createTable("project_measures")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("measure_id", "integer", (c) => c.notNull().references("measures.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_measures_pk", ["project_id", "measure_id"])
    .execute();

  /** Partners contributing to a project, and the voluntary and community sector organisations delivering it. */
  await db.schema
    .createTable("project_contributors")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('partner', 'vcs')`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("in_kind", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("project_contributor_amounts")
    .addColumn("contributor_id", "integer", (c) =>
      c.notNull().references("project_contributors.id").onDelete("cascade"),
    )
    .addColumn("financial_year_id", "integer", (c) => c.notNull().references("financial_years.id"))
    .addColumn("amount_pence", "integer", (c) => c.notNull().check(sql`amount_pence >= 0`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_contributor_amounts_pk", ["contributor_id", "financial_year_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "project_contributor_amounts",
    "project_contributors",
    "project_measures",
    "project_categories",
    "project_costs",
    "projects",
    "proposal_boroughs",
    "proposals",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
