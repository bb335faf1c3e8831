import type { DB } from "../../db/connection";
import type { ProposalStatus } from "../../db/schema";
import {
  ENDORSED_STATES,
  groupByPrimaryPriority,
  latestDecision,
  latestEndorsement,
  overallFeedback,
} from "~/domain/programmes";
import { feedbackByProject, proposalHistory, type HistoryEntry } from "./history.server";
import { loadProposalPage } from "./proposal-page.server";
import type { ProposalRecord } from "./proposals.server";

export type ProgrammeListRow = {
  proposalId: number;
  periodName: string;
  roundName: string;
  status: ProposalStatus;
  firstSubmittedAt: string | null;
  updatedAt: string;
};

/** A borough's endorsed programmes (partnership ones included), newest period first, in one query. */
export async function endorsedProgrammesForBorough(db: DB, organisationId: number): Promise<ProgrammeListRow[]> {
  return db
    .selectFrom("proposal_boroughs as pb")
    .innerJoin("proposals as p", "p.id", "pb.proposal_id")
    .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
    .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
    .select([
      "p.id as proposalId",
      "fp.name as periodName",
      "r.name as roundName",
      "p.status",
      "p.first_submitted_at as firstSubmittedAt",
      "p.updated_at as updatedAt",
    ])
    .where("pb.organisation_id", "=", organisationId)
    .where("p.status", "in", ENDORSED_STATES)
    .orderBy("r.id", "desc")
    .orderBy("fp.number", "desc")
    .orderBy("p.id", "desc")
    .execute();
}

/**
 * Everything the programme page, its print view and its PDF show, loaded once through the same
 * loader the proposal overview uses, so the split, envelope and totals are the overview's own.
 */
export async function loadProgramme(db: DB, proposal: ProposalRecord) {
  const [page, history] = await Promise.all([loadProposalPage(db, proposal), proposalHistory(db, proposal.id)]);
  const priorityName = new Map(page.ctx.priorities.map((p) => [p.id, p.name]));
  const feedback = feedbackByProject(history);
  const projects = page.fullProjects.map((project) => ({
    ...project,
    primaryPriorityId: project.primary_priority_id,
    secondaryPriorityName: project.secondary_priority_id === null ? null : (priorityName.get(project.secondary_priority_id) ?? null),
    feedback: (feedback.get(project.id) ?? []).map(feedbackItem),
  }));
  const endorsement = latestEndorsement(history);
  const decision = latestDecision(history);
  return {
    id: proposal.id,
    status: proposal.status,
    boroughNames: proposal.boroughNames,
    periodName: proposal.periodName,
    roundName: proposal.roundName,
    endorsement: endorsement && { meetingDate: endorsement.meetingDate, by: endorsement.actorName, at: endorsement.createdAt },
    decision: decision && { ...feedbackItem(decision), approved: decision.action === "approve" },
    overallFeedback: overallFeedback(history).map(feedbackItem),
    summary: page.summary,
    years: page.years,
    ctx: page.ctx,
    groups: groupByPrimaryPriority(page.summary.priorityTotals, projects),
  };
}

export type Programme = Awaited<ReturnType<typeof loadProgramme>>;

function feedbackItem(entry: HistoryEntry) {
  return { id: entry.id, action: entry.action, comment: entry.comment, by: entry.actorName, at: entry.createdAt };
}
