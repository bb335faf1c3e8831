import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { ProjectRecord } from "~/data/projects.server";
import { MAX_CONTRIBUTORS, partnersSection, tooManyMessage } from "~/forms/sections/partners";
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
    {
      id: 13,
      kind: "vcs",
      name: "Refuge",
      inKind: null,
      amounts: [{ financialYearId: 2, amountPence: 13_000 * POUND }],
    },
  ],
});

const asSaved = (p: ProjectRecord, kind: "partner" | "vcs") =>
  p.contributors.filter((c) => c.kind === kind).map(({ name, inKind, amounts }) => ({ name, inKind, amounts }));

describe("partners section", () => {
  it("reads partners and voluntary organisations item by item, and replaces both groups when saved", () => {
    const submission = parse({
      "partners[0].name": "Barking and Dagenham CCG",
      "partners[0].amount-1": "£6,500",
      "partners[0].amount-2": "6500.25",
      "partners[1].name": "Metropolitan Police",
      "partners[1].inKind": "Two officers' time for referrals",
      "vcs[0].name": "Refuge",
      "vcs[0].amount-2": "13,000",
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

  it("ignores blank items, keeps the order of the rest, and saves empty groups when nothing is given", () => {
    const submission = parse({
      "partners[0].name": "Barking and Dagenham CCG",
      "partners[1].amount-1": "0",
      "partners[2].name": "Metropolitan Police",
      "vcs[0].name": "",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.partners.map((p) => p.name)).toEqual(["Barking and Dagenham CCG", "Metropolitan Police"]);
    expect(submission.value.vcs).toEqual([]);

    const nothing = parse({});
    expect(nothing.status).toBe("success");
    if (nothing.status !== "success") return;
    expect(partnersSection.toChanges(nothing.value, ctx)).toEqual({
      contributors: [
        { kind: "partner", list: [] },
        { kind: "vcs", list: [] },
      ],
    });
  });

  it("asks for the name of an item that has amounts but no name, on that item's name field only", () => {
    expect(
      errorsOf({
        "partners[0].name": "Barking and Dagenham CCG",
        "partners[1].amount-2": "5,000",
        "vcs[0].amount-1": "1,000",
      }),
    ).toEqual({
      "partners[1].name": ["Enter the partner’s name"],
      "vcs[0].name": ["Enter the organisation’s name"],
    });
  });

  it("asks for the name of a partner whose in-kind contribution was given without one", () => {
    expect(errorsOf({ "partners[0].inKind": "Use of a community hall" })).toEqual({
      "partners[0].name": ["Enter the partner’s name"],
    });
  });

  it("puts an amount that is not money on that field, naming the item and year, alongside a missing name", () => {
    expect(
      errorsOf({ "partners[0].amount-1": "forty thousand", "vcs[2].name": "Refuge", "vcs[2].amount-2": "1.234" }),
    ).toEqual({
      "partners[0].amount-1": ["Partner 1’s amount in 2017/18: enter an amount in pounds, like 40,000 or 40,000.50"],
      "partners[0].name": ["Enter the partner’s name"],
      "vcs[2].amount-2": [
        "Organisation 3’s amount in 2018/19: enter an amount with no more than 2 decimal places (pence)",
      ],
    });
  });

  it("refuses names and in-kind descriptions over the limits", () => {
    expect(
      errorsOf({
        "partners[0].name": "n".repeat(201),
        "partners[0].inKind": "k".repeat(301),
        "vcs[1].name": "v".repeat(201),
      }),
    ).toEqual({
      "partners[0].name": ["Partner 1’s name must be 200 characters or fewer"],
      "partners[0].inKind": ["Partner 1’s in-kind contribution must be 300 characters or fewer"],
      "vcs[1].name": ["Organisation 2’s name must be 200 characters or fewer"],
    });
  });

  it("fills the form with one item per saved contributor, and one blank item for an empty group", () => {
    expect(partnersSection.defaults(savedProject, ctx)).toEqual({
      partners: [
        { name: "Barking and Dagenham CCG", "amount-1": "6500", "amount-2": "6500.25" },
        { name: "Metropolitan Police", inKind: "Two officers' time for referrals" },
      ],
      vcs: [{ name: "Refuge", "amount-2": "13000" }],
    });
    expect(partnersSection.defaults(project(), ctx)).toEqual({ partners: [{}], vcs: [{}] });
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

  it(`keeps all of ${MAX_CONTRIBUTORS} partners, in order, and refuses one more with a message on the list`, () => {
    const many = (count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, index) => [`partners[${index}].name`, `Partner organisation ${index + 1}`]),
      );
    const submission = parse(many(MAX_CONTRIBUTORS));
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.partners).toHaveLength(MAX_CONTRIBUTORS);
    expect(submission.value.partners.at(-1)?.name).toBe(`Partner organisation ${MAX_CONTRIBUTORS}`);

    expect(errorsOf(many(MAX_CONTRIBUTORS + 1))).toEqual({ partners: [tooManyMessage("partner")] });
  });
});

describe("PartnersForm", () => {
  // What comes back after a refused save: a third partner was added with an amount but no name.
  const defaults = partnersSection.defaults(savedProject, ctx);
  const values = {
    ...defaults,
    partners: [...(defaults.partners as object[]), { "amount-1": "forty thousand" }],
  } as typeof defaults;
  const html = render(
    createElement(PartnersForm, {
      values,
      errors: {
        "partners[2].name": ["Enter the partner’s name"],
        "partners[2].amount-1": ["Partner 3’s amount in 2017/18: enter an amount in pounds, like 40,000 or 40,000.50"],
      },
      ctx,
      project: savedProject,
      years: [],
    }),
  );
  const legends = [...html.matchAll(/<legend[^>]*>([^<]*)<\/legend>/g)].map(([, legend]) => legend);

  it("groups each item in a fieldset named by its number, with no blank rows of its own", () => {
    expect(legends).toEqual(["Partner 1", "Partner 2", "Partner 3", "Organisation 1"]);
  });

  it("has a Remove button per item and an Add another button per list, as plain form posts", () => {
    expect(html.match(/value="\{&quot;type&quot;:&quot;remove&quot;[^"]*"[^>]*name="__intent__"/g)).toHaveLength(4);
    expect(html.match(/value="\{&quot;type&quot;:&quot;insert&quot;[^"]*"[^>]*name="__intent__"/g)).toHaveLength(2);
    expect(html).toContain('Remove<span class="govuk-visually-hidden"> partner 3</span>');
    expect(html).toContain(">Add another partner</button>");
    expect(html).toContain(">Add another organisation</button>");
  });

  it("keeps what was typed and shows the errors on their fields", () => {
    expect(html).toContain('value="forty thousand"');
    expect(html).toContain('value="6500.25"');
    expect(html).toContain('id="partners-2-name-error"');
    expect(html).toContain('<label class="govuk-label" for="partners-2-amount-1">Amount in 2017/18</label>');
  });

  it("explains why MOPAC asks about voluntary organisations", () => {
    expect(html).toContain("to guard against double funding with its pan-London contracts");
  });
});
