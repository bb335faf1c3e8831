import { sql, type Transaction } from "kysely";
import { type DB, inTransaction } from "../../db/connection";
import { prepared } from "../../db/prepared";
import type { Database, Proposal, ProposalStatus } from "../../db/schema";
import {
  sendingBlockers as blockersToSending,
  summariseProposal,
  type BlockerFix,
  type ProposalInput,
  type ProposalSummary,
  type RequiredAnswers,
} from "~/domain/proposal-checks";
import { complianceComplete, type ComplianceAnswers } from "~/domain/compliance";
import type { WorkflowProposal } from "~/domain/workflow";
import type { JointEnvelopePart } from "~/domain/joint-envelope";
import type { SplitRule } from "~/domain/split";
import { jointProposalYears } from "./partnerships.server";

export type ProposalRecord = Proposal & {
  boroughIds: number[];
  boroughNames: string[];
  periodName: string;
  periodNumber: number;
  roundId: number;
  roundName: string;
  feedbackDeadline: string | null;
  proposalDeadline: string | null;
  /** A joint proposal's partnership ("Tri-borough"); null for a borough's own. */
  partnershipName: string | null;
  /** Whose CSP endorsers may endorse it: the partnership's chosen borough, else every borough of the proposal. */
  endorsingBoroughIds: number[];
  /** Its round's split between direct and co-commissioned funding, read with the round's name. */
  splitRule: SplitRule;
};

const stamp = () => new Date().toISOString();

/** The proposal as the workflow rules see it. */
export function workflowView(proposal: ProposalRecord): WorkflowProposal {
  return {
    boroughIds: proposal.boroughIds,
    endorsingBoroughIds: proposal.endorsingBoroughIds,
    assignedReviewerId: proposal.assigned_reviewer_id,
    everSubmitted: proposal.first_submitted_at !== null,
  };
}

/** A proposal with its period and round, one row per borough of it (a joint proposal has several). */
const proposalWithBoroughs = prepared((db: DB, proposalId: number) =>
  db
    .selectFrom("proposals as p")
    .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
    .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
    // Partnerships (brief F): a joint proposal's name and whose CSP endorses it.
    .leftJoin("partnerships as pa", "pa.id", "p.partnership_id")
    .leftJoin("proposal_boroughs as pb", "pb.proposal_id", "p.id")
    .leftJoin("organisations as o", "o.id", "pb.organisation_id")
    .selectAll("p")
    .select([
      "pa.name as partnershipName",
      "pa.endorsing_organisation_id as endorsingOrganisationId",
      "fp.name as periodName",
      "fp.number as periodNumber",
      "r.id as roundId",
      "r.name as roundName",
      "r.feedback_deadline as feedbackDeadline",
      "r.proposal_deadline as proposalDeadline",
      "r.co_commissioned_percent as coCommissionedPercent",
      "r.split_from_year_position as splitFromYearPosition",
      "o.id as boroughId",
      "o.name as boroughName",
    ])
    .where("p.id", "=", proposalId)
    .orderBy("o.name"),
);

/** One proposal with who it belongs to and which period it covers, or undefined. */
export async function findProposal(db: DB, proposalId: number): Promise<ProposalRecord | undefined> {
  if (!Number.isSafeInteger(proposalId) || proposalId < 1) return undefined;
  const rows = await proposalWithBoroughs(db, proposalId);
  const proposal = rows[0];
  if (!proposal) return undefined;
  const boroughs = rows.flatMap((row) =>
    row.boroughId === null || row.boroughName === null ? [] : [{ id: row.boroughId, name: row.boroughName }],
  );
  const boroughIds = boroughs.map((b) => b.id);
  const { endorsingOrganisationId } = proposal;
  // Written field by field: V8 (Node 20) took about 30 µs to copy the row with a rest pattern and a spread,
  // on every proposal page.
  return {
    id: proposal.id,
    funding_period_id: proposal.funding_period_id,
    lead_organisation_id: proposal.lead_organisation_id,
    partnership_id: proposal.partnership_id,
    status: proposal.status,
    version: proposal.version,
    transition_plan: proposal.transition_plan,
    authority_confirmed: proposal.authority_confirmed,
    minimum_standards_confirmed: proposal.minimum_standards_confirmed,
    compliance_accepted: proposal.compliance_accepted,
    data_protection_confirmed: proposal.data_protection_confirmed,
    data_processing_summary: proposal.data_processing_summary,
    privacy_notice_url: proposal.privacy_notice_url,
    data_protection_policy_url: proposal.data_protection_policy_url,
    assigned_reviewer_id: proposal.assigned_reviewer_id,
    first_submitted_at: proposal.first_submitted_at,
    last_submitted_at: proposal.last_submitted_at,
    created_by: proposal.created_by,
    updated_by: proposal.updated_by,
    created_at: proposal.created_at,
    updated_at: proposal.updated_at,
    partnershipName: proposal.partnershipName,
    periodName: proposal.periodName,
    periodNumber: proposal.periodNumber,
    roundId: proposal.roundId,
    roundName: proposal.roundName,
    feedbackDeadline: proposal.feedbackDeadline,
    proposalDeadline: proposal.proposalDeadline,
    boroughIds,
    boroughNames: boroughs.map((b) => b.name),
    endorsingBoroughIds:
      endorsingOrganisationId !== null && boroughIds.includes(endorsingOrganisationId)
        ? [endorsingOrganisationId]
        : boroughIds,
    splitRule: {
      coCommissionedPercent: proposal.coCommissionedPercent,
      splitFromYearPosition: proposal.splitFromYearPosition,
    },
  };
}

export type BoroughProposalRow = {
  periodId: number;
  periodName: string;
  roundName: string;
  proposalDeadline: string | null;
  proposalId: number | null;
  status: ProposalStatus | null;
  updatedAt: string | null;
};

/** Each funding period with the borough's live proposal for it, if there is one. */
export async function proposalsByPeriodForBorough(db: DB, organisationId: number): Promise<BoroughProposalRow[]> {
  const periods = await db
    .selectFrom("funding_periods as fp")
    .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
    .leftJoin("proposal_boroughs as pb", (join) =>
      join.onRef("pb.funding_period_id", "=", "fp.id").on("pb.organisation_id", "=", organisationId).on("pb.active", "=", 1),
    )
    .leftJoin("proposals as p", "p.id", "pb.proposal_id")
    .select([
      "fp.id as periodId",
      "fp.name as periodName",
      "r.name as roundName",
      "r.proposal_deadline as proposalDeadline",
      "p.id as proposalId",
      "p.status",
      "p.updated_at as updatedAt",
    ])
    .orderBy("r.id")
    .orderBy("fp.number")
    .execute();
  return periods;
}

export type StartResult = { ok: true; proposalId: number } | { ok: false; message: string };

/** Starts a borough's proposal for a period, refusing a second live one for the same period. */
export async function startProposal(db: DB, who: { organisationId: number; periodId: number; userId: number }): Promise<StartResult> {
  return inTransaction(db, (tx) => startProposalIn(tx, who));
}

/** The same, inside a transaction the caller already holds. */
export async function startProposalIn(
  tx: Transaction<Database>,
  { organisationId, periodId, userId }: { organisationId: number; periodId: number; userId: number },
): Promise<StartResult> {
  const period = await tx.selectFrom("funding_periods").select(["id", "name"]).where("id", "=", periodId).executeTakeFirst();
  if (!period) return { ok: false, message: "Choose a funding period" };
  const existing = await tx
    .selectFrom("proposal_boroughs")
    .select("proposal_id")
    .where("organisation_id", "=", organisationId)
    .where("funding_period_id", "=", periodId)
    .where("active", "=", 1)
    .executeTakeFirst();
  if (existing) {
    return { ok: false, message: `Your borough already has a proposal for ${period.name}: open that one instead` };
  }
  const now = stamp();
  const { id } = await tx
    .insertInto("proposals")
    .values({
      funding_period_id: periodId,
      lead_organisation_id: organisationId,
      status: "draft",
      version: 1,
      created_by: userId,
      updated_by: userId,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("proposal_boroughs")
    .values({ proposal_id: id, organisation_id: organisationId, funding_period_id: periodId, active: 1, created_at: now })
    .execute();
  return { ok: true, proposalId: id };
}

export const STALE_VERSION_MESSAGE =
  "Someone else has changed this proposal since you opened this page. Your changes have not been saved: " +
  "check the proposal as it is now, then make your changes again.";

export class StaleVersionError extends Error {
  constructor() {
    super(STALE_VERSION_MESSAGE);
  }
}

/**
 * Claims the next version of a proposal inside a transaction: refused (StaleVersionError) when the
 * version the person saw is no longer the current one, so nothing of a colleague's is overwritten.
 */
export async function claimVersion(tx: Transaction<Database>, proposalId: number, seenVersion: number, userId: number) {
  const result = await tx
    .updateTable("proposals")
    .set({ version: sql`version + 1`, updated_at: stamp(), updated_by: userId })
    .where("id", "=", proposalId)
    .where("version", "=", seenVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new StaleVersionError();
}

/** Thrown inside a save to refuse it with a message for the person; the whole save rolls back. */
export class SaveRefused extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type SaveResult<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

/** Runs a save under the version check; a stale version or a refusal rolls everything back. */
export async function saveWithVersion<T>(
  db: DB,
  proposalId: number,
  seenVersion: number,
  userId: number,
  write: (tx: Transaction<Database>) => Promise<T>,
): Promise<SaveResult<T>> {
  try {
    const value = await inTransaction(db, async (tx) => {
      await claimVersion(tx, proposalId, seenVersion, userId);
      return write(tx);
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof StaleVersionError) return { ok: false, message: error.message };
    if (error instanceof SaveRefused) return { ok: false, message: error.message, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
}

export type { ComplianceAnswers } from "~/domain/compliance";

/** The stored compliance columns as the domain's answers. */
export function complianceAnswersOf(proposal: Proposal): ComplianceAnswers {
  return {
    transitionPlan: proposal.transition_plan ?? "",
    authorityConfirmed: proposal.authority_confirmed === 1,
    minimumStandardsConfirmed: proposal.minimum_standards_confirmed === 1,
    complianceAccepted: proposal.compliance_accepted === 1,
    dataProtectionConfirmed: proposal.data_protection_confirmed === 1,
    dataProcessingSummary: proposal.data_processing_summary ?? "",
    privacyNoticeUrl: proposal.privacy_notice_url ?? "",
    dataProtectionPolicyUrl: proposal.data_protection_policy_url ?? "",
  };
}

export function saveCompliance(db: DB, proposalId: number, seenVersion: number, userId: number, answers: ComplianceAnswers) {
  return saveWithVersion(db, proposalId, seenVersion, userId, async (tx) => {
    await tx
      .updateTable("proposals")
      .set({
        transition_plan: answers.transitionPlan,
        authority_confirmed: answers.authorityConfirmed ? 1 : 0,
        minimum_standards_confirmed: answers.minimumStandardsConfirmed ? 1 : 0,
        compliance_accepted: answers.complianceAccepted ? 1 : 0,
        data_protection_confirmed: answers.dataProtectionConfirmed ? 1 : 0,
        data_processing_summary: answers.dataProcessingSummary,
        privacy_notice_url: answers.privacyNoticeUrl,
        data_protection_policy_url: answers.dataProtectionPolicyUrl,
      })
      .where("id", "=", proposalId)
      .execute();
  });
}

export type ProposalYearRow = {
  financialYearId: number;
  label: string;
  position: number;
  periodId: number;
  allocationPence: number | null;
  hasDemoFigure: boolean;
  /** A joint proposal's allocation in its parts, each split on its own (app/domain/joint-envelope.ts). */
  allocationParts?: number[];
  jointParts?: JointEnvelopePart[] | null;
};

/**
 * A row per year of the period and borough of the proposal, with the borough's allocation for the year
 * when it has one. The boroughs are read in the same query, so that it has one shape and is prepared;
 * joined rather than named in a subquery, which SQLite answered by indexing the allocations afresh each time.
 */
const yearAllocations = prepared((db: DB, proposalId: number, periodId: number) =>
  db
    .selectFrom("financial_years as y")
    .leftJoin("proposal_boroughs as pb", (join) => join.on("pb.proposal_id", "=", proposalId))
    .leftJoin("allocations as a", (join) =>
      join.onRef("a.organisation_id", "=", "pb.organisation_id").onRef("a.financial_year_id", "=", "y.id"),
    )
    .select([
      "y.id",
      "y.label",
      "y.position",
      "y.funding_period_id",
      "a.organisation_id",
      "a.amount_pence",
      "a.is_demo_figure",
    ])
    .where("y.funding_period_id", "=", periodId)
    .orderBy("y.position")
    .orderBy("y.id"),
);

/** The years of the proposal's period, with the allocations of all its boroughs added together. */
export async function proposalYears(db: DB, proposal: ProposalRecord): Promise<ProposalYearRow[]> {
  // A partnership's joint proposal takes its allocation from the partnership (brief F), not its members'.
  if (proposal.partnership_id !== null) return jointProposalYears(db, proposal.partnership_id, proposal.funding_period_id);
  const rows = await yearAllocations(db, proposal.id, proposal.funding_period_id);
  // The rows come in year order: group them by year, a year's allocations being the rows that found one.
  const byYear = new Map<number, typeof rows>();
  for (const row of rows) {
    const list = byYear.get(row.id);
    if (list) list.push(row);
    else byYear.set(row.id, [row]);
  }
  return [...byYear.values()].map((yearRows) => {
    const year = yearRows[0]!;
    const forYear = yearRows.filter((r) => r.organisation_id !== null);
    // A joint proposal's year is known only once every member borough has its allocation.
    const complete = forYear.length === proposal.boroughIds.length;
    return {
      financialYearId: year.id,
      label: year.label,
      position: year.position,
      periodId: year.funding_period_id,
      allocationPence: complete ? forYear.reduce((sum, a) => sum + (a.amount_pence ?? 0), 0) : null,
      hasDemoFigure: forYear.some((a) => a.is_demo_figure === 1),
    };
  });
}

export type ProjectListRow = {
  id: number;
  title: string;
  primaryPriorityId: number | null;
  primaryPriorityName: string | null;
  coCommissioningCandidate: boolean;
  costs: { financialYearId: number; lcpfPence: number }[];
  measureIds: number[];
  requiredAnswers: RequiredAnswers;
};

export async function projectsForProposal(db: DB, proposalId: number): Promise<ProjectListRow[]> {
  const projects = await db
    .selectFrom("projects as pr")
    .leftJoin("priorities as pp", "pp.id", "pr.primary_priority_id")
    .select([
      "pr.id",
      "pr.title",
      "pr.primary_priority_id",
      "pp.name as priorityName",
      "pr.co_commissioning_candidate",
      "pr.aims",
      "pr.outcomes",
      "pr.procurement_completed_on",
      "pr.start_on",
      "pr.completion_on",
      "pr.evaluation_completed_on",
    ])
    .where("pr.proposal_id", "=", proposalId)
    .orderBy("pr.position")
    .orderBy("pr.id")
    .execute();
  const ids = projects.map((p) => p.id);
  const costs = ids.length
    ? await db.selectFrom("project_costs").select(["project_id", "financial_year_id", "lcpf_pence"]).where("project_id", "in", ids).execute()
    : [];
  const measures = ids.length
    ? await db.selectFrom("project_measures").select(["project_id", "measure_id"]).where("project_id", "in", ids).execute()
    : [];
  return projects.map((p) => ({
    id: p.id,
    title: p.title,
    primaryPriorityId: p.primary_priority_id,
    primaryPriorityName: p.priorityName,
    coCommissioningCandidate: p.co_commissioning_candidate === 1,
    costs: costs.filter((c) => c.project_id === p.id).map((c) => ({ financialYearId: c.financial_year_id, lcpfPence: c.lcpf_pence })),
    measureIds: measures.filter((m) => m.project_id === p.id).map((m) => m.measure_id),
    requiredAnswers: {
      aims: p.aims,
      outcomes: p.outcomes,
      milestones: {
        procurementCompletedOn: p.procurement_completed_on,
        startOn: p.start_on,
        completionOn: p.completion_on,
        evaluationCompletedOn: p.evaluation_completed_on,
      },
    },
  }));
}

/**
 * The priorities and measures projects choose from: a round's own where it chose some (round_priorities,
 * round_measures), otherwise the standard lists. Without a round, every one there is (London-wide pages).
 * `which` leaves out a list the caller does not show (it comes back empty).
 */
export async function referenceLists(
  db: DB,
  roundId?: number,
  which: { priorities: boolean; measures: boolean } = { priorities: true, measures: true },
) {
  const [priorities, measures] = await Promise.all([
    which.priorities ? roundPriorities(db, roundId ?? null) : [],
    which.measures ? roundMeasures(db, roundId ?? null) : [],
  ]);
  return {
    priorities,
    measures: measures.map((m) => ({ id: m.id, name: m.name, group: m.group_name, mandatory: m.mandatory === 1 })),
  };
}

// A null round names no rows in round_priorities or round_measures, so it gets the standard lists whole.
const roundPriorities = prepared((db: DB, roundId: number | null) =>
  db
    .selectFrom("priorities")
    .select(["id", "name", "code"])
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom("round_priorities").select("priority_id").where("funding_round_id", "=", roundId))),
        eb.exists(
          eb
            .selectFrom("round_priorities as rp")
            .select("rp.priority_id")
            .where("rp.funding_round_id", "=", roundId)
            .whereRef("rp.priority_id", "=", "priorities.id"),
        ),
      ]),
    )
    .orderBy("position"),
);
const roundMeasures = prepared((db: DB, roundId: number | null) =>
  db
    .selectFrom("measures")
    .select(["id", "name", "group_name", "mandatory"])
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom("round_measures").select("measure_id").where("funding_round_id", "=", roundId))),
        eb.exists(
          eb
            .selectFrom("round_measures as rm")
            .select("rm.measure_id")
            .where("rm.funding_round_id", "=", roundId)
            .whereRef("rm.measure_id", "=", "measures.id"),
        ),
      ]),
    )
    .orderBy("position"),
);

export type ProposalOverview = {
  years: ProposalYearRow[];
  projects: ProjectListRow[];
  summary: ProposalSummary;
  complianceComplete: boolean;
  /** Active CSP members of the proposal's boroughs who may endorse it. */
  endorserCount: number;
};

/** How many active CSP members of these boroughs may endorse a proposal. */
export async function endorserCount(db: DB, boroughIds: readonly number[]): Promise<number> {
  if (boroughIds.length === 0) return 0;
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "in", [...boroughIds])
    .where("role", "=", "csp_member")
    .where("can_endorse", "=", 1)
    .where("active", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything the overview and the check-answers page show, with the rules applied once. */
export async function proposalOverview(db: DB, proposal: ProposalRecord): Promise<ProposalOverview> {
  const rule = proposal.splitRule;
  const [years, projects, lists, endorsers] = await Promise.all([
    proposalYears(db, proposal),
    projectsForProposal(db, proposal.id),
    referenceLists(db, proposal.roundId),
    endorserCount(db, proposal.endorsingBoroughIds),
  ]);
  const input: ProposalInput = {
    projects,
    years,
    priorities: lists.priorities,
    measures: lists.measures,
    splitRule: rule,
    periods: [{ id: proposal.funding_period_id, name: proposal.periodName }],
  };
  return {
    years,
    projects,
    summary: summariseProposal(input),
    complianceComplete: complianceComplete(complianceAnswersOf(proposal)),
    endorserCount: endorsers,
  };
}

/** The page where a person fixes a blocker; null when it is not theirs to fix. */
function fixHref(proposalId: number, fix: BlockerFix): string | null {
  const base = `/proposals/${proposalId}`;
  switch (fix.to) {
    case "new-project":
      return `${base}/projects/new`;
    case "project-section":
      return `${base}/projects/${fix.projectId}/${fix.section}`;
    case "compliance":
      return `${base}/compliance`;
    case "envelope":
      return `${base}#envelope`;
    case "mopac":
      return null;
  }
}

export type Blocker = { code: string; message: string; href: string | null; isDemoFigure: boolean };

/** What stops the proposal going to the CSP (the domain's one rule), each with the page to fix it on. */
export function sendingBlockers(proposalId: number, overview: ProposalOverview): Blocker[] {
  return blockersToSending({
    issues: overview.summary.blockers,
    projects: overview.projects.map((project) => ({ id: project.id, title: project.title, answers: project.requiredAnswers })),
    complianceComplete: overview.complianceComplete,
    endorserCount: overview.endorserCount,
  }).map((blocker) => ({
    code: blocker.code,
    message: blocker.message,
    href: fixHref(proposalId, blocker.fix),
    isDemoFigure: blocker.isDemoFigure ?? false,
  }));
}
