import fc from "fast-check";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { formatMoneyForInput } from "~/domain/money";
import { assessYears, type ProposalProject, type ProposalYear } from "~/domain/proposal-checks";
import { LCPF_2017_21_SPLIT_RULE } from "~/domain/split";
import { fundingSection, NO_LCPF_SPEND_MESSAGE } from "~/forms/sections/funding";
import { FundingForm, fundingYearTotals } from "~/ui/sections/funding-form";
import { render } from "../ui/markup";
import { ctx, project, sectionHelpers } from "./fixtures";

const POUND = 100;
const THOUSAND_POUNDS = 1_000 * POUND;

const { parse, errorsOf } = sectionHelpers(fundingSection, ctx);

describe("funding section", () => {
  it("reads the Victim Support Project Worker's £40k a year, the council's match and the candidate flag, and saves them", () => {
    const submission = parse({
      "lcpf-1": "£40,000",
      "lcpf-2": "40,000.50",
      "laCash-1": "5000",
      laInKind: "Office space at Barking Learning Centre",
      coCommissioningCandidate: "yes",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(fundingSection.toChanges(submission.value, ctx)).toEqual({
      columns: { la_in_kind: "Office space at Barking Learning Centre", co_commissioning_candidate: 1 },
      costs: [
        { financialYearId: 1, lcpfPence: 40_000 * POUND, laCashPence: 5_000 * POUND },
        { financialYearId: 2, lcpfPence: 40_000 * POUND + 50, laCashPence: 0 },
      ],
    });
  });

  it("reads blank amounts as £0, writes a cost line for every year, and an unticked box as not a candidate", () => {
    const submission = parse({ "lcpf-2": "13,000" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(fundingSection.toChanges(submission.value, ctx)).toEqual({
      columns: { la_in_kind: null, co_commissioning_candidate: 0 },
      costs: [
        { financialYearId: 1, lcpfPence: 0, laCashPence: 0 },
        { financialYearId: 2, lcpfPence: 13_000 * POUND, laCashPence: 0 },
      ],
    });
  });

  it("puts an amount that is not money on that field only, naming the year", () => {
    const errors = errorsOf({ "lcpf-1": "forty thousand", "lcpf-2": "40,000" });
    expect(errors).toEqual({
      "lcpf-1": ["LCPF spend in 2017/18: enter an amount in pounds, like 40,000 or 40,000.50"],
    });
  });

  it("names the council's cash contribution and its year in that field's error", () => {
    const errors = errorsOf({ "lcpf-1": "40,000", "laCash-2": "4,0000" });
    expect(errors).toEqual({
      "laCash-2": [
        "Council cash contribution in 2018/19: use commas only to separate thousands, like 40,000 or 1,250,000",
      ],
    });
  });

  it.each([
    ["left blank", {}],
    ["£0 in both years", { "lcpf-1": "0", "lcpf-2": "£0.00" }],
  ])("asks for LCPF spend in at least one year, on the first year's field, when it is %s", (_, values) => {
    expect(errorsOf(values)).toEqual({ "lcpf-1": [NO_LCPF_SPEND_MESSAGE] });
  });

  it("shows the missing LCPF spend together with other errors on the page", () => {
    expect(errorsOf({ "laCash-1": "lots", laInKind: "x".repeat(301) })).toEqual({
      "lcpf-1": [NO_LCPF_SPEND_MESSAGE],
      "laCash-1": ["Council cash contribution in 2017/18: enter an amount in pounds, like 40,000 or 40,000.50"],
      laInKind: ["Council in-kind contributions must be 300 characters or fewer"],
    });
  });

  it("does not add the at-least-one-year message while an LCPF amount cannot be read", () => {
    expect(errorsOf({ "lcpf-2": "-£5" })).toEqual({ "lcpf-2": ["LCPF spend in 2018/19: amount must be £0 or more"] });
  });

  it("round-trips a saved project: defaults, post, parse and save give back what was saved", () => {
    const stored = project({
      la_in_kind: "Office space",
      co_commissioning_candidate: 1,
      costs: [
        { financialYearId: 1, lcpfPence: 40_000 * POUND, laCashPence: 2_500 * POUND + 1, isDemoFigure: false },
        { financialYearId: 2, lcpfPence: 0, laCashPence: 0, isDemoFigure: false },
      ],
    });
    const defaults = fundingSection.defaults(stored, ctx);
    expect(defaults).toEqual({
      "lcpf-1": "40000",
      "laCash-1": "2500.01",
      "lcpf-2": undefined,
      "laCash-2": undefined,
      laInKind: "Office space",
      coCommissioningCandidate: "yes",
    });
    const submission = parse(defaults);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(fundingSection.toChanges(submission.value, ctx)).toEqual({
      columns: { la_in_kind: "Office space", co_commissioning_candidate: 1 },
      costs: stored.costs.map(({ financialYearId, lcpfPence, laCashPence }) => ({
        financialYearId,
        lcpfPence,
        laCashPence,
      })),
    });
  });

  it("lists the fields in page order: LCPF spend, then the council's match", () => {
    expect(fundingSection.fieldOrder(ctx)).toEqual([
      "lcpf-1",
      "lcpf-2",
      "laCash-1",
      "laCash-2",
      "laInKind",
      "coCommissioningCandidate",
    ]);
  });
});

// Barking and Dagenham: £644,000 for 2017/18 (CSP report), all of it direct in the fund's first year;
// 2018/19 uses the same figure as a demo, so its direct funding is £450,800 after the £193,200 pot.
const PERIOD_1: ProposalYear[] = [
  { financialYearId: 1, label: "2017/18", periodId: 1, position: 1, allocationPence: 644 * THOUSAND_POUNDS },
  { financialYearId: 2, label: "2018/19", periodId: 1, position: 2, allocationPence: 644 * THOUSAND_POUNDS },
];

const bothYears = (pounds1: number, pounds2: number) => [
  { financialYearId: 1, lcpfPence: pounds1 * POUND },
  { financialYearId: 2, lcpfPence: pounds2 * POUND },
];

const projects: ProposalProject[] = [
  {
    id: 7,
    title: "Victim Support Project Worker",
    primaryPriorityId: 1,
    coCommissioningCandidate: true,
    costs: bothYears(40_000, 40_000),
    measureIds: [],
  },
  {
    id: 8,
    title: "Drug Intervention Project",
    primaryPriorityId: 1,
    coCommissioningCandidate: true,
    costs: bothYears(110_000, 110_000),
    measureIds: [],
  },
  {
    id: 9,
    title: "Everything else",
    primaryPriorityId: 1,
    coCommissioningCandidate: false,
    costs: bothYears(450_000, 400_000),
    measureIds: [],
  },
];

const overview = assessYears(PERIOD_1, projects, LCPF_2017_21_SPLIT_RULE);
const victimSupportCosts = bothYears(40_000, 40_000);

describe("live totals on the funding page", () => {
  it("with the saved figures, matches the overview: £44,000 carried into 2018/19, which is over by £55,200", () => {
    const totals = fundingYearTotals(overview, victimSupportCosts, null);
    expect(
      totals.map((y) => [
        y.directPence,
        y.carriedInPence,
        y.otherProjectsPence,
        y.thisProject,
        y.remainingPence,
        y.overByPence,
      ]),
    ).toEqual([
      [644_000 * POUND, 0, 560_000 * POUND, { valid: true, pence: 40_000 * POUND }, 44_000 * POUND, 0],
      [450_800 * POUND, 44_000 * POUND, 510_000 * POUND, { valid: true, pence: 40_000 * POUND }, 0, 55_200 * POUND],
    ]);
    expect(totals.map((y) => [y.remainingPence, y.overByPence, y.carriedInPence])).toEqual(
      overview.map((y) => [y.remainingPence, y.overByPence, y.carriedInPence]),
    );
  });

  it("follows what is typed: blank 2018/19 means £0, so 2018/19 is over by only £15,200", () => {
    const totals = fundingYearTotals(overview, victimSupportCosts, { 1: "40,000", 2: "" });
    expect(totals[1]?.thisProject).toEqual({ valid: true, pence: 0 });
    expect(totals[1]?.overByPence).toBe(15_200 * POUND);
  });

  it("never carries backwards: more in 2017/18 puts that year over and leaves nothing to carry", () => {
    const totals = fundingYearTotals(overview, victimSupportCosts, { 1: "£100,000", 2: "40000" });
    expect(totals[0]?.overByPence).toBe(16_000 * POUND);
    expect(totals[1]?.carriedInPence).toBe(0);
    expect(totals[1]?.overByPence).toBe(99_200 * POUND);
  });

  it("shows an amount that does not parse as not valid and leaves it out of the sums", () => {
    const totals = fundingYearTotals(overview, victimSupportCosts, { 1: "forty thousand", 2: "40,000" });
    expect(totals[0]?.thisProject).toEqual({ valid: false });
    expect(totals[0]?.remainingPence).toBe(84_000 * POUND);
    expect(totals[1]?.overByPence).toBe(15_200 * POUND);
  });

  it("cannot check a year whose allocation MOPAC has not set", () => {
    const unset = assessYears(
      [PERIOD_1[0]!, { ...PERIOD_1[1]!, allocationPence: null }],
      projects,
      LCPF_2017_21_SPLIT_RULE,
    );
    const totals = fundingYearTotals(unset, victimSupportCosts, null);
    expect(totals[1]).toMatchObject({ directPence: null, assessable: false });
  });

  it("for any saved figures, typing back what was saved gives the overview's figures exactly (property)", () => {
    const pence = fc.integer({ min: 0, max: 500_000 * POUND });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pence, pence), { minLength: 1, maxLength: 6 }),
        fc.tuple(fc.integer({ min: 0, max: 1_000_000 * POUND }), fc.integer({ min: 0, max: 1_000_000 * POUND })),
        (spends, [allocation1, allocation2]) => {
          const years: ProposalYear[] = [
            { ...PERIOD_1[0]!, allocationPence: allocation1 },
            { ...PERIOD_1[1]!, allocationPence: allocation2 },
          ];
          const all: ProposalProject[] = spends.map(([year1, year2], index) => ({
            id: index + 1,
            title: `Project ${index + 1}`,
            primaryPriorityId: 1,
            coCommissioningCandidate: false,
            costs: [
              { financialYearId: 1, lcpfPence: year1 },
              { financialYearId: 2, lcpfPence: year2 },
            ],
            measureIds: [],
          }));
          const figures = assessYears(years, all, LCPF_2017_21_SPLIT_RULE);
          const saved = all[0]!.costs;
          const typed = { 1: formatMoneyForInput(saved[0]!.lcpfPence), 2: formatMoneyForInput(saved[1]!.lcpfPence) };
          for (const totals of [fundingYearTotals(figures, saved, null), fundingYearTotals(figures, saved, typed)]) {
            expect(totals.map((y) => [y.remainingPence, y.overByPence, y.carriedInPence, y.assessable])).toEqual(
              figures.map((y) => [y.remainingPence, y.overByPence, y.carriedInPence, y.assessable]),
            );
          }
        },
      ),
    );
  });
});

describe("FundingForm", () => {
  const stored = project({
    costs: [
      { financialYearId: 1, lcpfPence: 40_000 * POUND, laCashPence: 0, isDemoFigure: false },
      { financialYearId: 2, lcpfPence: 40_000 * POUND, laCashPence: 0, isDemoFigure: false },
    ],
  });
  const html = render(
    createElement(FundingForm, {
      values: { ...fundingSection.defaults(stored, ctx), "lcpf-2": "forty thousand" },
      errors: { "lcpf-2": ["LCPF spend in 2018/19: enter an amount in pounds, like 40,000 or 40,000.50"] },
      ctx,
      project: stored,
      years: overview,
    }),
  );

  it("labels each year's fields with the year, keeping what was typed", () => {
    expect(html).toContain('<label class="govuk-label" for="lcpf-1">LCPF spend in 2017/18</label>');
    expect(html).toContain('<label class="govuk-label" for="laCash-2">Council cash contribution in 2018/19</label>');
    expect(html).toContain('value="forty thousand"');
    expect(html).toContain('id="lcpf-2-error"');
  });

  it("without JavaScript shows the saved figures in a polite live region and says they update after saving", () => {
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain("These are the figures as last saved. They update after you save.");
    expect(html).toContain("Over by £55,200.00");
    expect(html).toContain("£44,000.00 remaining");
    expect(html).not.toContain("Not a valid amount");
  });

  it("offers the co-commissioning flag with a hint about the 30% pot", () => {
    expect(html).toContain("This project is a candidate for the co-commissioning pot");
    expect(html).toContain("30% of each borough’s allocation");
  });
});
