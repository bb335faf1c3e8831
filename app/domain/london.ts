import { sumMarked, type MarkedPence } from "./demo-figures";
import {
  assessYears,
  priorityTotals,
  type Priority,
  type ProposalProject,
  type ProposalYear,
} from "~/domain/proposal-checks";
import { isOverdue } from "~/domain/routing";
import { splitAllocation, type SplitRule } from "~/domain/split";
import { isOpenReview, stateLabel, type State } from "~/domain/workflow";

/** Made once: localeCompare with a locale builds a collator on every call, which a sort makes thousands of. */
const ENGLISH = new Intl.Collator("en-GB");

/**
 * London as a whole for MOPAC, for one financial year of a round: every borough's figures, the
 * planned spend per priority, the co-commissioning opportunities and the coverage of the mandatory
 * measures. Every figure comes from the split and the envelope of each proposal (proposal-checks),
 * never recomputed here; this module only adds them up, groups them and carries the demo marks.
 */

export type LondonYear = ProposalYear;

export type LondonBorough = { id: number; name: string };

export type LondonAllocation = { boroughId: number; financialYearId: number; pence: number; isDemoFigure: boolean };

export type LondonCost = { financialYearId: number; lcpfPence: number; laCashPence: number; isDemoFigure: boolean };

/**
 * A proposal's LCPF spend and match funding under one primary priority, added up per year (a demo
 * mark when any amount added is one). The London view needs no project on its own except the
 * co-commissioning candidates, so the database adds the rest up: a fixed handful of rows per proposal.
 */
export type LondonPlan = {
  proposalId: number;
  primaryPriorityId: number | null;
  costs: readonly LondonCost[];
};

/** A project a borough flagged as a co-commissioning candidate, with its LCPF spend in the chosen year. */
export type LondonCandidate = {
  id: number;
  proposalId: number;
  title: string;
  primaryPriorityId: number | null;
  provider: string | null;
  categories: readonly string[];
  pence: number;
  isDemoFigure: boolean;
};

/** What similarity compares: a candidate's title, provider and categories. */
export type ServiceFields = Pick<LondonCandidate, "title" | "provider" | "categories">;

/** A mandatory measure that at least one project of the proposal contributes to. */
export type LondonProposalMeasure = { proposalId: number; measureId: number };

export type LondonProposal = {
  id: number;
  /** A joint proposal belongs to every member borough; its figures are shown once, on the lead's row. */
  boroughIds: readonly number[];
  leadBoroughId: number;
  status: State;
  reviewerName: string | null;
  lastSubmittedAt: string | null;
};

export type LondonMeasure = { id: number; name: string; mandatory: boolean };

export type LondonInput = {
  /** The years of the chosen year's funding period, so the envelope carries what earlier years left. */
  years: readonly LondonYear[];
  financialYearId: number;
  boroughs: readonly LondonBorough[];
  allocations: readonly LondonAllocation[];
  proposals: readonly LondonProposal[];
  plans: readonly LondonPlan[];
  candidates: readonly LondonCandidate[];
  proposalMeasures: readonly LondonProposalMeasure[];
  priorities: readonly Priority[];
  measures: readonly LondonMeasure[];
  splitRule: SplitRule;
  feedbackDeadline: string | null;
  today: string;
};

/** A figure and whether it was computed from a demo figure (so it must carry the "Demo figure" tag). */
export type Figure = MarkedPence;

export type BoroughRow = {
  boroughId: number;
  borough: string;
  /** null while MOPAC has not set the borough's allocation for the year. */
  allocation: Figure | null;
  direct: Figure | null;
  pot: Figure | null;
  /** The proposal's figures: null for a borough without a proposal and on a joint proposal's other members. */
  planned: Figure | null;
  /** What is left (positive) or over (negative) of the direct funding available in the year; null when unknown. */
  leftOrOver: Figure | null;
  match: Figure | null;
  proposalId: number | null;
  status: State | null;
  /** On a joint proposal's other members: the lead borough, whose row carries the proposal's figures. */
  jointWith: string | null;
  /** The other member boroughs of a joint proposal, on every member's row; empty for a borough's own proposal. */
  jointPartners: string[];
  reviewer: string | null;
  submittedAt: string | null;
  dueDate: string | null;
  overdue: boolean;
};

export type LondonTotals = {
  allocation: Figure;
  direct: Figure;
  pot: Figure;
  planned: Figure;
  left: Figure;
  over: Figure;
  match: Figure;
  /** Boroughs whose allocation for the year is not set: the allocation totals leave them out. */
  allocationsMissing: number;
  /** Proposals, not boroughs: a joint proposal counts once. */
  proposals: number;
  /** Proposals whose review is past the feedback deadline. */
  overdue: number;
};

const ZERO: Figure = { pence: 0, isDemoFigure: false };

function add(total: Figure, figure: Figure | null): Figure {
  return figure ? sumMarked([total, figure]) : total;
}

function demoCostsIn(plans: readonly LondonPlan[], financialYearId: number): boolean {
  return plans.some((plan) => plan.costs.some((cost) => cost.financialYearId === financialYearId && cost.isDemoFigure));
}

/** A plan line in the shape the proposal pages' rules (the envelope, the priority totals) add up. */
function asProposalProject(plan: LondonPlan, index: number): ProposalProject {
  return {
    id: index,
    title: `Planned spend under priority ${plan.primaryPriorityId ?? "none"}`,
    primaryPriorityId: plan.primaryPriorityId,
    coCommissioningCandidate: false,
    costs: plan.costs,
    measureIds: [],
  };
}

/** A borough's allocation for the year split into direct funding and its share of London's pot, with its demo mark. */
function splitOf(
  own: LondonAllocation | undefined,
  year: LondonYear,
  rule: SplitRule,
): Pick<BoroughRow, "allocation" | "direct" | "pot"> {
  if (!own) return { allocation: null, direct: null, pot: null };
  const split = splitAllocation(own.pence, year.position, rule);
  const isDemoFigure = own.isDemoFigure;
  return {
    allocation: { pence: own.pence, isDemoFigure },
    direct: { pence: split.directPence, isDemoFigure },
    pot: { pence: split.coCommissionedPence, isDemoFigure },
  };
}

function chosenYear(input: LondonInput): LondonYear {
  const year = input.years.find((y) => y.financialYearId === input.financialYearId);
  if (!year) throw new RangeError(`Year ${input.financialYearId} is not one of the period's years`);
  return year;
}

/** Each borough's share of London's co-commissioned pot for the year: all the co-commissioning page needs of the rows. */
export function boroughPots(input: LondonInput): Pick<BoroughRow, "boroughId" | "borough" | "pot">[] {
  const year = chosenYear(input);
  const allocations = new Map(
    input.allocations.filter((a) => a.financialYearId === year.financialYearId).map((a) => [a.boroughId, a]),
  );
  return input.boroughs.map((borough) => ({
    boroughId: borough.id,
    borough: borough.name,
    pot: splitOf(allocations.get(borough.id), year, input.splitRule).pot,
  }));
}

export function boroughRows(input: LondonInput): BoroughRow[] {
  const year = chosenYear(input);
  const names = new Map(input.boroughs.map((b) => [b.id, b.name]));
  const allocations = new Map(input.allocations.map((a) => [`${a.boroughId}:${a.financialYearId}`, a]));
  const allocationOf = (boroughId: number, financialYearId: number) =>
    allocations.get(`${boroughId}:${financialYearId}`);
  const plansOf = new Map<number, LondonPlan[]>();
  for (const plan of input.plans) {
    const list = plansOf.get(plan.proposalId);
    if (list) list.push(plan);
    else plansOf.set(plan.proposalId, [plan]);
  }
  const proposalOf = new Map<number, LondonProposal>();
  for (const proposal of input.proposals) for (const id of proposal.boroughIds) proposalOf.set(id, proposal);

  // A proposal's figures are worked out once, however many member boroughs show it.
  const figuresOf = new Map<number, Pick<BoroughRow, "planned" | "leftOrOver" | "match">>();
  const proposalFigures = (proposal: LondonProposal | null, memberIds: readonly number[]) => {
    const known = proposal ? figuresOf.get(proposal.id) : undefined;
    if (known) return known;
    const plans = proposal ? (plansOf.get(proposal.id) ?? []) : [];
    // The envelope of the proposal (or of an empty programme): the members' allocations added, as on the proposal's page.
    const periodYears = input.years.map((y) => {
      const forYear = memberIds.map((id) => allocationOf(id, y.financialYearId));
      const complete = forYear.every((a) => a !== undefined);
      return { ...y, allocationPence: complete ? forYear.reduce((sum, a) => sum + (a?.pence ?? 0), 0) : null };
    });
    const assessed = assessYears(periodYears, plans.map(asProposalProject), input.splitRule).find(
      (y) => y.financialYearId === year.financialYearId,
    );
    const plannedDemo = demoCostsIn(plans, year.financialYearId);
    // What is left depends on what earlier years of the period carried in, so any demo allocation up to this year marks it.
    const envelopeDemo =
      plannedDemo ||
      input.years.some(
        (y) => y.position <= year.position && memberIds.some((id) => allocationOf(id, y.financialYearId)?.isDemoFigure),
      );
    let matchPence = 0;
    for (const plan of plans)
      for (const cost of plan.costs) if (cost.financialYearId === year.financialYearId) matchPence += cost.laCashPence;
    const figures = {
      planned: proposal && assessed ? { pence: assessed.plannedPence, isDemoFigure: plannedDemo } : null,
      leftOrOver: assessed?.assessable
        ? { pence: assessed.remainingPence - assessed.overByPence, isDemoFigure: envelopeDemo }
        : null,
      match: proposal ? { pence: matchPence, isDemoFigure: plannedDemo } : null,
    };
    if (proposal) figuresOf.set(proposal.id, figures);
    return figures;
  };

  return input.boroughs.map((borough) => {
    const own = allocationOf(borough.id, year.financialYearId);
    const { allocation, direct, pot } = splitOf(own, year, input.splitRule);
    const proposal = proposalOf.get(borough.id) ?? null;
    const isLead = proposal === null || proposal.leadBoroughId === borough.id;
    // Only the lead's row carries a joint proposal's figures, so London's totals count them once.
    const figures = isLead
      ? proposalFigures(proposal, proposal ? proposal.boroughIds : [borough.id])
      : { planned: null, leftOrOver: null, match: null };
    return {
      boroughId: borough.id,
      borough: borough.name,
      allocation,
      direct,
      pot,
      ...figures,
      proposalId: proposal?.id ?? null,
      status: proposal?.status ?? null,
      jointWith: proposal && !isLead ? (names.get(proposal.leadBoroughId) ?? null) : null,
      jointPartners: proposal
        ? proposal.boroughIds.filter((id) => id !== borough.id).map((id) => names.get(id) ?? "")
        : [],
      reviewer: proposal?.reviewerName ?? null,
      submittedAt: proposal?.lastSubmittedAt ?? null,
      dueDate: proposal?.lastSubmittedAt ? input.feedbackDeadline : null,
      overdue: proposal ? isOverdue(input.feedbackDeadline, input.today, isOpenReview(proposal.status)) : false,
    };
  });
}

export function londonTotals(rows: readonly BoroughRow[]): LondonTotals {
  let totals: LondonTotals = {
    allocation: ZERO,
    direct: ZERO,
    pot: ZERO,
    planned: ZERO,
    left: ZERO,
    over: ZERO,
    match: ZERO,
    allocationsMissing: 0,
    proposals: 0,
    overdue: 0,
  };
  for (const row of rows) {
    const leftOrOver = row.leftOrOver;
    totals = {
      allocation: add(totals.allocation, row.allocation),
      direct: add(totals.direct, row.direct),
      pot: add(totals.pot, row.pot),
      planned: add(totals.planned, row.planned),
      // Left and over are added separately: one borough's surplus does not pay for another's overspend.
      left: add(totals.left, leftOrOver && leftOrOver.pence > 0 ? leftOrOver : null),
      over: add(totals.over, leftOrOver && leftOrOver.pence < 0 ? { ...leftOrOver, pence: -leftOrOver.pence } : null),
      match: add(totals.match, row.match),
      allocationsMissing: totals.allocationsMissing + (row.allocation ? 0 : 1),
      // Proposals, not boroughs: a joint proposal counts once, on its lead's row.
      proposals: totals.proposals + (row.proposalId !== null && row.jointWith === null ? 1 : 0),
      overdue: totals.overdue + (row.overdue && row.jointWith === null ? 1 : 0),
    };
  }
  return totals;
}

export type PrioritySpend = { priorityId: number | null; name: string; pence: number; isDemoFigure: boolean };

/** Planned spend per primary priority across London in the year, through the proposal pages' own priority totals. */
export function londonPrioritySpend(input: LondonInput): PrioritySpend[] {
  const year = input.years.filter((y) => y.financialYearId === input.financialYearId);
  return priorityTotals(input.plans.map(asProposalProject), input.priorities, year).map((row) => ({
    priorityId: row.priorityId,
    name: row.name,
    pence: row.totalPence,
    isDemoFigure: demoCostsIn(
      input.plans.filter((p) => p.primaryPriorityId === row.priorityId),
      input.financialYearId,
    ),
  }));
}

// Words that say nothing about the service itself, so two titles do not look alike because of them.
const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "the",
  "of",
  "for",
  "in",
  "on",
  "to",
  "with",
  "by",
  "at",
  "programme",
  "project",
  "service",
  "services",
  "lbbd",
]);

/** A title's words, lower case, without punctuation, stop words or a plural "s", as a set. */
export function titleTokens(title: string): Set<string> {
  const words = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word));
  return new Set(words);
}

/** Shared words over all words: 1 for the same set, 0 for nothing in common (or two empty titles). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Half the words in common: "Domestic abuse advocacy" and "Domestic abuse advocates (IDVA)" match; "Youth mentoring" and "Youth diversion" do not. */
export const SIMILAR_TITLE_THRESHOLD = 0.5;

const normalise = (text: string | null) => (text ?? "").trim().toLowerCase().replace(/\s+/g, " ");

type ServiceKey = { provider: string; categories: string; tokens: Set<string> };

/** What similarity compares, worked out once per project rather than once per pair. */
function serviceKey(project: ServiceFields): ServiceKey {
  return {
    provider: normalise(project.provider),
    categories: [...project.categories].sort().join("|"),
    tokens: titleTokens(project.title),
  };
}

function similarKeys(a: ServiceKey, b: ServiceKey): boolean {
  if (a.provider !== "" && a.provider === b.provider && a.categories !== "" && a.categories === b.categories)
    return true;
  return jaccard(a.tokens, b.tokens) >= SIMILAR_TITLE_THRESHOLD;
}

/**
 * Two candidate projects are the same kind of service when they have the same provider and the
 * same categories (both known), or when their titles share at least half their words.
 */
export function similarService(a: ServiceFields, b: ServiceFields): boolean {
  return similarKeys(serviceKey(a), serviceKey(b));
}

export type OpportunityProject = {
  projectId: number;
  proposalId: number;
  borough: string;
  title: string;
  pence: number;
  isDemoFigure: boolean;
};

export type Opportunity = {
  priorityId: number | null;
  priority: string;
  projects: OpportunityProject[];
  boroughCount: number;
  total: Figure;
};

export type CoCommissioning = { opportunities: Opportunity[]; londonPot: Figure };

/**
 * The candidates of all boroughs grouped by primary priority, then by similar service. Similarity
 * links pairs; a group is everything linked to anything in it (so A~B and B~C make one group).
 */
export function coCommissioningOpportunities(
  input: LondonInput,
  rows: readonly Pick<BoroughRow, "boroughId" | "borough" | "pot">[],
): CoCommissioning {
  const boroughName = new Map(rows.map((r) => [r.boroughId, r.borough]));
  const proposalsById = new Map(input.proposals.map((p) => [p.id, p]));
  // A joint proposal's candidates are the partnership's: every member borough is named, the lead first.
  const jointNames = new Map(
    input.proposals.map((p) => [
      p.id,
      [p.leadBoroughId, ...p.boroughIds.filter((id) => id !== p.leadBoroughId)]
        .map((id) => boroughName.get(id) ?? "")
        .join(" and "),
    ]),
  );
  const candidates = input.candidates.filter((p) => proposalsById.has(p.proposalId));
  const priorityName = (id: number | null) => input.priorities.find((p) => p.id === id)?.name ?? "No primary priority";
  const order = (id: number | null) => {
    const index = input.priorities.findIndex((p) => p.id === id);
    return index === -1 ? input.priorities.length : index;
  };

  // Union-find over the candidates of each priority.
  const keys = candidates.map(serviceKey);
  const parent = candidates.map((_, index) => index);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < candidates.length; i += 1) {
    for (let j = i + 1; j < candidates.length; j += 1) {
      if (candidates[i]!.primaryPriorityId === candidates[j]!.primaryPriorityId && similarKeys(keys[i]!, keys[j]!))
        parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, LondonCandidate[]>();
  candidates.forEach((project, i) => {
    const group = groups.get(root(i));
    if (group) group.push(project);
    else groups.set(root(i), [project]);
  });

  const opportunities = [...groups.values()].map((members): Opportunity => {
    const projects = members.map((project) => ({
      projectId: project.id,
      proposalId: project.proposalId,
      borough: jointNames.get(project.proposalId) ?? "",
      title: project.title,
      pence: project.pence,
      isDemoFigure: project.isDemoFigure,
    }));
    const first = members[0]!;
    return {
      priorityId: first.primaryPriorityId,
      priority: priorityName(first.primaryPriorityId),
      projects,
      boroughCount: new Set(members.flatMap((m) => proposalsById.get(m.proposalId)?.boroughIds ?? [])).size,
      total: projects.reduce<Figure>((sum, p) => add(sum, { pence: p.pence, isDemoFigure: p.isDemoFigure }), ZERO),
    };
  });
  opportunities.sort(
    (a, b) =>
      order(a.priorityId) - order(b.priorityId) || b.boroughCount - a.boroughCount || b.total.pence - a.total.pence,
  );
  const londonPot = rows.reduce<Figure>((sum, row) => add(sum, row.pot), ZERO);
  return { opportunities, londonPot };
}

export type MeasureCoverage = { measureId: number; measure: string; boroughs: string[] };

/** Each mandatory measure with the boroughs whose programme has a project contributing to it; an empty list means nobody does. */
export function measuresCoverage(
  input: LondonInput,
  rows: readonly Pick<BoroughRow, "boroughId" | "borough">[],
): MeasureCoverage[] {
  const namesOf = new Map(
    input.proposals.map((p) => [p.id, rows.filter((r) => p.boroughIds.includes(r.boroughId)).map((r) => r.borough)]),
  );
  return input.measures
    .filter((measure) => measure.mandatory)
    .map((measure) => {
      const proposalIds = new Set(
        input.proposalMeasures.filter((m) => m.measureId === measure.id).map((m) => m.proposalId),
      );
      const boroughs = [...proposalIds].flatMap((id) => namesOf.get(id) ?? []).sort(ENGLISH.compare);
      return { measureId: measure.id, measure: measure.name, boroughs };
    });
}

export type LondonView = {
  rows: BoroughRow[];
  totals: LondonTotals;
  prioritySpend: PrioritySpend[];
  coCommissioning: CoCommissioning;
  coverage: MeasureCoverage[];
};

export function londonView(input: LondonInput): LondonView {
  const rows = boroughRows(input);
  return {
    rows,
    totals: londonTotals(rows),
    prioritySpend: londonPrioritySpend(input),
    coCommissioning: coCommissioningOpportunities(input, rows),
    coverage: measuresCoverage(input, rows),
  };
}

/* The London view's pages, each from only the part of the input it reads (see londonInput's pages). */

/** The boroughs table and London's totals: needs allocations, proposals and plans. */
export function londonBoroughs(input: LondonInput): Pick<LondonView, "rows" | "totals"> {
  const rows = boroughRows(input);
  return { rows, totals: londonTotals(rows) };
}

/** The co-commissioning groups: needs allocations (for London's pot), proposals and candidates; not plans. */
export function londonCoCommissioning(input: LondonInput): CoCommissioning {
  return coCommissioningOpportunities(input, boroughPots(input));
}

/** Measures coverage: needs proposals and their measures; not allocations or plans. */
export function londonCoverage(input: LondonInput): MeasureCoverage[] {
  return measuresCoverage(
    input,
    input.boroughs.map((b) => ({ boroughId: b.id, borough: b.name })),
  );
}

/* Sorting: one rule for every sortable table, so each column sorts the same way. */

export type SortDirection = "ascending" | "descending";
export type SortValue = string | number | boolean | null;

/**
 * Sorts by one column; rows without a value go last whichever the direction (an empty cell is not
 * "smallest"), and ties keep their order so a second sort is predictable.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): T[] {
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const compared =
        typeof a.key === "string" && typeof b.key === "string"
          ? ENGLISH.compare(a.key, b.key)
          : Number(a.key) - Number(b.key);
      return compared * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}

export const BOROUGH_COLUMNS = [
  "borough",
  "allocation",
  "direct",
  "pot",
  "planned",
  "left",
  "match",
  "status",
  "reviewer",
  "submitted",
  "due",
  "overdue",
] as const;
export type BoroughColumn = (typeof BOROUGH_COLUMNS)[number];

export function isBoroughColumn(value: unknown): value is BoroughColumn {
  return typeof value === "string" && (BOROUGH_COLUMNS as readonly string[]).includes(value);
}

export function boroughSortValue(row: BoroughRow, column: BoroughColumn): SortValue {
  switch (column) {
    case "borough":
      return row.borough;
    case "allocation":
      return row.allocation?.pence ?? null;
    case "direct":
      return row.direct?.pence ?? null;
    case "pot":
      return row.pot?.pence ?? null;
    case "planned":
      return row.planned?.pence ?? null;
    case "left":
      return row.leftOrOver?.pence ?? null;
    case "match":
      return row.match?.pence ?? null;
    case "status":
      // By what people read, so the order matches the column.
      return row.status ? stateLabel(row.status) : null;
    case "reviewer":
      return row.reviewer;
    case "submitted":
      return row.submittedAt;
    case "due":
      return row.dueDate;
    case "overdue":
      return row.overdue;
  }
}
