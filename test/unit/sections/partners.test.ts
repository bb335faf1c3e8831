import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { ProjectRecord } from "~/data/projects.server";
import type { FormValues } from "~/forms/project-section";
import { MAX_CONTRIBUTOR_ROWS, partnersSection, rowsToShow } from "~/forms/sections/partners";
import { PartnersForm } from "~/ui/sections/partners-form";
import { render } from "../ui/markup";
import { ctx, project, sectionHelpers } from "./fixtures";

const POUND = 100;

const { parse, errorsOf } = sectionHelpers(partnersSection, ctx);

// Illustrative partners for the CSP report's VAWG Counselling (£13k): the figures are made up for the test.
const savedProject = project({
  title: "VAWG Counselling",
  contributors: [
    {
      id: 11,
      kind: "partner",
      name: "Barking and Dagenham CCG",
      inKind: null,
      amounts: [
        { financialYearId: 1, amountPence: 6_500 * POUND },
        { financialYearId: 2, amountPence: 6_500 * POUND + 25 },
      ],
    },
    { id: 12, kind: "partner", name: "Metropolitan Police", inKind: "Two officers' time for referrals", amounts: [] },
    { id: 13, kind: "vcs", name: "Refuge", inKind: null, amounts: [{ financialYearId: 2, amountPence: 13_000 * POUND }] },
  ],
});

const asSaved = (p: ProjectRecord, kind: "partner" | "vcs") =>
  p.contributors.filter((c) => c.kind === kind).map(({ name, inKind, amounts }) => ({ name, inKind, amounts }));

describe("partners section", () => {
  it("reads partners and voluntary organisations row by row, and replaces both groups when saved", () => {
    const submission = parse({
      partnerRows: "3",
      "partner-0-name": "Barking and Dagenham CCG",
      "partner-0-amount-1": "£6,500",
      "partner-0-amount-2": "6500.25",
      "partner-1-name": "Metropolitan Police",
      "partner-1-inKind": "Two officers' time for referrals",
      vcsRows: "1",
      "vcs-0-name": "Refuge",
      "vcs-0-amount-2": "13,000",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(partnersSection.toChanges(submission.value, ctx)).toEqual({
      contributors: [
        { kind: "partner", list: asSaved(savedProject, "partner") },
        { kind: "vcs", list: asSaved(savedProject, "vcs") },
      ],
    });
  });

  it("ignores blank rows, keeps the order of the rest, and saves empty groups when nothing is given", () => {
    const submission = parse({
      partnerRows: "3",
      "partner-0-name": "Barking and Dagenham CCG",
      "partner-1-amount-1": "0",
      "partner-2-name": "Metropolitan Police",
      vcsRows: "1",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.partners.map((p) => p.name)).toEqual(["Barking and Dagenham CCG", "Metropolitan Police"]);
    expect(submission.value.vcs).toEqual([]);

    const nothing = parse({ partnerRows: "1", vcsRows: "1" });
    expect(nothing.status).toBe("success");
    if (nothing.status !== "success") return;
    expect(partnersSection.toChanges(nothing.value, ctx)).toEqual({
      contributors: [
        { kind: "partner", list: [] },
        { kind: "vcs", list: [] },
      ],
    });
  });

  it("asks for the name of a row that has amounts but no name, on that row's name field only", () => {
    const errors = errorsOf({
      "partner-0-name": "Barking and Dagenham CCG",
      "partner-1-amount-2": "5,000",
      "vcs-0-amount-1": "1,000",
    });
    expect(errors).toEqual({
      "partner-1-name": ["Enter the partner’s name"],
      "vcs-0-name": ["Enter the organisation’s name"],
    });
  });

  it("asks for the name of a partner whose in-kind contribution was given without one", () => {
    expect(errorsOf({ "partner-0-inKind": "Use of a community hall" })).toEqual({
      "partner-0-name": ["Enter the partner’s name"],
    });
  });

  it("puts an amount that is not money on that field, naming the row and year, alongside a missing name", () => {
    const errors = errorsOf({ "partner-0-amount-1": "forty thousand", "vcs-2-name": "Refuge", "vcs-2-amount-2": "1.234" });
    expect(errors).toEqual({
      "partner-0-amount-1": ["Partner 1’s amount in 2017/18: enter an amount in pounds, like 40,000 or 40,000.50"],
      "partner-0-name": ["Enter the partner’s name"],
      "vcs-2-amount-2": ["Organisation 3’s amount in 2018/19: enter an amount with no more than 2 decimal places (pence)"],
    });
  });

  it("refuses names and in-kind descriptions over the limits", () => {
    expect(
      errorsOf({ "partner-0-name": "n".repeat(201), "partner-0-inKind": "k".repeat(301), "vcs-1-name": "v".repeat(201) }),
    ).toEqual({
      "partner-0-name": ["Partner 1’s name must be 200 characters or fewer"],
      "partner-0-inKind": ["Partner 1’s in-kind contribution must be 300 characters or fewer"],
      "vcs-1-name": ["Organisation 2’s name must be 200 characters or fewer"],
    });
  });

  it("never makes an error of the hidden row counts", () => {
    expect(parse({ partnerRows: "lots", vcsRows: "-3", "partner-0-name": "Metropolitan Police" }).status).toBe("success");
  });

  it("fills the form with each saved row and says how many rows it shows, one blank row per group included", () => {
    expect(partnersSection.defaults(savedProject, ctx)).toEqual({
      "partner-0-name": "Barking and Dagenham CCG",
      "partner-0-amount-1": "6500",
      "partner-0-amount-2": "6500.25",
      "partner-1-name": "Metropolitan Police",
      "partner-1-inKind": "Two officers' time for referrals",
      partnerRows: "3",
      "vcs-0-name": "Refuge",
      "vcs-0-amount-2": "13000",
      vcsRows: "2",
    });
  });

  it("round-trips a saved project: defaults, post, parse and save give back what was saved", () => {
    const submission = parse(partnersSection.defaults(savedProject, ctx));
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(partnersSection.toChanges(submission.value, ctx)).toEqual({
      contributors: [
        { kind: "partner", list: asSaved(savedProject, "partner") },
        { kind: "vcs", list: asSaved(savedProject, "vcs") },
      ],
    });
  });

  it("removes a saved partner whose fields are cleared", () => {
    const values = partnersSection.defaults(savedProject, ctx);
    const cleared = { ...values, "partner-0-name": "", "partner-0-amount-1": "", "partner-0-amount-2": "" };
    const submission = parse(cleared);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.partners.map((p) => p.name)).toEqual(["Metropolitan Police"]);
    expect(submission.value.vcs.map((p) => p.name)).toEqual(["Refuge"]);
  });

  it("reads as many rows as the page can show", () => {
    const last = MAX_CONTRIBUTOR_ROWS - 1;
    const submission = parse({ [`vcs-${last}-name`]: "Refuge", [`vcs-${last}-amount-1`]: "1" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.vcs).toEqual([{ name: "Refuge", inKind: null, amounts: [{ financialYearId: 1, amountPence: 100 }] }]);
  });
});

describe("rowsToShow", () => {
  it("shows the saved rows and one blank row", () => {
    const values = partnersSection.defaults(savedProject, ctx);
    expect(rowsToShow(values, "partner", ctx)).toBe(3);
    expect(rowsToShow(values, "vcs", ctx)).toBe(2);
    expect(rowsToShow(partnersSection.defaults(project(), ctx), "partner", ctx)).toBe(1);
  });

  it("after a refused save keeps every row that was shown, and adds a blank row when the blank one was filled in", () => {
    expect(rowsToShow({ partnerRows: "3", "partner-0-name": "CCG" }, "partner", ctx)).toBe(3);
    expect(rowsToShow({ partnerRows: "3", "partner-2-amount-1": "forty" }, "partner", ctx)).toBe(4);
  });

  it("never shows more rows than the schema reads", () => {
    expect(rowsToShow({ vcsRows: "500" }, "vcs", ctx)).toBe(MAX_CONTRIBUTOR_ROWS);
    expect(rowsToShow({ [`vcs-${MAX_CONTRIBUTOR_ROWS - 1}-name`]: "Refuge" }, "vcs", ctx)).toBe(MAX_CONTRIBUTOR_ROWS);
  });
});

describe("PartnersForm", () => {
  // What comes back after a refused save: the blank partner row was filled in without a name.
  const values: FormValues = {
    ...partnersSection.defaults(savedProject, ctx),
    "partner-2-amount-1": "forty thousand",
  };
  const html = render(
    createElement(PartnersForm, {
      values,
      errors: {
        "partner-2-name": ["Enter the partner’s name"],
        "partner-2-amount-1": ["Partner 3’s amount in 2017/18: enter an amount in pounds, like 40,000 or 40,000.50"],
      },
      ctx,
      project: savedProject,
      years: [],
    }),
  );
  const legends = [...html.matchAll(/<legend[^>]*>([^<]*)<\/legend>/g)].map(([, legend]) => legend);

  it("groups each row in a fieldset named by its number, with a new blank row after the typed one", () => {
    expect(legends).toEqual(["Partner 1", "Partner 2", "Partner 3", "Partner 4", "Organisation 1", "Organisation 2"]);
  });

  it("sends back how many rows it showed", () => {
    expect(html).toMatch(/<input type="hidden" name="partnerRows" value="4"\/>/);
    expect(html).toMatch(/<input type="hidden" name="vcsRows" value="2"\/>/);
  });

  it("keeps what was typed and shows the errors on their fields", () => {
    expect(html).toContain('value="forty thousand"');
    expect(html).toContain('value="6500.25"');
    expect(html).toContain('id="partner-2-name-error"');
    expect(html).toContain('<label class="govuk-label" for="partner-2-amount-1">Amount in 2017/18</label>');
  });

  it("explains why MOPAC asks about voluntary organisations", () => {
    expect(html).toContain("to guard against double funding with its pan-London contracts");
  });
});
