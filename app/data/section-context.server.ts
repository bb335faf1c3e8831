import type { DB } from "../../db/connection";
import { prepared } from "../../db/prepared";
import type { SectionContext, SectionContextList } from "~/forms/project-section";
import { assessYears, type ProposalProject, type ProposalYearFigures } from "~/domain/proposal-checks";
import { proposalYears, referenceLists, type ProposalRecord } from "./proposals.server";
import { localPrioritiesOf } from "./local-priorities.server";
import { grouped } from "./projects.server";
import { yearsOfPeriod } from "./rounds.server";

const EVERY_LIST: readonly SectionContextList[] = ["years", "priorities", "measures", "localPriorities"];

/**
 * The years of the proposal's period and the reference lists the project forms offer. `lists` names
 * which to read (every one, unless told); a list not read comes empty. `years`, when the caller has
 * them already, saves reading them again.
 */
export async function sectionContext(
  db: DB,
  proposal: ProposalRecord,
  lists: readonly SectionContextList[] = EVERY_LIST,
  years?: readonly { financialYearId: number; label: string }[],
): Promise<SectionContext> {
  const reads = (list: SectionContextList) => lists.includes(list);
  const priorities = reads("priorities");
  const measures = reads("measures");
  const [yearRows, references, localPriorities] = await Promise.all([
    years !== undefined || !reads("years") ? [] : yearsOfPeriod(db, proposal.funding_period_id),
    priorities || measures ? referenceLists(db, proposal.roundId, { priorities, measures }) : null,
    reads("localPriorities") ? localPrioritiesOf(db, proposal.boroughIds) : [],
  ]);
  return {
    years: years
      ? years.map((y) => ({ financialYearId: y.financialYearId, label: y.label }))
      : yearRows.map((y) => ({ financialYearId: y.id, label: y.label })),
    priorities: references?.priorities.map((p) => ({ id: p.id, name: p.name })) ?? [],
    measures: references?.measures ?? [],
    localPriorities,
  };
}

const proposalCosts = prepared((db: DB, proposalId: number) =>
  db
    .selectFrom("project_costs as c")
    .innerJoin("projects as p", "p.id", "c.project_id")
    .select(["c.project_id", "c.financial_year_id", "c.lcpf_pence"])
    .where("p.proposal_id", "=", proposalId),
);

/**
 * The proposal's figures for each year as saved, for the funding page's live totals. Reads only what
 * they need (the years with their allocations and every project's LCPF spend; the round's split comes with the proposal),
 * not the whole proposal overview.
 */
export async function savedYearFigures(db: DB, proposal: ProposalRecord): Promise<ProposalYearFigures[]> {
  const [years, costs] = await Promise.all([proposalYears(db, proposal), proposalCosts(db, proposal.id)]);
  // assessYears sums spend per project; only the costs matter to it here.
  const projects: ProposalProject[] = [...grouped(costs, (c) => c.project_id)].map(([id, projectCosts]) => ({
    id,
    title: `project ${id}`,
    primaryPriorityId: null,
    coCommissioningCandidate: false,
    costs: projectCosts.map((c) => ({ financialYearId: c.financial_year_id, lcpfPence: c.lcpf_pence })),
    measureIds: [],
  }));
  return assessYears(years, projects, proposal.splitRule);
}
