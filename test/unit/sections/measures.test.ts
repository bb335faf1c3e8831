import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { FormValues, SectionContext } from "~/forms/project-section";
import { measureGroups, measuresSection } from "~/forms/sections/measures";
import { errorSummaryItems } from "~/ui/form-errors";
import { MeasuresForm } from "~/ui/sections/measures-form";
import { MEASURES } from "../../../seeds/reference-data";
import { render } from "../ui/markup";
import { project, sectionContext, sectionHelpers } from "./fixtures";

// The CSP report's measures, numbered from 101 so that an id is never mistaken for a position.
const measures = MEASURES.map((m, index) => ({
  id: 101 + index,
  name: m.name,
  group: m.group,
  mandatory: m.mandatory,
}));
const idOf = (name: string) => measures.find((m) => m.name === name)!.id;
const KNIFE_CRIME = idOf("Reduce knife crime (volume and repeat victims)");
const DOMESTIC_ABUSE = idOf("More victims of domestic abuse come forward, fewer repeat victims");
const HATE_REPORTING = idOf("Encourage more victims of hate crime to come forward and report");
const ASB = idOf("Anti-social behaviour");

const ctx = sectionContext({ measures });

const { parse, errorsOf } = sectionHelpers(measuresSection, ctx);

describe("measures section: parsing", () => {
  it("Stop Hate UK: one ticked box is a list of one measure id", () => {
    const submission = parse({ measures: String(HATE_REPORTING) });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({ measures: [HATE_REPORTING], localPriorities: [] });
    expect(measuresSection.toChanges(submission.value, ctx)).toEqual({
      measureIds: [HATE_REPORTING],
      localPriorityIds: [],
    });
  });

  it("several measures across groups are saved as ids, each once", () => {
    const submission = parse({
      measures: [String(KNIFE_CRIME), String(DOMESTIC_ABUSE), String(ASB), String(KNIFE_CRIME)],
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(measuresSection.toChanges(submission.value, ctx)).toEqual({
      measureIds: [KNIFE_CRIME, DOMESTIC_ABUSE, ASB],
      localPriorityIds: [],
    });
  });

  it("nothing ticked asks for at least one measure, on the field the page knows", () => {
    expect(errorsOf({})).toEqual({ measures: ["Choose at least one measure of success the project contributes to"] });
  });

  it.each([
    ["an unknown id", "999"],
    ["a position rather than an id", "1"],
    ["text", "knife crime"],
  ])("refuses %s, with the error on `measures` itself", (_, value) => {
    expect(errorsOf({ measures: [String(KNIFE_CRIME), value] })).toEqual({
      measures: ["Choose measures from the list"],
    });
  });
});

describe("measures section: defaults", () => {
  it("ticks the saved measures", () => {
    expect(measuresSection.defaults(project({ measureIds: [KNIFE_CRIME, ASB] }), ctx)).toEqual({
      measures: [String(KNIFE_CRIME), String(ASB)],
      localPriorities: [],
    });
  });

  it.each([
    ["one measure", [HATE_REPORTING]],
    ["measures from several groups", [KNIFE_CRIME, DOMESTIC_ABUSE, HATE_REPORTING, ASB]],
  ])("round-trips %s: defaults -> form -> parse -> changes", (_, measureIds) => {
    const submission = parse(measuresSection.defaults(project({ measureIds }), ctx));
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(measuresSection.toChanges(submission.value, ctx)).toEqual({ measureIds, localPriorityIds: [] });
  });
});

describe("measures section: page", () => {
  const page = (values: FormValues, errors: Record<string, string[]> = {}) =>
    render(createElement(MeasuresForm, { values, errors, ctx, project: null, years: [] }));

  it("groups the measures in the CSP report's order", () => {
    expect(measureGroups(measures).map((g) => [g.name, g.measures.length])).toEqual([
      ["Keeping children and young people safe", 6],
      ["Tackling violence against women and girls", 4],
      ["Standing together against extremism, hatred and intolerance", 4],
      ["Local priorities", 2],
    ]);
  });

  it("has one fieldset per group, legend the group's name, every box posting as `measures`", () => {
    const html = page({});
    expect(html.match(/<fieldset/g)).toHaveLength(4);
    expect(html).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Tackling violence against women and girls</legend>',
    );
    const names = [...html.matchAll(/<input\b[^>]*\sname="([^"]*)"/g)].map(([, name]) => name);
    expect(names).toHaveLength(measures.length);
    expect(new Set(names)).toEqual(new Set(["measures"]));
  });

  it("gives every element a distinct id, and the first box the id the error summary links to", () => {
    const html = page({}, { measures: ["Choose at least one measure of success the project contributes to"] });
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map(([, id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    const [href] = errorSummaryItems({ measures: ["x"] }, measuresSection.fieldOrder(ctx)).map((item) => item.href);
    expect(href).toBe("#measures");
    expect(html).toMatch(
      new RegExp(
        `<input[^>]*\\sid="measures"[^>]*\\svalue="${measures[0]!.id}"|<input[^>]*\\svalue="${measures[0]!.id}"[^>]*\\sid="measures"`,
      ),
    );
  });

  it("shows the error once, on the first group", () => {
    const html = page({}, { measures: ["Choose at least one measure of success the project contributes to"] });
    expect(html.match(/govuk-error-message/g)).toHaveLength(1);
    expect(html).toContain('id="measures-error"');
    expect(html.match(/govuk-form-group--error/g)).toHaveLength(1);
  });

  it("marks the mandatory London-wide groups, not the local priorities", () => {
    const html = page({});
    expect(html.match(/London-wide measures \(mandatory\)/g)).toHaveLength(3);
    const local = html.slice(html.indexOf("Local priorities"));
    expect(local).not.toContain("mandatory");
  });

  it("marks mandatory measures one by one where a group mixes them with local ones", () => {
    const mixed: SectionContext = {
      ...ctx,
      measures: [
        { id: 1, name: "Reduce knife crime", group: "Weapons", mandatory: true },
        { id: 2, name: "Local knife arches", group: "Weapons", mandatory: false },
      ],
    };
    const html = render(createElement(MeasuresForm, { values: {}, errors: {}, ctx: mixed, project: null, years: [] }));
    expect(html.match(/London-wide measure \(mandatory\)/g)).toHaveLength(1);
    expect(html).toContain('id="measures-item-hint"');
  });

  it("ticks the chosen measures, whichever group they are in", () => {
    const html = page({ measures: [String(KNIFE_CRIME), String(ASB)] });
    const checked = [...html.matchAll(/<input\b[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => tag.includes('checked=""'))
      .map((tag) => tag.match(/\svalue="([^"]*)"/)?.[1]);
    expect(checked).toEqual([String(KNIFE_CRIME), String(ASB)]);
  });
});

describe("measures section: the borough's local priorities", () => {
  // Westminster's two, and Hammersmith and Fulham's one, as a joint proposal's project sees them.
  const local = [
    { id: 31, name: "Burglary", boroughName: "Westminster" },
    { id: 32, name: "Theft from the person", boroughName: "Westminster" },
    { id: 41, name: "Robbery of personal property", boroughName: "Hammersmith and Fulham" },
  ];
  const withLocal = sectionContext({ measures, localPriorities: local });
  const helpers = sectionHelpers(measuresSection, withLocal);

  it("saves the local priorities ticked, each once, beside the measures", () => {
    const submission = helpers.parse({ measures: String(ASB), localPriorities: ["32", "41", "32"] });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(measuresSection.toChanges(submission.value, withLocal)).toEqual({
      measureIds: [ASB],
      localPriorityIds: [32, 41],
    });
  });

  it("refuses a local priority not offered (another borough's)", () => {
    expect(helpers.errorsOf({ measures: String(ASB), localPriorities: ["99"] })).toEqual({
      localPriorities: ["Choose local priorities from the list"],
    });
  });

  it("ticks the saved local priorities", () => {
    expect(measuresSection.defaults(project({ measureIds: [ASB], localPriorityIds: [41] }), withLocal)).toEqual({
      measures: [String(ASB)],
      localPriorities: ["41"],
    });
  });

  it("shows them as one more group of boxes, named with their borough, only when the borough has some", () => {
    const html = render(
      createElement(MeasuresForm, { values: {}, errors: {}, ctx: withLocal, project: null, years: [] }),
    );
    expect(html).toContain("Your borough’s local priorities");
    expect(html).toContain("Robbery of personal property (Hammersmith and Fulham)");
    const none = render(createElement(MeasuresForm, { values: {}, errors: {}, ctx, project: null, years: [] }));
    expect(none).not.toContain("local priorities agreed");
  });
});
