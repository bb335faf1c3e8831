import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import type { State } from "~/domain/workflow";
import { cookieFor } from "./setup-db";

/**
 * Makes what one test needs and nothing it shares: a borough of its own (with its allocations and its
 * people) and that borough's proposal in the state the test starts from. States after the CSP are set
 * directly, as setup; the test then takes the step it is about through the real code.
 */

let made = 0;
const stamp = () => new Date().toISOString();
const POUND = 100;

export type Person = { id: number; email: string; name: string; cookie: string; user: SessionUser };

async function person(
  organisation: { id: number; name: string; kind: "borough" | "mopac" },
  role: SessionUser["role"],
  name: string,
  canEndorse = false,
): Promise<Person> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${made}@factory.test`;
  const { id } = await db()
    .insertInto("users")
    .values({
      email,
      name,
      password_hash: "not-used",
      organisation_id: organisation.id,
      role,
      can_endorse: canEndorse ? 1 : 0,
      active: 1,
      created_at: stamp(),
      updated_at: stamp(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user: SessionUser = {
    id,
    email,
    name,
    role,
    can_endorse: canEndorse ? 1 : 0,
    organisation_id: organisation.id,
    organisation_name: organisation.name,
    organisation_kind: organisation.kind,
  };
  return { id, email, name, cookie: await cookieFor(email), user };
}

async function mopac() {
  const row = await db()
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("kind", "=", "mopac")
    .executeTakeFirstOrThrow();
  return { ...row, kind: "mopac" as const };
}

/** A MOPAC reviewer (or admin) of the test's own. Routing breaks ties by name, so a test can choose one that sorts first. */
export async function makeMopacPerson(role: "mopac_reviewer" | "mopac_admin", name: string): Promise<Person> {
  made += 1;
  return person(await mopac(), role, name);
}

export type BoroughOptions = {
  /** Whether the CSP has a member who may endorse (default yes). */
  endorser?: boolean;
  /** Whether the borough has a lead reviewer of its own (default yes). */
  leadReviewer?: boolean;
};

export type Borough = {
  id: number;
  name: string;
  periodId: number;
  years: { id: number; label: string }[];
  officer: Person;
  cspEndorser: Person | null;
  cspMember: Person;
  leadReviewer: Person | null;
};

/** A borough with £644,000 for each year of period 1, an officer, CSP members and (by default) a lead reviewer. */
export async function makeBorough(options: BoroughOptions = {}): Promise<Borough> {
  made += 1;
  const name = `Factory Borough ${made}`;
  const { id } = await db()
    .insertInto("organisations")
    .values({ kind: "borough", name, gss_code: null, created_at: stamp(), updated_at: stamp() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const organisation = { id, name, kind: "borough" as const };
  const period = await db().selectFrom("funding_periods").select("id").orderBy("number").executeTakeFirstOrThrow();
  const years = await db()
    .selectFrom("financial_years")
    .select(["id", "label"])
    .where("funding_period_id", "=", period.id)
    .orderBy("position")
    .execute();
  for (const year of years) {
    await db()
      .insertInto("allocations")
      .values({
        organisation_id: id,
        financial_year_id: year.id,
        amount_pence: 644_000 * POUND,
        uplift_pence: null,
        is_demo_figure: 1,
        source: "test factory",
        created_at: stamp(),
        updated_at: stamp(),
      })
      .execute();
  }
  const officer = await person(organisation, "borough_officer", `${name} Officer`);
  const cspEndorser =
    options.endorser === false ? null : await person(organisation, "csp_member", `${name} CSP Chair`, true);
  const cspMember = await person(organisation, "csp_member", `${name} CSP Member`);
  let leadReviewer: Person | null = null;
  if (options.leadReviewer !== false) {
    leadReviewer = await person(await mopac(), "mopac_reviewer", `Lead Reviewer ${made}`);
    await db()
      .insertInto("reviewer_leads")
      .values({ organisation_id: id, reviewer_id: leadReviewer.id, created_at: stamp(), updated_at: stamp() })
      .execute();
  }
  return { id, name, periodId: period.id, years, officer, cspEndorser, cspMember, leadReviewer };
}

/** Every answer the GLA required of a project, filled in. */
export const COMPLETE_PROJECT = {
  aims: "Fewer repeat victims of domestic abuse.",
  outcomes: "80% of referred victims supported within five working days by March 2018.",
  procurement_completed_on: "2017-03-31",
  start_on: "2017-04-01",
  completion_on: "2019-03-31",
  evaluation_completed_on: "2019-06-30",
} as const;

export const COMPLETE_COMPLIANCE = {
  transition_plan: "The existing grants end in March 2017.",
  authority_confirmed: 1,
  minimum_standards_confirmed: 1,
  compliance_accepted: 1,
  data_protection_confirmed: 1,
  data_processing_summary: "Referral details only, shared under an agreement.",
  privacy_notice_url: "https://www.example.gov.uk/privacy",
  data_protection_policy_url: "https://www.example.gov.uk/data-protection",
} as const;

export type ProposalOptions = BoroughOptions & {
  state?: State;
  /** Compliance answered (default yes). */
  compliance?: boolean;
  /** The project's answers; by default every required one is given. */
  project?: Partial<Record<keyof typeof COMPLETE_PROJECT, string | null>>;
};

export type MadeProposal = { id: number; projectId: number; borough: Borough; assignedReviewer: Person | null };

const AFTER_SUBMISSION: readonly State[] = ["submitted", "in_review", "changes_requested", "approved", "rejected"];

/**
 * A borough's proposal for period 1 with one project (£100,000 in each year, well inside the envelope),
 * sendable unless told otherwise, in the state asked for. In review, it is assigned to the lead reviewer.
 */
export async function makeProposal(options: ProposalOptions = {}): Promise<MadeProposal> {
  const borough = await makeBorough(options);
  const state = options.state ?? "draft";
  const submitted = AFTER_SUBMISSION.includes(state);
  const assignedReviewer = state === "submitted" || !submitted ? null : borough.leadReviewer;
  const { id } = await db()
    .insertInto("proposals")
    .values({
      funding_period_id: borough.periodId,
      lead_organisation_id: borough.id,
      status: state,
      version: 1,
      assigned_reviewer_id: assignedReviewer?.id ?? null,
      first_submitted_at: submitted ? stamp() : null,
      last_submitted_at: submitted ? stamp() : null,
      ...(options.compliance === false ? {} : COMPLETE_COMPLIANCE),
      created_by: borough.officer.id,
      updated_by: borough.officer.id,
      created_at: stamp(),
      updated_at: stamp(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("proposal_boroughs")
    .values({
      proposal_id: id,
      organisation_id: borough.id,
      funding_period_id: borough.periodId,
      active: state === "withdrawn" ? 0 : 1,
      created_at: stamp(),
    })
    .execute();
  const priority = await db().selectFrom("priorities").select("id").orderBy("position").executeTakeFirstOrThrow();
  const { id: projectId } = await db()
    .insertInto("projects")
    .values({
      proposal_id: id,
      title: "Domestic Abuse Advocacy",
      primary_priority_id: priority.id,
      secondary_priority_id: null,
      description: "Two advocates support victims from first report to court.",
      works_with_other_authorities: 0,
      other_authorities: null,
      la_in_kind: null,
      delivery_type: "in_house",
      provider: "The council",
      service_total_cost_pence: null,
      planning_permission_on: null,
      position: 1,
      created_at: stamp(),
      updated_at: stamp(),
      ...COMPLETE_PROJECT,
      ...options.project,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const year of borough.years) {
    await db()
      .insertInto("project_costs")
      .values({
        project_id: projectId,
        financial_year_id: year.id,
        lcpf_pence: 100_000 * POUND,
        created_at: stamp(),
        updated_at: stamp(),
      })
      .execute();
  }
  return { id, projectId, borough, assignedReviewer };
}
