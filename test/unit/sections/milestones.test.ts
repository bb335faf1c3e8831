import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { FormValues } from "~/forms/project-section";
import { COMPLETION_BEFORE_START, EVALUATION_BEFORE_START, milestonesSection } from "~/forms/sections/milestones";
import { milestoneError, MilestonesForm } from "~/ui/sections/milestones-form";
import { render } from "../ui/markup";
import { ctx, project, sectionHelpers } from "./fixtures";

const date = (name: string, day: string, month: string, year: string): FormValues => ({
  [`${name}Day`]: day,
  [`${name}Month`]: month,
  [`${name}Year`]: year,
});

/** Period 1 of LCPF 2017-21: procured in the winter after the 23 December 2016 deadline, run 1 April 2017 to 31 March 2019. */
const period1Plan: FormValues = {
  ...date("procurementCompletedOn", "1", "3", "2017"),
  ...date("startOn", "1", "4", "2017"),
  ...date("completionOn", "31", "3", "2019"),
  ...date("evaluationCompletedOn", "30", "6", "2019"),
  ...date("planningPermissionOn", "", "", ""),
};

const { parse, errorsOf } = sectionHelpers(milestonesSection, ctx);

describe("milestones section: parsing", () => {
  it("period 1 plan: four dates as ISO dates, planning permission left blank is null", () => {
    const submission = parse(period1Plan);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      procurementCompletedOn: "2017-03-01",
      startOn: "2017-04-01",
      completionOn: "2019-03-31",
      evaluationCompletedOn: "2019-06-30",
      planningPermissionOn: null,
    });
    expect(milestonesSection.toChanges(submission.value, ctx)).toEqual({
      columns: {
        procurement_completed_on: "2017-03-01",
        start_on: "2017-04-01",
        completion_on: "2019-03-31",
        evaluation_completed_on: "2019-06-30",
        planning_permission_on: null,
      },
    });
  });

  it("saves planning permission when it is given", () => {
    const submission = parse({ ...period1Plan, ...date("planningPermissionOn", "23", "2", "2017") });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(milestonesSection.toChanges(submission.value, ctx).columns?.planning_permission_on).toBe("2017-02-23");
  });

  it("an empty form asks for the four required dates, each on its day box, and not for planning permission", () => {
    expect(errorsOf({})).toEqual({
      procurementCompletedOnDay: ["Enter the date: procurement completed"],
      startOnDay: ["Enter the date: project starts"],
      completionOnDay: ["Enter the date: project completed"],
      evaluationCompletedOnDay: ["Enter the date: evaluation completed"],
    });
  });

  it("a missing month is an error on the month box only", () => {
    expect(errorsOf({ ...period1Plan, ...date("startOn", "1", "", "2017") })).toEqual({
      startOnMonth: ["Project starts must include a month"],
    });
  });

  it("an impossible date (31 February) is refused", () => {
    expect(errorsOf({ ...period1Plan, ...date("procurementCompletedOn", "31", "2", "2017") })).toEqual({
      procurementCompletedOnDay: ["Procurement completed must be a real date: February 2017 has no day 31"],
    });
  });

  it("a half-filled planning permission date is checked even though the date is optional", () => {
    expect(errorsOf({ ...period1Plan, ...date("planningPermissionOn", "23", "2", "") })).toEqual({
      planningPermissionOnYear: ["Planning permission granted must include a year"],
    });
  });

  it("the project cannot complete before it starts", () => {
    expect(errorsOf({ ...period1Plan, ...date("completionOn", "31", "3", "2017") })).toEqual({
      completionOnDay: [COMPLETION_BEFORE_START],
    });
    expect(COMPLETION_BEFORE_START).toBe("The completion date must be after the start date");
  });

  it("the evaluation cannot be completed before the project starts", () => {
    expect(errorsOf({ ...period1Plan, ...date("evaluationCompletedOn", "23", "2", "2017") })).toEqual({
      evaluationCompletedOnDay: [EVALUATION_BEFORE_START],
    });
  });

  it("a project that completes on the day it starts is not refused (only completing before starting is)", () => {
    expect(parse({ ...period1Plan, ...date("completionOn", "1", "4", "2017") }).status).toBe("success");
  });

  it("the order checks wait for a readable start date rather than guessing", () => {
    expect(
      errorsOf({ ...period1Plan, ...date("startOn", "", "", ""), ...date("completionOn", "1", "1", "2000") }),
    ).toEqual({
      startOnDay: ["Enter the date: project starts"],
    });
  });
});

describe("milestones section: defaults", () => {
  const saved = {
    procurement_completed_on: "2017-03-01",
    start_on: "2017-04-01",
    completion_on: "2019-03-31",
    evaluation_completed_on: "2019-06-30",
    planning_permission_on: "2017-02-23",
  };

  it("splits saved dates into the boxes as people type them, without leading zeros", () => {
    const defaults = milestonesSection.defaults(project(saved), ctx);
    expect(defaults).toMatchObject({ startOnDay: "1", startOnMonth: "4", startOnYear: "2017" });
    expect(defaults).toMatchObject({ completionOnDay: "31", completionOnMonth: "3", completionOnYear: "2019" });
  });

  it("leaves dates that were never given blank", () => {
    expect(milestonesSection.defaults(project(), ctx)).toEqual({});
  });

  it.each([
    ["every date", saved],
    ["no planning permission", { ...saved, planning_permission_on: null }],
  ])("round-trips %s: defaults -> form -> parse -> changes", (_, columns) => {
    const submission = parse(milestonesSection.defaults(project(columns), ctx));
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(milestonesSection.toChanges(submission.value, ctx)).toEqual({ columns });
  });

  it("lists every date box in page order for the error summary", () => {
    const order = milestonesSection.fieldOrder(ctx);
    expect(order.slice(0, 4)).toEqual([
      "procurementCompletedOnDay",
      "procurementCompletedOnMonth",
      "procurementCompletedOnYear",
      "startOnDay",
    ]);
    expect(order).toHaveLength(15);
    expect(order.at(-1)).toBe("planningPermissionOnYear");
  });
});

describe("milestones section: page", () => {
  it("highlights only the part to fix, but the whole date when it is blank or out of order", () => {
    expect(milestoneError({ startOnMonth: ["Project starts must include a month"] }, "startOn")).toEqual({
      message: "Project starts must include a month",
      errorParts: ["month"],
    });
    expect(milestoneError({ startOnDay: ["Project starts must include a day"] }, "startOn")?.errorParts).toEqual([
      "day",
    ]);
    expect(
      milestoneError({ startOnDay: ["Project starts must be a real date: June 2017 has no day 31"] }, "startOn")
        ?.errorParts,
    ).toEqual(["day"]);
    expect(
      milestoneError(
        { startOnYear: ["Project starts must include a year with 4 numbers, for example 2017"] },
        "startOn",
      )?.errorParts,
    ).toEqual(["year"]);
    expect(milestoneError({ startOnDay: ["Enter the date: project starts"] }, "startOn")?.errorParts).toEqual([
      "day",
      "month",
      "year",
    ]);
    expect(milestoneError({ completionOnDay: [COMPLETION_BEFORE_START] }, "completionOn")?.errorParts).toEqual([
      "day",
      "month",
      "year",
    ]);
    expect(milestoneError({ completionOnDay: [COMPLETION_BEFORE_START] }, "startOn")).toBeUndefined();
  });

  it("renders five dates with the example hint, planning permission marked optional, and the error on its box", () => {
    const html = render(
      createElement(MilestonesForm, {
        values: { startOnDay: "1", startOnYear: "2017" },
        errors: { startOnMonth: ["Project starts must include a month"] },
        ctx,
        project: null,
        years: [],
      }),
    );
    expect(html.match(/For example, 1 4 2017/g)).toHaveLength(5);
    expect(html).toContain("Planning permission granted (optional)");
    expect(html).not.toContain("Project starts (optional)");
    const tag = (id: string) => html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0] ?? "";
    expect(tag("startOnMonth")).toContain("govuk-input--error");
    expect(tag("startOnDay")).not.toContain("govuk-input--error");
    expect(tag("startOnDay")).toContain('value="1"');
    expect(html).toContain('id="startOn-error"');
  });
});
