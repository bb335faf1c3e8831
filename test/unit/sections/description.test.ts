import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { descriptionSection } from "~/forms/sections/description";
import { DescriptionForm } from "~/ui/sections/description-form";
import { render } from "../ui/markup";
import { ctx, project, sectionHelpers } from "./fixtures";

const { parse, errorsOf } = sectionHelpers(descriptionSection, ctx);

// From the CSP report's Barking and Dagenham programme: a Victim Support project worker.
const victimSupport = {
  description:
    "A project worker based with Victim Support: £40,000 a year for one post, supporting 300 victims a year.",
  aims: "Help victims of crime cope and recover.",
  outcomes: "300 victims a year receive support; 80% say they feel better able to cope by March 2018.",
};

describe("description section", () => {
  it("reads a complete answer that names the other local authorities, and saves it", () => {
    const submission = parse({
      ...victimSupport,
      worksWithOtherAuthorities: "yes",
      otherAuthorities: "  Havering and Redbridge  ",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      ...victimSupport,
      worksWithOtherAuthorities: true,
      otherAuthorities: "Havering and Redbridge",
    });
    expect(descriptionSection.toChanges(submission.value, ctx)).toEqual({
      columns: {
        ...victimSupport,
        works_with_other_authorities: 1,
        other_authorities: "Havering and Redbridge",
      },
    });
  });

  it("saves no local authorities when the answer is no, even if some were typed before", () => {
    const submission = parse({ ...victimSupport, worksWithOtherAuthorities: "no", otherAuthorities: "Havering" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(descriptionSection.toChanges(submission.value, ctx).columns).toMatchObject({
      works_with_other_authorities: 0,
      other_authorities: null,
    });
  });

  it("lists every missing answer, and does not ask which authorities before the yes or no", () => {
    const errors = errorsOf({});
    expect(errors).toEqual({
      description: ["Enter a description of the project"],
      aims: ["Enter the project’s overarching aims"],
      outcomes: ["Enter the project’s SMART performance outcomes"],
      worksWithOtherAuthorities: ["Choose yes if the project involves working with other local authorities"],
    });
  });

  it("asks which local authorities when the answer is yes, alongside the other errors on the page", () => {
    const errors = errorsOf({
      ...victimSupport,
      description: undefined,
      worksWithOtherAuthorities: "yes",
      otherAuthorities: "   ",
    });
    expect(errors).toEqual({
      description: ["Enter a description of the project"],
      otherAuthorities: ["Enter which local authorities the project works with"],
    });
  });

  it("refuses text over the GLA's limits, with the limit in the message", () => {
    const errors = errorsOf({
      description: "d".repeat(3001),
      aims: "a".repeat(401),
      outcomes: "o".repeat(801),
      worksWithOtherAuthorities: "yes",
      otherAuthorities: "l".repeat(301),
    });
    expect(errors).toEqual({
      description: ["Description must be 3,000 characters or fewer"],
      aims: ["Overarching aims must be 400 characters or fewer"],
      outcomes: ["SMART performance outcomes must be 800 characters or fewer"],
      otherAuthorities: ["Local authorities must be 300 characters or fewer"],
    });
  });

  it("accepts text exactly at the limits", () => {
    const submission = parse({
      description: "d".repeat(3000),
      aims: "a".repeat(400),
      outcomes: "o".repeat(800),
      worksWithOtherAuthorities: "yes",
      otherAuthorities: "l".repeat(300),
    });
    expect(submission.status).toBe("success");
  });

  it("refuses an answer other than yes or no", () => {
    const errors = errorsOf({ ...victimSupport, worksWithOtherAuthorities: "maybe" });
    expect(errors).toEqual({
      worksWithOtherAuthorities: ["Choose yes if the project involves working with other local authorities"],
    });
  });

  it.each([
    [
      "yes, with the authorities named",
      { works_with_other_authorities: 1, other_authorities: "Havering and Redbridge" },
    ],
    ["no", { works_with_other_authorities: 0, other_authorities: null }],
  ])("round-trips a saved project (%s): defaults, post, parse and save give back what was saved", (_, saved) => {
    const stored = project({ ...victimSupport, ...saved });
    const submission = parse(descriptionSection.defaults(stored, ctx));
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(descriptionSection.toChanges(submission.value, ctx)).toEqual({ columns: { ...victimSupport, ...saved } });
  });

  it("leaves an unanswered project blank rather than answering no for the officer", () => {
    expect(descriptionSection.defaults(project(), ctx)).toEqual({
      description: undefined,
      aims: undefined,
      outcomes: undefined,
      worksWithOtherAuthorities: undefined,
      otherAuthorities: undefined,
    });
  });

  it("lists the fields in page order for the error summary", () => {
    expect(descriptionSection.fieldOrder(ctx)).toEqual([
      "description",
      "aims",
      "outcomes",
      "worksWithOtherAuthorities",
      "otherAuthorities",
    ]);
  });
});

describe("DescriptionForm", () => {
  const html = render(
    createElement(DescriptionForm, {
      values: { ...victimSupport, worksWithOtherAuthorities: "no" },
      errors: { otherAuthorities: ["Enter which local authorities the project works with"] },
      ctx,
      project: project(),
      years: [],
    }),
  );

  it("gives every textarea the GLA's character limit as a character count", () => {
    expect(html).toContain('data-maxlength="3000"');
    expect(html).toContain('data-maxlength="400"');
    expect(html).toContain('data-maxlength="800"');
    expect(html).toContain('data-maxlength="300"');
    expect(html).toContain("You can enter up to 3,000 characters");
  });

  it("shows the hints the GLA's form gave", () => {
    expect(html).toContain("Include a breakdown of spend, the outputs and the activities");
    expect(html).toContain("Specific, measurable, achievable, realistic and timed");
  });

  it("asks which local authorities inside the reveal of the yes answer, shown in the server's markup", () => {
    const yesItem = html.indexOf('id="worksWithOtherAuthorities"');
    const reveal = html.indexOf('<div class="govuk-radios__conditional" id="conditional-worksWithOtherAuthorities">');
    const question = html.indexOf('for="otherAuthorities">Which local authorities?</label>');
    const noItem = html.indexOf('id="worksWithOtherAuthorities-2"');
    expect(yesItem).toBeGreaterThan(-1);
    expect(reveal).toBeGreaterThan(yesItem);
    expect(question).toBeGreaterThan(reveal);
    expect(noItem).toBeGreaterThan(question);
    expect(html).not.toContain("govuk-radios__conditional--hidden");
    expect(html).not.toContain("Only if you answered yes");
  });

  it("asks the yes or no question in a fieldset and keeps the saved answer", () => {
    expect(html).toMatch(/<legend[^>]*>Does the project involve working with other local authorities\?<\/legend>/);
    const checked = [...html.matchAll(/<input\b[^>]*\schecked=""[^>]*>/g)].map(([tag]) => tag);
    expect(checked).toHaveLength(1);
    expect(checked[0]).toContain('value="no"');
    expect(html).toContain(victimSupport.aims);
  });

  it("shows a field's error beside it", () => {
    expect(html).toContain('id="otherAuthorities-error"');
    expect(html).toContain("Enter which local authorities the project works with");
  });
});
