import type { DB } from "../../db/connection";
import type { SectionContext } from "~/forms/project-section";
import { complianceComplete } from "~/domain/compliance";
import { jointEnvelope, type JointEnvelopeYear } from "~/domain/joint-envelope";
import { summariseProposal } from "~/domain/proposal-checks";
import { loadProjects } from "./projects.server";
import {
  complianceAnswersOf,
  endorserCount,
  proposalYears,
  referenceLists,
  type ProjectListRow,
  type ProposalOverview,
  type ProposalRecord,
} from "./proposals.server";

export type ProposalPage = ProposalOverview & {
  /** Every project with everything hung off it, in the officer's order. */
  fullProjects: Awaited<ReturnType<typeof loadProjects>>;
  /** What the project summaries need to name years, priorities and measures. */
  ctx: SectionContext;
  /** A joint proposal's envelope per borough (brief F: partnerships); null for a borough's own proposal. */
  jointEnvelope: JointEnvelopeYear[] | null;
};

/**
 * What the overview, check and review pages show, each thing loaded once: the projects (in full),
 * the years with their allocations, the reference lists and the round's split, with the proposal's
 * rules applied to them. The summary's project rows are cut from the full projects rather than
 * read a second time.
 */
export async function loadProposalPage(db: DB, proposal: ProposalRecord): Promise<ProposalPage> {
  const { splitRule } = proposal;
  const [years, fullProjects, lists, endorsers] = await Promise.all([
    proposalYears(db, proposal),
    loadProjects(db, proposal.id),
    referenceLists(db, proposal.roundId),
    endorserCount(db, proposal.endorsingBoroughIds),
  ]);
  const priorityNames = new Map(lists.priorities.map((p) => [p.id, p.name]));
  const projects: ProjectListRow[] = fullProjects.map((project) => ({
    id: project.id,
    title: project.title,
    primaryPriorityId: project.primary_priority_id,
    primaryPriorityName: project.primary_priority_id === null ? null : (priorityNames.get(project.primary_priority_id) ?? null),
    coCommissioningCandidate: project.co_commissioning_candidate === 1,
    costs: project.costs.map((c) => ({
      financialYearId: c.financialYearId,
      lcpfPence: c.lcpfPence,
      ...(c.isDemoFigure ? { isDemoFigure: true } : {}),
    })),
    measureIds: project.measureIds,
    requiredAnswers: {
      aims: project.aims,
      outcomes: project.outcomes,
      milestones: {
        procurementCompletedOn: project.procurement_completed_on,
        startOn: project.start_on,
        completionOn: project.completion_on,
        evaluationCompletedOn: project.evaluation_completed_on,
      },
    },
  }));
  const summary = summariseProposal({
    projects,
    years,
    priorities: lists.priorities,
    measures: lists.measures,
    splitRule,
    periods: [{ id: proposal.funding_period_id, name: proposal.periodName }],
  });
  return {
    years,
    projects,
    summary,
    complianceComplete: complianceComplete(complianceAnswersOf(proposal)),
    endorserCount: endorsers,
    fullProjects,
    jointEnvelope:
      proposal.partnership_id === null
        ? null
        : jointEnvelope(
            years.map((y) => ({ financialYearId: y.financialYearId, label: y.label, position: y.position, parts: y.jointParts ?? null })),
            splitRule,
          ),
    ctx: {
      years: years.map((y) => ({ financialYearId: y.financialYearId, label: y.label })),
      priorities: lists.priorities.map((p) => ({ id: p.id, name: p.name })),
      measures: lists.measures,
    },
  };
}
