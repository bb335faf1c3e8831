import { describe, expect, it } from "vitest";
import {
  boroughSortValue,
  jaccard,
  londonCoCommissioning,
  londonView,
  similarService,
  sortRows,
  titleTokens,
  type LondonInput,
  type ServiceFields,
} from "~/domain/london";
import { LCPF_2017_21_SPLIT_RULE } from "~/domain/split";

/*
 * Three boroughs in period 1 of a 70/30 round, looking at its second year (the first with a pot).
 * Every expected figure below was worked out by hand from these numbers, not by running the code:
 *
 * Alpha: 2017/18 £80,000, plans £30,000, so £50,000 rolls on. 2018/19 £100,000 -> pot £30,000,
 *   direct £70,000; available £120,000, plans £60,000 -> £60,000 left. Match £1,000.
 * Beta: 2017/18 £40,000, plans £45,000 (over, nothing rolls on). 2018/19 £50,000 (a demo figure)
 *   -> pot £15,000, direct £35,000; plans £45,000 -> £10,000 over, a demo figure.
 * Gamma: no 2018/19 allocation and no proposal.
 */

const Y1 = 11;
const Y2 = 12;
const cost = (financialYearId: number, lcpfPence: number, laCashPence = 0, isDemoFigure = false) => ({
  financialYearId,
  lcpfPence,
  laCashPence,
  isDemoFigure,
});

const fixture: LondonInput = {
  years: [
    { financialYearId: Y1, label: "2017/18", position: 1, periodId: 1, allocationPence: null },
    { financialYearId: Y2, label: "2018/19", position: 2, periodId: 1, allocationPence: null },
  ],
  financialYearId: Y2,
  boroughs: [
    { id: 1, name: "Alpha" },
    { id: 2, name: "Beta" },
    { id: 3, name: "Gamma" },
  ],
  allocations: [
    { boroughId: 1, financialYearId: Y1, pence: 8_000_000, isDemoFigure: false },
    { boroughId: 1, financialYearId: Y2, pence: 10_000_000, isDemoFigure: false },
    { boroughId: 2, financialYearId: Y1, pence: 4_000_000, isDemoFigure: false },
    { boroughId: 2, financialYearId: Y2, pence: 5_000_000, isDemoFigure: true },
    { boroughId: 3, financialYearId: Y1, pence: 2_000_000, isDemoFigure: false },
  ],
  proposals: [
    {
      id: 101,
      boroughIds: [1],
      leadBoroughId: 1,
      status: "submitted",
      reviewerName: "Rita",
      lastSubmittedAt: "2017-01-10T10:00:00Z",
    },
    {
      id: 102,
      boroughIds: [2],
      leadBoroughId: 2,
      status: "approved",
      reviewerName: null,
      lastSubmittedAt: "2017-01-12T10:00:00Z",
    },
  ],
  // What londonInput's queries add up from four projects: Alpha's "Domestic Abuse Advocacy Service" (VAWG,
  // a candidate by Solace, Y1 £30,000, Y2 £20,000 with £1,000 match, measure 1) and "Youth mentoring" (CYP,
  // Y2 £40,000, measure 2); Beta's "Domestic abuse advocates" (VAWG, a candidate by Other, Y1 £45,000,
  // Y2 £15,000, measures 1 and the optional 4) and "Knife crime workshops" (CYP, a candidate by Solace, Y2 £30,000).
  plans: [
    { proposalId: 101, primaryPriorityId: 3, costs: [cost(Y1, 3_000_000), cost(Y2, 2_000_000, 100_000)] },
    { proposalId: 101, primaryPriorityId: 2, costs: [cost(Y2, 4_000_000)] },
    { proposalId: 102, primaryPriorityId: 3, costs: [cost(Y1, 4_500_000), cost(Y2, 1_500_000)] },
    { proposalId: 102, primaryPriorityId: 2, costs: [cost(Y2, 3_000_000)] },
  ],
  candidates: [
    {
      id: 1,
      proposalId: 101,
      title: "Domestic Abuse Advocacy Service",
      primaryPriorityId: 3,
      provider: "Solace",
      categories: ["domestic-abuse"],
      pence: 2_000_000,
      isDemoFigure: false,
    },
    {
      id: 3,
      proposalId: 102,
      title: "Domestic abuse advocates",
      primaryPriorityId: 3,
      provider: "Other",
      categories: ["crime-prevention"],
      pence: 1_500_000,
      isDemoFigure: false,
    },
    {
      id: 4,
      proposalId: 102,
      title: "Knife crime workshops",
      primaryPriorityId: 2,
      provider: "Solace",
      categories: [],
      pence: 3_000_000,
      isDemoFigure: false,
    },
  ],
  proposalMeasures: [
    { proposalId: 101, measureId: 1 },
    { proposalId: 101, measureId: 2 },
    { proposalId: 102, measureId: 1 },
  ],
  priorities: [
    { id: 1, name: "Neighbourhood Policing" },
    { id: 2, name: "Children and Young People" },
    { id: 3, name: "Violence Against Women and Girls" },
  ],
  measures: [
    { id: 1, name: "Domestic abuse reported", mandatory: true },
    { id: 2, name: "Fewer young victims", mandatory: true },
    { id: 3, name: "Hate crime reported", mandatory: true },
    { id: 4, name: "Anti-social behaviour", mandatory: false },
  ],
  splitRule: LCPF_2017_21_SPLIT_RULE,
  feedbackDeadline: "2017-02-23",
  today: "2017-03-01",
};

const real = (pence: number) => ({ pence, isDemoFigure: false });
const demo = (pence: number) => ({ pence, isDemoFigure: true });

describe("London borough rows", () => {
  const view = londonView(fixture);
  const row = (name: string) => view.rows.find((r) => r.borough === name)!;

  it("has a row for every borough, with or without a proposal", () => {
    expect(view.rows.map((r) => r.borough)).toEqual(["Alpha", "Beta", "Gamma"]);
  });

  it("Alpha: the split of its allocation and the envelope with what 2017/18 carried in", () => {
    expect(row("Alpha")).toMatchObject({
      allocation: real(10_000_000),
      direct: real(7_000_000),
      pot: real(3_000_000),
      planned: real(6_000_000),
      leftOrOver: real(6_000_000),
      match: real(100_000),
      status: "submitted",
      reviewer: "Rita",
      dueDate: "2017-02-23",
      overdue: true,
    });
  });

  it("Beta: everything computed from its demo allocation is a demo figure; its own planned spend is not", () => {
    expect(row("Beta")).toMatchObject({
      allocation: demo(5_000_000),
      direct: demo(3_500_000),
      pot: demo(1_500_000),
      planned: real(4_500_000),
      leftOrOver: demo(-1_000_000),
      // Decided, so no longer overdue.
      overdue: false,
    });
  });

  it("Gamma: nothing set, nothing proposed", () => {
    expect(row("Gamma")).toMatchObject({
      allocation: null,
      direct: null,
      pot: null,
      planned: null,
      leftOrOver: null,
      status: null,
      overdue: false,
    });
  });

  it("London totals carry the demo mark when any figure in them is one", () => {
    expect(view.totals).toEqual({
      allocation: demo(15_000_000),
      direct: demo(10_500_000),
      pot: demo(4_500_000),
      planned: real(10_500_000),
      left: real(6_000_000),
      over: demo(1_000_000),
      match: real(100_000),
      allocationsMissing: 1,
      proposals: 2,
      overdue: 1,
    });
  });

  it("a demo cost makes the planned spend and what is left demo figures", () => {
    const withDemoCost = {
      ...fixture,
      plans: fixture.plans.map((p) =>
        p.proposalId === 101 && p.primaryPriorityId === 2 ? { ...p, costs: [cost(Y2, 4_000_000, 0, true)] } : p,
      ),
    };
    const alpha = londonView(withDemoCost).rows.find((r) => r.borough === "Alpha")!;
    expect(alpha.planned).toEqual(demo(6_000_000));
    expect(alpha.leftOrOver).toEqual(demo(6_000_000));
    expect(alpha.allocation).toEqual(real(10_000_000));
  });

  it("a joint proposal's figures appear once, on its lead borough's row", () => {
    const joint = {
      ...fixture,
      proposals: [{ ...fixture.proposals[0]!, boroughIds: [1, 3], leadBoroughId: 1 }, fixture.proposals[1]!],
    };
    const view = londonView(joint);
    const gamma = view.rows.find((r) => r.borough === "Gamma")!;
    expect(gamma).toMatchObject({ jointWith: "Alpha", planned: null, leftOrOver: null, status: "submitted" });
    // Gamma has no 2018/19 allocation, so the joint proposal's year cannot be assessed.
    expect(view.rows.find((r) => r.borough === "Alpha")!.leftOrOver).toBeNull();
    expect(view.totals.planned).toEqual(real(10_500_000));
    expect(view.totals.proposals).toBe(2);
  });
});

describe("planned spend per priority across London", () => {
  it("adds every borough's projects under their primary priority, every priority listed", () => {
    expect(londonView(fixture).prioritySpend).toEqual([
      { priorityId: 1, name: "Neighbourhood Policing", pence: 0, isDemoFigure: false },
      { priorityId: 2, name: "Children and Young People", pence: 7_000_000, isDemoFigure: false },
      { priorityId: 3, name: "Violence Against Women and Girls", pence: 3_500_000, isDemoFigure: false },
    ]);
  });
});

describe("co-commissioning opportunities", () => {
  const { opportunities, londonPot } = londonView(fixture).coCommissioning;

  it("groups similar candidates of different boroughs under their priority, in the priorities' order", () => {
    expect(opportunities.map((o) => [o.priority, o.projects.map((p) => p.title), o.boroughCount, o.total])).toEqual([
      ["Children and Young People", ["Knife crime workshops"], 1, real(3_000_000)],
      [
        "Violence Against Women and Girls",
        ["Domestic Abuse Advocacy Service", "Domestic abuse advocates"],
        2,
        real(3_500_000),
      ],
    ]);
  });

  it("sets the groups against London's pot, a demo figure because Beta's allocation is one", () => {
    expect(londonPot).toEqual(demo(4_500_000));
  });

  it("gives the co-commissioning page, which works out no proposal's figures, the same groups and pot", () => {
    expect(londonCoCommissioning({ ...fixture, plans: [] })).toEqual({ opportunities, londonPot });
  });

  it("keeps apart candidates that are alike but under different priorities", () => {
    // Knife crime workshops (CYP) and Alpha's advocacy (VAWG) share a provider but not a priority.
    expect(opportunities).toHaveLength(2);
  });
});

describe("similar service", () => {
  const base: ServiceFields = { title: "Street pastors", provider: null, categories: [] };

  it("title words: case, punctuation, stop words and plurals do not matter", () => {
    expect([...titleTokens("The Domestic-Abuse Advocates (IDVA) service")]).toEqual([
      "domestic",
      "abuse",
      "advocate",
      "idva",
    ]);
  });

  it("Jaccard is shared words over all words", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it("same provider and same categories is the same service whatever the titles", () => {
    const a = { ...base, provider: "St Giles Trust", categories: ["gangs", "youth"] };
    const b = { ...base, title: "Gang exit", provider: " st giles trust ", categories: ["youth", "gangs"] };
    expect(similarService(a, b)).toBe(true);
    expect(similarService(a, { ...b, categories: ["youth"] })).toBe(false);
  });

  it("titles sharing half their words are similar; fewer are not", () => {
    expect(similarService({ ...base, title: "Youth mentoring" }, { ...base, title: "Youth mentoring scheme" })).toBe(
      true,
    );
    expect(similarService({ ...base, title: "Youth mentoring" }, { ...base, title: "Youth diversion" })).toBe(false);
  });
});

describe("mandatory measures coverage", () => {
  it("names the boroughs addressing each mandatory measure, and leaves empty the ones nobody does", () => {
    expect(londonView(fixture).coverage).toEqual([
      { measureId: 1, measure: "Domestic abuse reported", boroughs: ["Alpha", "Beta"] },
      { measureId: 2, measure: "Fewer young victims", boroughs: ["Alpha"] },
      { measureId: 3, measure: "Hate crime reported", boroughs: [] },
    ]);
  });
});

describe("sorting", () => {
  const rows = londonView(fixture).rows;
  const names = (column: Parameters<typeof boroughSortValue>[1], direction: "ascending" | "descending") =>
    sortRows(rows, (r) => boroughSortValue(r, column), direction).map((r) => r.borough);

  it("sorts by a figure either way, with empty cells last both ways", () => {
    expect(names("left", "ascending")).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(names("left", "descending")).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(names("allocation", "descending")).toEqual(["Alpha", "Beta", "Gamma"]);
  });

  it("sorts text by what people read, and keeps ties in their order", () => {
    expect(names("borough", "descending")).toEqual(["Gamma", "Beta", "Alpha"]);
    // Approved before Submitted; Gamma has no status.
    expect(names("status", "ascending")).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(
      sortRows(
        [
          { k: 1, n: "a" },
          { k: 1, n: "b" },
        ],
        (r) => r.k,
        "descending",
      ).map((r) => r.n),
    ).toEqual(["a", "b"]);
  });
});
