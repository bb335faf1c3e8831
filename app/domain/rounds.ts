import { todayInLondon } from "./dates";
import { splitAllocation, type SplitRule } from "./split";

/**
 * Funding rounds as an admin sets them up: the financial years and periods a round is made of, what a
 * change to its split does to proposals already sent, and when a proposal counts as late.
 */

export const MAX_ROUND_YEARS = 10;

/** "2017/18" for the financial year starting 1 April 2017. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export type PlannedYear = { position: number; period: number; label: string; startsOn: string; endsOn: string };
export type PlannedPeriod = { number: number; name: string };

/**
 * A round's years (1 April to 31 March, one after another from `firstYear`) grouped into periods of
 * `yearsPerPeriod` (the last one shorter if they do not divide evenly). Period names list their years,
 * as LCPF 2017-21's do: "Period 1 (2017/18 and 2018/19)".
 */
export function planRoundYears(
  firstYear: number,
  yearCount: number,
  yearsPerPeriod: number,
): { periods: PlannedPeriod[]; years: PlannedYear[] } {
  if (!Number.isInteger(firstYear) || firstYear < 2000 || firstYear > 2100)
    throw new RangeError(`firstYear ${firstYear}`);
  if (!Number.isInteger(yearCount) || yearCount < 1 || yearCount > MAX_ROUND_YEARS)
    throw new RangeError(`yearCount ${yearCount}`);
  if (!Number.isInteger(yearsPerPeriod) || yearsPerPeriod < 1 || yearsPerPeriod > yearCount)
    throw new RangeError(`yearsPerPeriod ${yearsPerPeriod}`);
  const years: PlannedYear[] = Array.from({ length: yearCount }, (_, index) => ({
    position: index + 1,
    period: Math.floor(index / yearsPerPeriod) + 1,
    label: financialYearLabel(firstYear + index),
    startsOn: `${firstYear + index}-04-01`,
    endsOn: `${firstYear + index + 1}-03-31`,
  }));
  const periodCount = Math.ceil(yearCount / yearsPerPeriod);
  const periods = Array.from({ length: periodCount }, (_, index) => {
    const labels = years.filter((y) => y.period === index + 1).map((y) => y.label);
    const listed = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
    return { number: index + 1, name: `Period ${index + 1} (${listed})` };
  });
  return { periods, years };
}

/**
 * A proposal is late when it reached MOPAC (the CSP endorsed it) after the round's proposal deadline,
 * judged by the London date it was first sent: a proposal sent on the deadline day is on time.
 */
export function isLate(firstSubmittedAt: string | null, proposalDeadline: string | null): boolean {
  if (!firstSubmittedAt || !proposalDeadline) return false;
  return todayInLondon(new Date(firstSubmittedAt)) > proposalDeadline;
}

/** What borough officers are told about a round's proposal deadline while they plan. */
export function deadlineNotice(
  proposalDeadline: string | null,
  today: string,
  alreadySent: boolean,
): { deadline: string; passed: boolean; sentence: string } | null {
  if (!proposalDeadline || alreadySent) return null;
  const passed = today > proposalDeadline;
  return {
    deadline: proposalDeadline,
    passed,
    sentence: passed
      ? "The deadline for proposals has passed: a proposal that reaches MOPAC now is marked late."
      : "Proposals must reach MOPAC by this date, so your CSP needs time to endorse it first.",
  };
}

export type EnvelopeYear = { label: string; position: number; allocationPence: number | null };
export type SplitChangeProposal = { proposalId: number; name: string; years: readonly EnvelopeYear[] };
export type EnvelopeChange = { label: string; allocationPence: number; directBefore: number; directAfter: number };
export type SplitChangeEffect = { proposalId: number; name: string; changes: EnvelopeChange[] };

export function sameSplit(a: SplitRule, b: SplitRule): boolean {
  return a.coCommissionedPercent === b.coCommissionedPercent && a.splitFromYearPosition === b.splitFromYearPosition;
}

/**
 * Which proposals' envelopes (their direct borough funding per year) a new split changes, and how.
 * Years without an allocation have no envelope yet, so nothing of theirs changes.
 */
export function splitChangeEffects(
  proposals: readonly SplitChangeProposal[],
  before: SplitRule,
  after: SplitRule,
): SplitChangeEffect[] {
  return proposals
    .map((proposal) => ({
      proposalId: proposal.proposalId,
      name: proposal.name,
      changes: proposal.years.flatMap((year): EnvelopeChange[] => {
        if (year.allocationPence === null) return [];
        const directBefore = splitAllocation(year.allocationPence, year.position, before).directPence;
        const directAfter = splitAllocation(year.allocationPence, year.position, after).directPence;
        return directBefore === directAfter
          ? []
          : [{ label: year.label, allocationPence: year.allocationPence, directBefore, directAfter }];
      }),
    }))
    .filter((effect) => effect.changes.length > 0);
}
