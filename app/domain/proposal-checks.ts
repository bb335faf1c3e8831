import { assessEnvelope } from "~/domain/envelope";
import { assertNonNegativePence, formatPounds } from "~/domain/money";
import { splitAllocation, splitApplies, type SplitRule } from "~/domain/split";

/**
 * What a proposal's overview shows, and what stops it being sent to the CSP. Inputs are
 * plain shapes, not database rows, so the data layer maps into them and these rules stay
 * testable on their own.
 */

export type ProjectCost = { financialYearId: number; lcpfPence: number };

export type ProposalProject = {
  id: number;
  title: string;
  primaryPriorityId: number | null;
  coCommissioningCandidate: boolean;
  /** LCPF spend per year; costs for years not in the proposal's years are ignored. */
  costs: readonly ProjectCost[];
  measureIds: readonly number[];
};

export type ProposalYear = {
  financialYearId: number;
  label: string;
  periodId: number;
  /** 1-based position of the financial year within the funding round. */
  position: number;
  /** The borough's allocation for the year; null while MOPAC has not set it. */
  allocationPence: number | null;
};

export type FundingPeriod = { id: number; name: string };
export type Priority = { id: number; name: string };
export type Measure = { id: number; name: string; mandatory: boolean; group: string };

export type ProposalIssueCode =
  | "no-projects"
  | "project-without-primary-priority"
  | "project-without-lcpf-spend"
  | "year-allocation-not-set"
  | "year-over-direct-funding"
  | "direct-funding-unplanned";

export type ProposalIssue = {
  code: ProposalIssueCode;
  message: string;
  projectId?: number;
  financialYearId?: number;
  periodId?: number;
};

export type ProposalYearFigures = {
  financialYearId: number;
  label: string;
  periodId: number;
  position: number;
  allocationPence: number | null;
  allocationSet: boolean;
  /** This year and the earlier years of its period have allocations, so the envelope figures hold. */
  assessable: boolean;
  splitApplies: boolean;
  /** null while the allocation is not set. */
  directPence: number | null;
  coCommissionedPence: number | null;
  /** All projects' LCPF spend in the year: all of it is planned against direct funding. */
  plannedPence: number;
  carriedInPence: number;
  availablePence: number;
  remainingPence: number;
  overByPence: number;
  carriedOutPence: number;
};

export type PriorityTotal = {
  /** null for the row of projects that have no primary priority yet. */
  priorityId: number | null;
  name: string;
  perYear: { financialYearId: number; pence: number }[];
  totalPence: number;
};

export type CandidatesAgainstPot = {
  financialYearId: number;
  label: string;
  candidates: { projectId: number; title: string; lcpfPence: number }[];
  candidatesPence: number;
  /** The year's co-commissioned part; null while the allocation is not set. */
  potPence: number | null;
  /** By how much the candidates exceed the pot (0 when they fit); null while the pot is unknown. */
  overPotByPence: number | null;
};

export type ProposalInput = {
  projects: readonly ProposalProject[];
  years: readonly ProposalYear[];
  priorities: readonly Priority[];
  measures: readonly Measure[];
  splitRule: SplitRule;
  /** Names for messages ("period 1 (2017/18 and 2018/19)"); without one, a period is named by its years. */
  periods?: readonly FundingPeriod[];
};

export type ProposalSummary = {
  years: ProposalYearFigures[];
  totalPlannedPence: number;
  priorityTotals: PriorityTotal[];
  coCommissioning: CandidatesAgainstPot[];
  uncoveredMandatoryMeasures: Measure[];
  blockers: ProposalIssue[];
  warnings: ProposalIssue[];
  /** No blockers: the proposal may be sent to the CSP. */
  readyToSend: boolean;
};

export const NO_PRIMARY_PRIORITY_NAME = "No primary priority";

function inRoundOrder(years: readonly ProposalYear[]): ProposalYear[] {
  return [...years].sort((a, b) => a.position - b.position);
}

/** A project's LCPF spend in one year (several cost lines for a year are added up). */
export function projectSpendInYear(project: ProposalProject, financialYearId: number): number {
  let pence = 0;
  for (const cost of project.costs) {
    assertNonNegativePence(cost.lcpfPence, `LCPF spend of ${project.title}`);
    if (cost.financialYearId === financialYearId) pence += cost.lcpfPence;
  }
  return pence;
}

/** The split and the envelope for each year, in round order; planned spend is every project's LCPF spend. */
export function assessYears(
  years: readonly ProposalYear[],
  projects: readonly ProposalProject[],
  rule: SplitRule,
): ProposalYearFigures[] {
  const ordered = inRoundOrder(years);
  const withSplit = ordered.map((year) => {
    const split = year.allocationPence === null ? null : splitAllocation(year.allocationPence, year.position, rule);
    const plannedPence = projects.reduce((sum, project) => sum + projectSpendInYear(project, year.financialYearId), 0);
    return { year, split, plannedPence };
  });

  const envelope = assessEnvelope(
    withSplit.map(({ year, split, plannedPence }) => ({
      financialYearId: year.financialYearId,
      label: year.label,
      periodId: year.periodId,
      directFundingPence: split?.directPence ?? null,
      plannedDirectPence: plannedPence,
    })),
  );

  return withSplit.map(({ year, split, plannedPence }, index) => {
    const assessed = envelope[index];
    if (!assessed) throw new Error("The envelope lost a year");
    return {
      financialYearId: year.financialYearId,
      label: year.label,
      periodId: year.periodId,
      position: year.position,
      allocationPence: year.allocationPence,
      allocationSet: assessed.allocationSet,
      assessable: assessed.assessable,
      splitApplies: splitApplies(year.position, rule),
      directPence: split?.directPence ?? null,
      coCommissionedPence: split?.coCommissionedPence ?? null,
      plannedPence,
      carriedInPence: assessed.carriedInPence,
      availablePence: assessed.availablePence,
      remainingPence: assessed.remainingPence,
      overByPence: assessed.overByPence,
      carriedOutPence: assessed.carriedOutPence,
    };
  });
}

/**
 * LCPF spend per primary priority, per year and overall. Every priority gets a row (in the
 * order given) so the table always shows all five; projects without a primary priority
 * get a last row of their own so that the rows still add up to the proposal's total.
 */
export function priorityTotals(
  projects: readonly ProposalProject[],
  priorities: readonly Priority[],
  years: readonly ProposalYear[],
): PriorityTotal[] {
  const known = new Set(priorities.map((priority) => priority.id));
  for (const project of projects) {
    if (project.primaryPriorityId !== null && !known.has(project.primaryPriorityId)) {
      throw new RangeError(`${project.title} has primary priority ${project.primaryPriorityId}, which is not a priority`);
    }
  }

  const ordered = inRoundOrder(years);
  const rowFor = (priorityId: number | null, name: string): PriorityTotal => {
    const members = projects.filter((project) => project.primaryPriorityId === priorityId);
    const perYear = ordered.map((year) => ({
      financialYearId: year.financialYearId,
      pence: members.reduce((sum, project) => sum + projectSpendInYear(project, year.financialYearId), 0),
    }));
    return { priorityId, name, perYear, totalPence: perYear.reduce((sum, cell) => sum + cell.pence, 0) };
  };

  const rows = priorities.map((priority) => rowFor(priority.id, priority.name));
  if (projects.some((project) => project.primaryPriorityId === null)) rows.push(rowFor(null, NO_PRIMARY_PRIORITY_NAME));
  return rows;
}

/**
 * For each year the split applies to: the flagged candidates' LCPF spend that year against
 * the year's co-commissioned pot.
 */
export function candidatesAgainstPot(
  projects: readonly ProposalProject[],
  yearFigures: readonly ProposalYearFigures[],
): CandidatesAgainstPot[] {
  const candidates = projects.filter((project) => project.coCommissioningCandidate);
  return yearFigures
    .filter((year) => year.splitApplies)
    .map((year) => {
      const rows = candidates.map((project) => ({
        projectId: project.id,
        title: project.title,
        lcpfPence: projectSpendInYear(project, year.financialYearId),
      }));
      const candidatesPence = rows.reduce((sum, row) => sum + row.lcpfPence, 0);
      const potPence = year.coCommissionedPence;
      return {
        financialYearId: year.financialYearId,
        label: year.label,
        candidates: rows,
        candidatesPence,
        potPence,
        overPotByPence: potPence === null ? null : Math.max(0, candidatesPence - potPence),
      };
    });
}

/** Mandatory measures of success that no project says it contributes to, in the order given. */
export function uncoveredMandatoryMeasures(projects: readonly ProposalProject[], measures: readonly Measure[]): Measure[] {
  const covered = new Set(projects.flatMap((project) => project.measureIds));
  return measures.filter((measure) => measure.mandatory && !covered.has(measure.id));
}

function periodName(periodId: number, years: readonly ProposalYearFigures[], periods: readonly FundingPeriod[]): string {
  const named = periods.find((period) => period.id === periodId);
  if (named) return named.name;
  const labels = years.filter((year) => year.periodId === periodId).map((year) => year.label);
  const first = labels[0] ?? "";
  const last = labels[labels.length - 1] ?? first;
  return first === last ? first : `${first} to ${last}`;
}

/**
 * Blockers stop the proposal being sent on (a draft may have them); warnings are shown but
 * do not stop it.
 */
export function proposalIssues(
  projects: readonly ProposalProject[],
  yearFigures: readonly ProposalYearFigures[],
  periods: readonly FundingPeriod[] = [],
): { blockers: ProposalIssue[]; warnings: ProposalIssue[] } {
  const blockers: ProposalIssue[] = [];
  const warnings: ProposalIssue[] = [];

  if (projects.length === 0) blockers.push({ code: "no-projects", message: "Add at least one project" });

  for (const project of projects) {
    if (project.primaryPriorityId === null) {
      blockers.push({
        code: "project-without-primary-priority",
        message: `Choose a primary priority for ${project.title}`,
        projectId: project.id,
      });
    }
    const spend = yearFigures.reduce((sum, year) => sum + projectSpendInYear(project, year.financialYearId), 0);
    if (spend === 0) {
      blockers.push({
        code: "project-without-lcpf-spend",
        message: `Enter the LCPF spend of ${project.title} for at least one year`,
        projectId: project.id,
      });
    }
  }

  for (const year of yearFigures) {
    if (!year.allocationSet) {
      blockers.push({
        code: "year-allocation-not-set",
        message: `MOPAC has not set the allocation for ${year.label} yet`,
        financialYearId: year.financialYearId,
      });
    }
    if (year.overByPence > 0) {
      blockers.push({
        code: "year-over-direct-funding",
        message: `${year.label} is over its direct funding by ${formatPounds(year.overByPence)}`,
        financialYearId: year.financialYearId,
      });
    }
  }

  // What a period leaves unplanned is what remains in its last year; unknown while any year lacks an allocation.
  const periodIds = [...new Set(yearFigures.map((year) => year.periodId))];
  for (const periodId of periodIds) {
    const periodYears = yearFigures.filter((year) => year.periodId === periodId);
    const lastYear = periodYears[periodYears.length - 1];
    if (!lastYear || !periodYears.every((year) => year.assessable)) continue;
    if (lastYear.remainingPence > 0) {
      warnings.push({
        code: "direct-funding-unplanned",
        message: `${formatPounds(lastYear.remainingPence)} of direct funding for ${periodName(periodId, yearFigures, periods)} is not planned`,
        periodId,
      });
    }
  }

  return { blockers, warnings };
}

/** Everything the proposal overview renders, in one object. */
export function summariseProposal(input: ProposalInput): ProposalSummary {
  const years = assessYears(input.years, input.projects, input.splitRule);
  const { blockers, warnings } = proposalIssues(input.projects, years, input.periods);
  return {
    years,
    totalPlannedPence: years.reduce((sum, year) => sum + year.plannedPence, 0),
    priorityTotals: priorityTotals(input.projects, input.priorities, input.years),
    coCommissioning: candidatesAgainstPot(input.projects, years),
    uncoveredMandatoryMeasures: uncoveredMandatoryMeasures(input.projects, input.measures),
    blockers,
    warnings,
    readyToSend: blockers.length === 0,
  };
}
