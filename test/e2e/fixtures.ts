import SQLite from "better-sqlite3";

/*
 * Proposals in a given state, made directly in the shared browser-test database, for specs that need a
 * page only a proposal in that state has (the CSP's endorse page, the review page, the feedback banner).
 * Each spec uses boroughs of its own, and people of its own who sign in with the demo password (the demo
 * officer's hash is copied), so no spec changes what another reads, and the demo Barking and Dagenham
 * proposal of period 1 is never touched. Amounts are invented: every cost and allocation made here is
 * stored as a demo figure, so the pages mark them as such.
 */

export type Db = SQLite.Database;

export function withDatabase<T>(work: (db: Db) => T): T {
  const db = new SQLite(process.env.E2E_DATABASE!);
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  try {
    return db.transaction(work)(db);
  } finally {
    db.close();
  }
}

const stampOf = (date: Date) => date.toISOString();

export function boroughId(db: Db, gssCode: string): number {
  const row = db.prepare("select id from organisations where gss_code = ?").get(gssCode) as { id: number } | undefined;
  if (!row) throw new Error(`No borough with GSS code ${gssCode}`);
  return row.id;
}

function mopacId(db: Db): number {
  return (db.prepare("select id from organisations where kind = 'mopac'").get() as { id: number }).id;
}

export type FixtureUser = {
  email: string;
  name: string;
  /** A borough's GSS code, or MOPAC. */
  organisation: string | "mopac";
  role: "borough_officer" | "csp_member" | "mopac_reviewer" | "mopac_admin";
  canEndorse?: boolean;
};

/** The person's id; made once (a second run of the spec on the same database finds them). */
export function ensureUser(db: Db, user: FixtureUser): number {
  const { password_hash: hash } = db
    .prepare("select password_hash from users where email = 'officer@barking-dagenham.test'")
    .get() as { password_hash: string };
  const organisationId = user.organisation === "mopac" ? mopacId(db) : boroughId(db, user.organisation);
  const stamp = stampOf(new Date());
  db.prepare(
    `insert into users (email, name, password_hash, organisation_id, role, can_endorse, active, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 1, ?, ?) on conflict (email) do nothing`,
  ).run(user.email, user.name, hash, organisationId, user.role, user.canEndorse ? 1 : 0, stamp, stamp);
  return (db.prepare("select id from users where email = ?").get(user.email) as { id: number }).id;
}

export function periodYears(db: Db, periodNumber: 1 | 2): { periodId: number; yearIds: number[] } {
  const period = db
    .prepare("select id from funding_periods where number = ? order by id limit 1")
    .get(periodNumber) as {
    id: number;
  };
  const years = db
    .prepare("select id from financial_years where funding_period_id = ? order by position")
    .all(period.id) as { id: number }[];
  return { periodId: period.id, yearIds: years.map((y) => y.id) };
}

/** The borough's allocation for each year of the period, marked as a demo figure (it is invented). */
export function setAllocations(db: Db, gssCode: string, periodNumber: 1 | 2, pounds: number): void {
  const organisationId = boroughId(db, gssCode);
  const stamp = stampOf(new Date());
  for (const yearId of periodYears(db, periodNumber).yearIds) {
    db.prepare(
      `insert into allocations (organisation_id, financial_year_id, amount_pence, uplift_pence, is_demo_figure, source, created_at, updated_at)
       values (?, ?, ?, null, 1, 'Invented for the browser tests', ?, ?)
       on conflict (organisation_id, financial_year_id) do nothing`,
    ).run(organisationId, yearId, pounds * 100, stamp, stamp);
  }
}

/** Endorsed proposals of the borough go to this reviewer (as the demo's lead reviewer does for Barking and Dagenham). */
export function setLeadReviewer(db: Db, gssCode: string, reviewerId: number): void {
  const stamp = stampOf(new Date());
  db.prepare(
    `insert into reviewer_leads (organisation_id, reviewer_id, created_at, updated_at) values (?, ?, ?, ?)
     on conflict (organisation_id) do update set reviewer_id = excluded.reviewer_id, updated_at = excluded.updated_at`,
  ).run(boroughId(db, gssCode), reviewerId, stamp, stamp);
}

export type FixtureProject = {
  title: string;
  /** The primary priority's position, 1 to 5. */
  priority: number;
  /** The LCPF spend in each year of the period. */
  poundsPerYear: number;
  candidate?: boolean;
  /** Without aims, outcomes and milestones: the check page lists what blocks sending. Complete by default. */
  incomplete?: boolean;
};

export type FixtureProposal = {
  gssCode: string;
  period: 1 | 2;
  status: "draft" | "awaiting_csp" | "in_review" | "changes_requested" | "approved" | "rejected" | "withdrawn";
  /** Whether it holds the borough's place for the period (one proposal a period may). */
  active: boolean;
  officerId: number;
  reviewerId?: number;
  /** Every compliance question answered and every confirmation given; true by default. */
  complianceAnswered?: boolean;
  projects: FixtureProject[];
};

export type MadeProposal = { id: number; projectIds: number[] };

/** A proposal and its projects; its history is added with addEvents. */
export function makeProposal(db: Db, input: FixtureProposal): MadeProposal {
  const organisationId = boroughId(db, input.gssCode);
  const { periodId, yearIds } = periodYears(db, input.period);
  const stamp = stampOf(new Date(Date.now() - 3_600_000));
  const reachedMopac = !["draft", "awaiting_csp", "withdrawn"].includes(input.status);
  const id = Number(
    db
      .prepare(
        `insert into proposals (funding_period_id, lead_organisation_id, status, version, assigned_reviewer_id,
           first_submitted_at, last_submitted_at, created_by, updated_by, created_at, updated_at)
         values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        periodId,
        organisationId,
        input.status,
        reachedMopac ? (input.reviewerId ?? null) : null,
        reachedMopac ? stamp : null,
        reachedMopac ? stamp : null,
        input.officerId,
        input.officerId,
        stamp,
        stamp,
      ).lastInsertRowid,
  );
  if (input.complianceAnswered ?? true) {
    db.prepare(
      `update proposals set transition_plan = 'The current grants end on 31 March; two services are recommissioned.',
         authority_confirmed = 1, minimum_standards_confirmed = 1, compliance_accepted = 1, data_protection_confirmed = 1,
         data_processing_summary = 'Referral details only, shared with providers under an agreement.',
         privacy_notice_url = 'https://council.example/privacy', data_protection_policy_url = 'https://council.example/data-protection'
       where id = ?`,
    ).run(id);
  }
  db.prepare(
    "insert into proposal_boroughs (proposal_id, organisation_id, funding_period_id, active, created_at) values (?, ?, ?, ?, ?)",
  ).run(id, organisationId, periodId, input.active ? 1 : 0, stamp);
  const priorities = db.prepare("select id from priorities order by position").all() as { id: number }[];
  const projectIds = input.projects.map((project, index) => {
    const complete = !project.incomplete;
    const projectId = Number(
      db
        .prepare(
          `insert into projects (proposal_id, title, primary_priority_id, description, aims, outcomes, works_with_other_authorities,
             delivery_type, provider, co_commissioning_candidate, procurement_completed_on, start_on, completion_on,
             evaluation_completed_on, position, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, 0, 'commissioned', 'Safer Streets Community Interest Company', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          project.title,
          priorities[project.priority - 1]!.id,
          `${project.title}: what the service does, for whom and where.`,
          complete ? "Fewer victims and fewer repeat offences." : null,
          complete ? "A 10% fall against the 2016/17 baseline, measured quarterly." : null,
          project.candidate ? 1 : 0,
          complete ? (input.period === 1 ? "2017-03-31" : "2019-03-31") : null,
          complete ? (input.period === 1 ? "2017-04-01" : "2019-04-01") : null,
          complete ? (input.period === 1 ? "2019-03-31" : "2021-03-31") : null,
          complete ? (input.period === 1 ? "2019-06-30" : "2021-06-30") : null,
          index + 1,
          stamp,
          stamp,
        ).lastInsertRowid,
    );
    for (const yearId of yearIds) {
      db.prepare(
        `insert into project_costs (project_id, financial_year_id, lcpf_pence, la_cash_pence, is_demo_figure, created_at, updated_at)
         values (?, ?, ?, 0, 1, ?, ?)`,
      ).run(projectId, yearId, project.poundsPerYear * 100, stamp, stamp);
    }
    return projectId;
  });
  return { id, projectIds };
}

export type FixtureEvent = {
  actorId: number | null;
  action: string;
  from: FixtureProposal["status"] | "submitted";
  to: FixtureProposal["status"] | "submitted";
  comment?: string;
  project?: { id: number; title: string };
  meetingDate?: string;
  assignedReviewerId?: number;
};

/** The proposal's history, oldest first, a minute apart and ending a minute ago. */
export function addEvents(db: Db, proposalId: number, events: FixtureEvent[]): void {
  const insert = db.prepare(
    `insert into proposal_events (proposal_id, actor_user_id, action, from_status, to_status, comment, project_id, project_title,
       meeting_date, assigned_reviewer_id, proposal_version, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  events.forEach((event, index) => {
    insert.run(
      proposalId,
      event.actorId,
      event.action,
      event.from,
      event.to,
      event.comment ?? null,
      event.project?.id ?? null,
      event.project?.title ?? null,
      event.meetingDate ?? null,
      event.assignedReviewerId ?? null,
      index + 2,
      stampOf(new Date(Date.now() - (events.length - index) * 60_000)),
    );
  });
  db.prepare("update proposals set version = ? where id = ?").run(events.length + 1, proposalId);
}

/** A notification in the person's list, unread. */
export function notify(db: Db, userId: number, proposalId: number, message: string, link: string): void {
  db.prepare(
    "insert into notifications (user_id, proposal_id, message, link, read_at, created_at) values (?, ?, ?, ?, null, ?)",
  ).run(userId, proposalId, message, link, stampOf(new Date()));
}
