import { describe, expect, it } from "vitest";
import { derivedFromDemo, sumMarked } from "~/domain/demo-figures";
import { summariseProposal, type ProposalProject, type ProposalYear } from "~/domain/proposal-checks";
import { LCPF_2017_21_SPLIT_RULE } from "~/domain/split";

const THOUSAND_POUNDS = 1_000_00;

describe("a figure computed from a demo figure is a demo figure", () => {
  it("marks a derived figure when any source is a demo figure", () => {
    expect(derivedFromDemo(false, undefined, null)).toBe(false);
    expect(derivedFromDemo(false, true)).toBe(true);
    expect(derivedFromDemo()).toBe(false);
  });

  it("marks a sum that adds one demo amount", () => {
    expect(
      sumMarked([
        { pence: 1, isDemoFigure: false },
        { pence: 2, isDemoFigure: true },
      ]),
    ).toEqual({ pence: 3, isDemoFigure: true });
    expect(sumMarked([{ pence: 1, isDemoFigure: false }])).toEqual({ pence: 1, isDemoFigure: false });
  });
});

// The demo proposal in small: 2017/18's £644,000 is real, 2018/19's is the demo repeat of it; the
// candidates' 2017/18 amounts are the CSP report's, their 2018/19 amounts demo repeats.
const YEARS: ProposalYear[] = [
  {
    financialYearId: 1,
    label: "2017/18",
    periodId: 1,
    position: 1,
    allocationPence: 644 * THOUSAND_POUNDS,
    hasDemoFigure: false,
  },
  {
    financialYearId: 2,
    label: "2018/19",
    periodId: 1,
    position: 2,
    allocationPence: 644 * THOUSAND_POUNDS,
    hasDemoFigure: true,
  },
];
const CANDIDATE_THOUSANDS = [40, 40, 13, 40, 6, 110, 48, 32];
const PROJECTS: ProposalProject[] = CANDIDATE_THOUSANDS.map((thousands, index) => ({
  id: index + 1,
  title: `Candidate ${index + 1}`,
  primaryPriorityId: 1,
  coCommissioningCandidate: true,
  costs: [
    { financialYearId: 1, lcpfPence: thousands * THOUSAND_POUNDS, isDemoFigure: false },
    { financialYearId: 2, lcpfPence: thousands * THOUSAND_POUNDS, isDemoFigure: true },
  ],
  measureIds: [],
}));

function summary(projects = PROJECTS, years = YEARS) {
  return summariseProposal({
    projects,
    years,
    priorities: [{ id: 1, name: "Neighbourhood Policing" }],
    measures: [],
    splitRule: LCPF_2017_21_SPLIT_RULE,
  });
}

describe("the proposal's figures carry the mark", () => {
  it("keeps the worked figures and marks everything built on the demo 2018/19 allocation", () => {
    const { years, coCommissioning } = summary();
    expect(years[1]).toMatchObject({ directPence: 450_800_00, coCommissionedPence: 193_200_00 });
    expect(years[0]?.demo).toEqual({ allocation: false, plan: false, envelope: false });
    expect(years[1]?.demo).toEqual({ allocation: true, plan: true, envelope: true });
    expect(coCommissioning).toHaveLength(1);
    expect(coCommissioning[0]).toMatchObject({
      label: "2018/19",
      candidatesPence: 329 * THOUSAND_POUNDS,
      potPence: 193_200_00,
      candidatesAreDemo: true,
      potIsDemo: true,
      isDemoFigure: true,
      illustration: false,
    });
  });

  it("shows the report's own comparison for 2017/18, from real figures, as an illustration", () => {
    const [illustration, ...rest] = summary().coCommissioningIllustrations;
    expect(rest).toEqual([]);
    expect(illustration).toMatchObject({
      label: "2017/18",
      candidatesPence: 329 * THOUSAND_POUNDS,
      potPence: 193_200_00,
      overPotByPence: 135_800_00,
      isDemoFigure: false,
      illustration: true,
      coCommissionedPercent: 30,
    });
  });

  it("marks the priority totals per year, and the grand total", () => {
    const { priorityTotals, totalPlannedIsDemoFigure } = summary();
    expect(priorityTotals[0]?.perYear.map((cell) => cell.isDemoFigure)).toEqual([false, true]);
    expect(priorityTotals[0]?.totalIsDemoFigure).toBe(true);
    expect(totalPlannedIsDemoFigure).toBe(true);
  });

  it("carries a demo plan in the first year into the second year's envelope through the rollover", () => {
    const projects: ProposalProject[] = [
      { ...PROJECTS[0]!, costs: [{ financialYearId: 1, lcpfPence: 10 * THOUSAND_POUNDS, isDemoFigure: true }] },
    ];
    const years = YEARS.map((year) => ({ ...year, hasDemoFigure: false }));
    const figures = summary(projects, years).years;
    expect(figures[0]?.demo).toEqual({ allocation: false, plan: true, envelope: true });
    expect(figures[1]?.demo).toEqual({ allocation: false, plan: false, envelope: true });
  });

  it("marks the unplanned-money warning when it comes from a demo figure, and not otherwise", () => {
    expect(summary().warnings.map((w) => w.isDemoFigure)).toEqual([true]);
    const real = YEARS.map((year) => ({ ...year, hasDemoFigure: false }));
    const realProjects = PROJECTS.map((p) => ({ ...p, costs: p.costs.map((c) => ({ ...c, isDemoFigure: false })) }));
    const { warnings, years } = summary(realProjects, real);
    expect(warnings.map((w) => w.isDemoFigure ?? false)).toEqual([false]);
    expect(years.every((y) => !y.demo.envelope)).toBe(true);
  });
});
