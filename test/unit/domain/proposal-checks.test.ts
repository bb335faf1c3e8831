import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NO_PRIMARY_PRIORITY_NAME,
  assessYears,
  candidatesAgainstPot,
  priorityTotals,
  coCommissioningPotWording,
  NO_ENDORSER_MESSAGE,
  proposalIssues,
  replanProjectSpend,
  sendingBlockers,
  summariseProposal,
  type RequiredAnswers,
  type SendingCheck,
  uncoveredMandatoryMeasures,
  type Measure,
  type ProposalInput,
  type ProposalProject,
  type ProposalYear,
} from "~/domain/proposal-checks";
import { LCPF_2017_21_SPLIT_RULE } from "~/domain/split";

const POUND = 100;
const THOUSAND_POUNDS = 1_000 * POUND;

const PRIORITIES = [
  { id: 1, name: "Neighbourhood Policing" },
  { id: 2, name: "Children and Young People" },
  { id: 3, name: "Violence Against Women and Girls" },
  { id: 4, name: "Hate Crime and Extremism" },
  { id: 5, name: "Wider Criminal Justice" },
];

// Barking and Dagenham: £644,000 for 2017/18 (CSP report); 2018/19 uses the same figure as a
// demo, as the report does when it sizes the 30% pot "based on the allocation for 2017/18".
const PERIOD_1: ProposalYear[] = [
  { financialYearId: 1, label: "2017/18", periodId: 1, position: 1, allocationPence: 644 * THOUSAND_POUNDS },
  { financialYearId: 2, label: "2018/19", periodId: 1, position: 2, allocationPence: 644 * THOUSAND_POUNDS },
];

const MEASURES: Measure[] = [
  { id: 1, name: "Reduce knife crime", mandatory: true, group: "Keeping children and young people safe" },
  {
    id: 2,
    name: "More victims of domestic abuse come forward",
    mandatory: true,
    group: "Tackling violence against women and girls",
  },
  {
    id: 3,
    name: "More victims of hate crime come forward",
    mandatory: true,
    group: "Standing together against extremism, hatred and intolerance",
  },
  { id: 4, name: "Reduce burglary", mandatory: false, group: "Local priorities" },
];

function project(
  id: number,
  title: string,
  primaryPriorityId: number | null,
  perYear: Record<number, number>,
  extra: Partial<ProposalProject> = {},
): ProposalProject {
  return {
    id,
    title,
    primaryPriorityId,
    coCommissioningCandidate: false,
    costs: Object.entries(perYear).map(([financialYearId, lcpfPence]) => ({
      financialYearId: Number(financialYearId),
      lcpfPence,
    })),
    measureIds: [],
    ...extra,
  };
}

// The CSP report's eight co-commissioning candidates, at their annual cost, planned in both years.
const CANDIDATES: [string, number, number][] = [
  ["Victim Support Project Worker", 40, 1],
  ["High Level Mentoring Support", 40, 2],
  ["VAWG Counselling", 13, 3],
  ["Domestic Violence Advocacy", 40, 3],
  ["Stop Hate UK", 6, 4],
  ["Drug Intervention Project", 110, 5],
  ["IOM Female Offenders Initiative", 48, 5],
  ["IOM Coordinator", 32, 5],
];

const BARKING_CANDIDATES: ProposalProject[] = CANDIDATES.map(([title, thousands, priorityId], index) =>
  project(
    index + 1,
    title,
    priorityId,
    { 1: thousands * THOUSAND_POUNDS, 2: thousands * THOUSAND_POUNDS },
    { coCommissioningCandidate: true },
  ),
);

function input(overrides: Partial<ProposalInput> = {}): ProposalInput {
  return {
    projects: BARKING_CANDIDATES,
    years: PERIOD_1,
    priorities: PRIORITIES,
    measures: MEASURES,
    splitRule: LCPF_2017_21_SPLIT_RULE,
    periods: [{ id: 1, name: "period 1 (2017/18 and 2018/19)" }],
    ...overrides,
  };
}

describe("assessYears", () => {
  it("splits each year and plans all projects' LCPF spend against its direct funding", () => {
    const years = assessYears(PERIOD_1, BARKING_CANDIDATES, LCPF_2017_21_SPLIT_RULE);
    expect(
      years.map(({ label, splitApplies, directPence, coCommissionedPence, plannedPence }) => ({
        label,
        splitApplies,
        directPence,
        coCommissionedPence,
        plannedPence,
      })),
    ).toEqual([
      {
        label: "2017/18",
        splitApplies: false,
        directPence: 644 * THOUSAND_POUNDS,
        coCommissionedPence: 0,
        plannedPence: 329 * THOUSAND_POUNDS,
      },
      {
        label: "2018/19",
        splitApplies: true,
        directPence: 450_800 * POUND,
        coCommissionedPence: 193_200 * POUND,
        plannedPence: 329 * THOUSAND_POUNDS,
      },
    ]);
    expect(years[0]).toMatchObject({ carriedOutPence: 315 * THOUSAND_POUNDS, overByPence: 0 });
    expect(years[1]).toMatchObject({
      carriedInPence: 315 * THOUSAND_POUNDS,
      remainingPence: (315_000 + 121_800) * POUND,
    });
  });

  it("orders the years by their position in the round whatever order they come in", () => {
    const years = assessYears([...PERIOD_1].reverse(), [], LCPF_2017_21_SPLIT_RULE);
    expect(years.map((year) => year.label)).toEqual(["2017/18", "2018/19"]);
  });

  it("shows a year without an allocation as not set, with no split", () => {
    const years = assessYears([PERIOD_1[0]!, { ...PERIOD_1[1]!, allocationPence: null }], [], LCPF_2017_21_SPLIT_RULE);
    expect(years[1]).toMatchObject({
      allocationSet: false,
      assessable: false,
      directPence: null,
      coCommissionedPence: null,
    });
  });

  it("adds up several cost lines for the same year and ignores years outside the proposal", () => {
    const split = project(
      1,
      "Youth Risk Matrix",
      2,
      {},
      {
        costs: [
          { financialYearId: 1, lcpfPence: 500 },
          { financialYearId: 1, lcpfPence: 250 },
          { financialYearId: 99, lcpfPence: 1_000_000 },
        ],
      },
    );
    expect(assessYears(PERIOD_1, [split], LCPF_2017_21_SPLIT_RULE)[0]!.plannedPence).toBe(750);
  });
});

describe("candidatesAgainstPot", () => {
  it("CSP report worked example: Barking and Dagenham's eight candidates total £329,000 against a £193,200 pot", () => {
    const years = assessYears(PERIOD_1, BARKING_CANDIDATES, LCPF_2017_21_SPLIT_RULE);
    const pots = candidatesAgainstPot(BARKING_CANDIDATES, years);
    expect(pots).toHaveLength(1);
    expect(pots[0]).toMatchObject({
      label: "2018/19",
      candidatesPence: 329_000 * POUND,
      potPence: 193_200 * POUND,
      overPotByPence: 135_800 * POUND,
    });
    expect(pots[0]!.candidates.map((row) => row.title)).toEqual(CANDIDATES.map(([title]) => title));
  });

  it("leaves out projects not flagged and shows no excess when the candidates fit the pot", () => {
    const projects = [
      project(1, "Stop Hate UK", 4, { 2: 6 * THOUSAND_POUNDS }, { coCommissioningCandidate: true }),
      project(2, "Youth Risk Matrix", 2, { 2: 500 * THOUSAND_POUNDS }),
    ];
    const [pot] = candidatesAgainstPot(projects, assessYears(PERIOD_1, projects, LCPF_2017_21_SPLIT_RULE));
    expect(pot).toMatchObject({ candidatesPence: 6 * THOUSAND_POUNDS, overPotByPence: 0 });
    expect(pot!.candidates.map((row) => row.projectId)).toEqual([1]);
  });

  it("cannot size the pot of a year whose allocation is not set", () => {
    const years = assessYears(
      [PERIOD_1[0]!, { ...PERIOD_1[1]!, allocationPence: null }],
      BARKING_CANDIDATES,
      LCPF_2017_21_SPLIT_RULE,
    );
    expect(candidatesAgainstPot(BARKING_CANDIDATES, years)[0]).toMatchObject({
      candidatesPence: 329_000 * POUND,
      potPence: null,
      overPotByPence: null,
    });
  });
});

describe("priorityTotals", () => {
  it("totals Barking and Dagenham's candidates per primary priority, per year and overall", () => {
    const rows = priorityTotals(BARKING_CANDIDATES, PRIORITIES, PERIOD_1);
    expect(
      rows.map((row) => [
        row.name,
        row.perYear.map((cell) => cell.pence / THOUSAND_POUNDS),
        row.totalPence / THOUSAND_POUNDS,
      ]),
    ).toEqual([
      ["Neighbourhood Policing", [40, 40], 80],
      ["Children and Young People", [40, 40], 80],
      ["Violence Against Women and Girls", [53, 53], 106],
      ["Hate Crime and Extremism", [6, 6], 12],
      ["Wider Criminal Justice", [190, 190], 380],
    ]);
  });

  it("gives projects without a primary priority a row of their own so the rows still add up", () => {
    const projects = [
      project(1, "Counter narrative fund", null, { 1: 700 }),
      project(2, "Stop Hate UK", 4, { 1: 300 }),
    ];
    const rows = priorityTotals(projects, PRIORITIES, PERIOD_1);
    expect(rows.at(-1)).toMatchObject({ priorityId: null, name: NO_PRIMARY_PRIORITY_NAME, totalPence: 700 });
    expect(rows.reduce((sum, row) => sum + row.totalPence, 0)).toBe(1_000);
  });

  it("refuses a project whose primary priority is not one of the priorities", () => {
    expect(() => priorityTotals([project(1, "Lost", 42, { 1: 1 })], PRIORITIES, PERIOD_1)).toThrow(RangeError);
  });

  it("the rows add up to each year's planned spend, whatever the projects", () => {
    const anyProject = fc.record({
      priority: fc.option(fc.integer({ min: 1, max: 5 })),
      first: fc.integer({ min: 0, max: 100_000_000 }),
      second: fc.integer({ min: 0, max: 100_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(anyProject, { maxLength: 20 }), (shapes) => {
        const projects = shapes.map((shape, index) =>
          project(index + 1, `Project ${index + 1}`, shape.priority, { 1: shape.first, 2: shape.second }),
        );
        const summary = summariseProposal(input({ projects }));
        return (
          summary.years.every(
            (year, yearIndex) =>
              summary.priorityTotals.reduce((sum, row) => sum + row.perYear[yearIndex]!.pence, 0) === year.plannedPence,
          ) && summary.priorityTotals.reduce((sum, row) => sum + row.totalPence, 0) === summary.totalPlannedPence
        );
      }),
    );
  });
});

describe("uncoveredMandatoryMeasures", () => {
  it("lists the mandatory measures no project contributes to, and never the local ones", () => {
    const projects = [
      project(1, "Diversionary Activity", 2, { 1: 1 }, { measureIds: [1] }),
      project(2, "VAWG Counselling", 3, { 1: 1 }, { measureIds: [2, 1] }),
    ];
    expect(uncoveredMandatoryMeasures(projects, MEASURES).map((measure) => measure.name)).toEqual([
      "More victims of hate crime come forward",
    ]);
  });

  it("lists every mandatory measure when there are no projects", () => {
    expect(uncoveredMandatoryMeasures([], MEASURES).map((measure) => measure.id)).toEqual([1, 2, 3]);
  });
});

describe("proposalIssues", () => {
  function issuesFor(projects: ProposalProject[], years: ProposalYear[] = PERIOD_1) {
    return proposalIssues(projects, assessYears(years, projects, LCPF_2017_21_SPLIT_RULE), [
      { id: 1, name: "period 1 (2017/18 and 2018/19)" },
    ]);
  }

  it("blocks a proposal with no projects", () => {
    expect(issuesFor([]).blockers).toContainEqual({ code: "no-projects", message: "Add at least one project" });
  });

  it("blocks a project without a primary priority, naming it", () => {
    const { blockers } = issuesFor([project(7, "Local Environment fund", null, { 1: 1_000 })]);
    expect(blockers).toEqual([
      {
        code: "project-without-primary-priority",
        message: "Choose a primary priority for Local Environment fund",
        projectId: 7,
      },
    ]);
  });

  it("blocks a project with no LCPF spend in any year, naming it", () => {
    const { blockers } = issuesFor([project(8, "Youth Risk Matrix", 2, { 1: 0 })]);
    expect(blockers).toEqual([
      {
        code: "project-without-lcpf-spend",
        message: "Enter the LCPF spend of Youth Risk Matrix for at least one year",
        projectId: 8,
      },
    ]);
  });

  it("the issue's case: £1 over 2017/18's funding blocks with '2017/18 is over its direct funding by £1.00'", () => {
    const { blockers } = issuesFor([project(1, "Drug Intervention Project", 5, { 1: 644 * THOUSAND_POUNDS + POUND })]);
    expect(blockers).toEqual([
      { code: "year-over-direct-funding", message: "2017/18 is over its direct funding by £1.00", financialYearId: 1 },
    ]);
  });

  it("the issue's case: moving that £1 into 2018/19 clears the blocker", () => {
    const { blockers } = issuesFor([
      project(1, "Drug Intervention Project", 5, { 1: 644 * THOUSAND_POUNDS, 2: POUND }),
    ]);
    expect(blockers).toEqual([]);
  });

  it("blocks a year of the period whose allocation is not set", () => {
    const years = [PERIOD_1[0]!, { ...PERIOD_1[1]!, allocationPence: null }];
    const { blockers, warnings } = issuesFor([project(1, "IOM Coordinator", 5, { 1: 32 * THOUSAND_POUNDS })], years);
    expect(blockers).toEqual([
      {
        code: "year-allocation-not-set",
        message: "MOPAC has not set the allocation for 2018/19 yet",
        financialYearId: 2,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("warns, without blocking, about direct funding of the period left unplanned", () => {
    // 2017/18 £644,000 + 2018/19 £450,800 direct = £1,094,800; plan £1,084,800 in all.
    const { blockers, warnings } = issuesFor([
      project(1, "Drug Intervention Project", 5, { 1: 644 * THOUSAND_POUNDS, 2: 440_800 * POUND }),
    ]);
    expect(blockers).toEqual([]);
    expect(warnings).toEqual([
      {
        code: "direct-funding-unplanned",
        message: "£10,000.00 of direct funding for period 1 (2017/18 and 2018/19) is not planned",
        periodId: 1,
      },
    ]);
  });

  it("names a period by its years when no name is given", () => {
    const projects = [project(1, "IOM Coordinator", 5, { 1: 32 * THOUSAND_POUNDS })];
    const { warnings } = proposalIssues(projects, assessYears(PERIOD_1, projects, LCPF_2017_21_SPLIT_RULE));
    expect(warnings[0]?.message).toBe("£1,062,800.00 of direct funding for 2017/18 to 2018/19 is not planned");
  });

  it("gives no warning when the period's direct funding is planned exactly", () => {
    const { blockers, warnings } = issuesFor([
      project(1, "Drug Intervention Project", 5, { 1: 644 * THOUSAND_POUNDS, 2: 450_800 * POUND }),
    ]);
    expect(blockers).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe("summariseProposal", () => {
  it("Barking and Dagenham's candidates alone: ready to send, with the pot exceeded, hate-crime coverage and money left unplanned shown", () => {
    const withMeasures = BARKING_CANDIDATES.map((candidate) =>
      candidate.title === "Stop Hate UK" ? { ...candidate, measureIds: [3] } : { ...candidate, measureIds: [1, 2] },
    );
    const summary = summariseProposal(input({ projects: withMeasures }));
    expect(summary.blockers).toEqual([]);
    expect(summary.totalPlannedPence).toBe(658 * THOUSAND_POUNDS);
    expect(summary.coCommissioning[0]?.overPotByPence).toBe(135_800 * POUND);
    expect(summary.uncoveredMandatoryMeasures).toEqual([]);
    expect(summary.warnings.map((warning) => warning.message)).toEqual([
      "£436,800.00 of direct funding for period 1 (2017/18 and 2018/19) is not planned",
    ]);
  });

  it("blocks an empty proposal", () => {
    const summary = summariseProposal(input({ projects: [] }));
    expect(summary.blockers.map((blocker) => blocker.code)).toEqual(["no-projects"]);
    expect(summary.uncoveredMandatoryMeasures.map((measure) => measure.id)).toEqual([1, 2, 3]);
  });

  it("lists blockers projects first, then years, each naming what to fix", () => {
    const summary = summariseProposal(
      input({
        projects: [
          project(1, "Counter narrative fund", null, { 1: 700 * THOUSAND_POUNDS }),
          project(2, "Hate and Hostility referral centres", 4, {}),
        ],
      }),
    );
    expect(summary.blockers.map((blocker) => blocker.message)).toEqual([
      "Choose a primary priority for Counter narrative fund",
      "Enter the LCPF spend of Hate and Hostility referral centres for at least one year",
      "2017/18 is over its direct funding by £56,000.00",
    ]);
  });
});

const ANSWERED: RequiredAnswers = {
  aims: "Fewer repeat victims of domestic abuse.",
  outcomes: "80% of referred victims supported within 5 working days by March 2018.",
  milestones: {
    procurementCompletedOn: "2017-03-31",
    startOn: "2017-04-01",
    completionOn: "2019-03-31",
    evaluationCompletedOn: "2019-06-30",
  },
};

function sendable(overrides: Partial<SendingCheck> = {}): SendingCheck {
  return {
    issues: [],
    projects: [{ id: 7, title: "VAWG Counselling", answers: ANSWERED }],
    complianceComplete: true,
    endorserCount: 1,
    ...overrides,
  };
}

describe("sendingBlockers: what stops a proposal going to its CSP", () => {
  it("nothing, when the figures fit, every project is answered, compliance is complete and the CSP has an endorser", () => {
    expect(sendingBlockers(sendable())).toEqual([]);
  });

  it("unanswered compliance blocks, and links to the compliance questions", () => {
    expect(sendingBlockers(sendable({ complianceComplete: false }))).toEqual([
      {
        code: "compliance-unanswered",
        message: "Answer the compliance questions and give every confirmation",
        fix: { to: "compliance" },
      },
    ]);
  });

  it("a CSP with nobody who may endorse blocks, says why, and has nothing for the officer to fix", () => {
    const [blocker, ...rest] = sendingBlockers(sendable({ endorserCount: 0 }));
    expect(rest).toEqual([]);
    expect(blocker).toEqual({ code: "csp-without-endorser", message: NO_ENDORSER_MESSAGE, fix: { to: "mopac" } });
    expect(blocker?.message).toMatch(/no member who may endorse/);
  });

  it("a project without aims or SMART outcomes blocks, pointing at its description section", () => {
    const check = (answers: RequiredAnswers) =>
      sendingBlockers(sendable({ projects: [{ id: 7, title: "VAWG Counselling", answers }] }));
    const description = { to: "project-section", projectId: 7, section: "description" };
    expect(check({ ...ANSWERED, aims: "  " })).toEqual([
      { code: "project-without-aims", message: "Enter the overarching aims of VAWG Counselling", fix: description },
    ]);
    expect(check({ ...ANSWERED, outcomes: null })).toEqual([
      {
        code: "project-without-outcomes",
        message: "Enter the SMART performance outcomes of VAWG Counselling",
        fix: description,
      },
    ]);
    // Both missing: one link to the page that asks for both.
    expect(check({ ...ANSWERED, aims: null, outcomes: "" })).toEqual([
      {
        code: "project-without-aims",
        message: "Enter the overarching aims and the SMART performance outcomes of VAWG Counselling",
        fix: description,
      },
    ]);
  });

  it("each of the four required milestones blocks when missing, named, pointing at the milestones section", () => {
    for (const field of ["procurementCompletedOn", "startOn", "completionOn", "evaluationCompletedOn"] as const) {
      const answers = { ...ANSWERED, milestones: { ...ANSWERED.milestones, [field]: null } };
      const blockers = sendingBlockers(sendable({ projects: [{ id: 9, title: "Stop Hate UK", answers }] }));
      expect(blockers).toHaveLength(1);
      expect(blockers[0]).toMatchObject({
        code: "project-without-milestones",
        fix: { to: "project-section", projectId: 9, section: "milestones" },
      });
    }
    const none = {
      ...ANSWERED,
      milestones: { procurementCompletedOn: null, startOn: null, completionOn: null, evaluationCompletedOn: null },
    };
    expect(sendingBlockers(sendable({ projects: [{ id: 9, title: "Stop Hate UK", answers: none }] }))[0]?.message).toBe(
      "Enter the milestone dates of Stop Hate UK: procurement completed, project starts, project completed, evaluation completed",
    );
  });

  it("keeps the figures' blockers first, each with where to fix it", () => {
    const summary = summariseProposal(
      input({ projects: [project(3, "Counter narrative fund", null, { 1: 700 * THOUSAND_POUNDS })] }),
    );
    const blockers = sendingBlockers(sendable({ issues: summary.blockers, complianceComplete: false }));
    expect(blockers.map((b) => [b.code, b.fix])).toEqual([
      ["project-without-primary-priority", { to: "project-section", projectId: 3, section: "details" }],
      ["year-over-direct-funding", { to: "envelope" }],
      ["compliance-unanswered", { to: "compliance" }],
    ]);
  });

  it("no projects: add one", () => {
    const summary = summariseProposal(input({ projects: [] }));
    expect(sendingBlockers(sendable({ issues: summary.blockers, projects: [] }))).toEqual([
      { code: "no-projects", message: "Add at least one project", fix: { to: "new-project" } },
    ]);
  });
});

describe("replanProjectSpend: the funding form's live totals", () => {
  const projects = [
    project(1, "Victim Support Project Worker", 3, { 1: 600 * THOUSAND_POUNDS, 2: 400 * THOUSAND_POUNDS }),
  ];
  const years = assessYears(PERIOD_1, projects, LCPF_2017_21_SPLIT_RULE);

  it("with nothing typed, gives the overview's own figures", () => {
    const replanned = replanProjectSpend(years, projects[0]!.costs, {});
    expect(replanned.map(({ otherProjectsPence: _o, thisProject: _t, ...figures }) => figures)).toEqual(years);
  });

  it("with 2017/18 typed as the whole allocation, nothing is left to carry into 2018/19", () => {
    const replanned = replanProjectSpend(years, projects[0]!.costs, {
      1: { valid: true, pence: 644 * THOUSAND_POUNDS },
    });
    expect(replanned.map((y) => [y.carriedInPence, y.overByPence, y.remainingPence])).toEqual([
      [0, 0, 0],
      [0, 0, 50_800 * POUND],
    ]);
  });
});

describe("coCommissioningPotWording: the round's split in words", () => {
  it("LCPF 2017-21: from 2018/19, 30%", () => {
    const years = assessYears(PERIOD_1, [], LCPF_2017_21_SPLIT_RULE);
    expect(coCommissioningPotWording(years)).toBe(
      "From 2018/19 MOPAC sets aside 30% of each borough’s allocation to commission services with other boroughs",
    );
  });

  it("follows the round's settings: 25% from the first year", () => {
    const years = assessYears(PERIOD_1, [], { coCommissionedPercent: 25, splitFromYearPosition: 1 });
    expect(coCommissioningPotWording(years)).toMatch(/^From 2017\/18 MOPAC sets aside 25% /);
  });

  it("says nothing when no year of the proposal has a pot", () => {
    expect(
      coCommissioningPotWording(assessYears(PERIOD_1, [], { coCommissionedPercent: 0, splitFromYearPosition: 1 })),
    ).toBeNull();
    expect(coCommissioningPotWording(assessYears(PERIOD_1.slice(0, 1), [], LCPF_2017_21_SPLIT_RULE))).toBeNull();
  });
});
