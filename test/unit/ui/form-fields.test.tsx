import { describe, expect, it } from "vitest";
import {
  characterCountMessage,
  characterLimitText,
  Checkboxes,
  DateInput,
  MoneyInput,
  Radios,
  Select,
  Textarea,
  TextInput,
} from "~/ui";
import { normalised, render } from "./markup";

const priorities = [
  { value: "neighbourhood-policing", label: "Neighbourhood Policing" },
  { value: "children-young-people", label: "Children and Young People" },
  { value: "vawg", label: "Violence Against Women and Girls" },
  { value: "hate-crime", label: "Hate Crime and Extremism" },
  { value: "criminal-justice", label: "Wider Criminal Justice" },
];

/**
 * The attributes of the element with this tag and id, names lower-cased: React writes some
 * in camel case (inputMode), which HTML treats the same.
 */
function attributesOf(html: string, tag: string, id: string): Record<string, string> {
  for (const [, attributeText] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))) {
    const attributes = Object.fromEntries(
      [...(attributeText ?? "").matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [
        (name ?? "").toLowerCase(),
        value ?? "",
      ]),
    );
    if (attributes.id === id) return attributes;
  }
  throw new Error(`no <${tag} id="${id}"> in ${html}`);
}

/** The values of the checked radios or checkboxes, in document order. */
function checkedValues(html: string): string[] {
  return [...html.matchAll(/<input\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\schecked=""/.test(tag))
    .map((tag) => tag.match(/\svalue="([^"]*)"/)?.[1] ?? "");
}

describe("TextInput", () => {
  it("without hint or error has no describedby and no error classes", () => {
    const html = render(<TextInput name="title" label="Project title" />);
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain("--error");
    expect(html).toContain('<label class="govuk-label" for="title">Project title</label>');
    expect(attributesOf(html, "input", "title").name).toBe("title");
  });

  it("with a hint is described by the hint", () => {
    const html = render(<TextInput name="title" label="Project title" hint="Unique within the proposal" />);
    expect(attributesOf(html, "input", "title")["aria-describedby"]).toBe("title-hint");
    expect(html).toContain('<div id="title-hint" class="govuk-hint">Unique within the proposal</div>');
  });

  it("with an error marks group and input, shows the first message with the hidden prefix, and is described by hint then error", () => {
    const html = render(
      <TextInput
        name="title"
        label="Project title"
        hint="Unique within the proposal"
        error={["Enter a project title", "Second message is not shown"]}
      />,
    );
    expect(html).toMatch(/^<div class="govuk-form-group govuk-form-group--error">/);
    const input = attributesOf(html, "input", "title");
    expect(input.class).toBe("govuk-input govuk-input--error");
    expect(input["aria-describedby"]).toBe("title-hint title-error");
    expect(html).toContain(
      '<p id="title-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter a project title</p>',
    );
    expect(html).not.toContain("Second message");
  });

  it("treats an empty error list or blank message as no error", () => {
    expect(render(<TextInput name="title" label="Title" error={[]} />)).not.toContain("error");
    expect(render(<TextInput name="title" label="Title" error="" />)).not.toContain("error");
  });

  it("uses a given id for label, hint and error, and keeps the name", () => {
    const html = render(<TextInput name="provider" id="project-provider" label="Provider" hint="h" error="e" />);
    expect(html).toContain('for="project-provider"');
    expect(html).toContain('id="project-provider-hint"');
    expect(html).toContain('id="project-provider-error"');
    const input = attributesOf(html, "input", "project-provider");
    expect(input.name).toBe("provider");
    expect(input["aria-describedby"]).toBe("project-provider-hint project-provider-error");
  });

  it("passes type, autocomplete, spellcheck, inputmode, width and suffix through", () => {
    const html = render(
      <TextInput
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        inputMode="email"
        width={20}
        suffix="per year"
        defaultValue="officer@lbbd.gov.uk"
      />,
    );
    expect(attributesOf(html, "input", "email")).toMatchObject({
      type: "email",
      autocomplete: "email",
      spellcheck: "false",
      inputmode: "email",
      class: "govuk-input govuk-input--width-20",
      value: "officer@lbbd.gov.uk",
    });
    expect(html).toContain('<div class="govuk-input__suffix" aria-hidden="true">per year</div>');
  });

  it("gives fluid widths GOV.UK's override classes", () => {
    expect(render(<TextInput name="n" label="N" width="two-thirds" />)).toContain("govuk-!-width-two-thirds");
  });
});

describe("MoneyInput", () => {
  it("Victim Support Project Worker £40k: £ prefix, decimal keyboard, width 10, no spellcheck, the typed text kept", () => {
    const html = render(<MoneyInput name="spend2017" label="Proposed LCPF spend in 2017/18" defaultValue="40,000" />);
    expect(html).toContain(
      '<div class="govuk-input__wrapper"><div class="govuk-input__prefix" aria-hidden="true">£</div><input',
    );
    expect(attributesOf(html, "input", "spend2017")).toMatchObject({
      class: "govuk-input govuk-input--width-10",
      type: "text",
      inputmode: "decimal",
      spellcheck: "false",
      value: "40,000",
    });
  });

  it("shows an unparseable amount back unchanged with its error", () => {
    const html = render(
      <MoneyInput name="spend2018" label="Spend 2018/19" defaultValue="forty" error="Enter an amount, like £40,000" />,
    );
    expect(attributesOf(html, "input", "spend2018")).toMatchObject({
      value: "forty",
      class: "govuk-input govuk-input--width-10 govuk-input--error",
    });
    expect(html).toContain("govuk-form-group--error");
  });
});

describe("Textarea with a character count", () => {
  it("project description (up to 3,000 characters) states its limit without JavaScript and has no maxlength", () => {
    const html = render(<Textarea name="description" label="Description" maxLength={3000} />);
    expect(html).toContain(
      '<div id="description-info" class="govuk-hint govuk-character-count__message">You can enter up to 3,000 characters</div>',
    );
    expect(html).not.toMatch(/\smaxlength=/i);
    expect(html).toContain('data-maxlength="3000"');
    expect(html).toContain('class="govuk-form-group govuk-character-count"');
    expect(attributesOf(html, "textarea", "description")).toMatchObject({
      class: "govuk-textarea govuk-js-character-count",
      "aria-describedby": "description-info",
      rows: "5",
    });
    // The live status exists only once React runs in a browser.
    expect(html).not.toContain("govuk-character-count__status");
  });

  it("overarching aims (up to 400) with hint and error: described by info, hint, error in GOV.UK's order", () => {
    const html = render(
      <Textarea
        name="aims"
        label="Overarching aims"
        hint="What the project sets out to do"
        maxLength={400}
        error="Aims must be 400 characters or fewer"
        defaultValue={"x".repeat(401)}
      />,
    );
    expect(attributesOf(html, "textarea", "aims")).toMatchObject({
      class: "govuk-textarea govuk-textarea--error govuk-js-character-count",
      "aria-describedby": "aims-info aims-hint aims-error",
    });
    expect(html).toContain(`>${"x".repeat(401)}</textarea>`);
    expect(html).toContain("You can enter up to 400 characters");
  });

  it("without a limit is a plain GOV.UK textarea", () => {
    const html = render(<Textarea name="inKind" label="In-kind contributions" rows={3} />);
    expect(html).not.toContain("character-count");
    expect(html).not.toContain("aria-describedby");
    expect(html).toContain('rows="3"');
  });

  it("controlled use renders the parent's value", () => {
    const html = render(
      <Textarea
        name="outcomes"
        label="SMART outcomes"
        maxLength={800}
        value="Reduce repeat victims"
        onChange={() => {}}
      />,
    );
    expect(html).toContain(">Reduce repeat victims</textarea>");
  });

  it("counts remaining and excess characters as GOV.UK Frontend words it", () => {
    // SMART performance outcomes: up to 800 characters.
    expect(characterCountMessage(800, 0)).toBe("You have 800 characters remaining");
    expect(characterCountMessage(800, 799)).toBe("You have 1 character remaining");
    expect(characterCountMessage(800, 800)).toBe("You have 0 characters remaining");
    expect(characterCountMessage(800, 801)).toBe("You have 1 character too many");
    expect(characterCountMessage(3000, 5100)).toBe("You have 2,100 characters too many");
    expect(characterLimitText(2000)).toBe("You can enter up to 2,000 characters");
  });
});

describe("Radios", () => {
  it("primary priority: the default value is checked, and only it", () => {
    const html = render(
      <Radios name="primaryPriority" label="Primary priority" items={priorities} defaultValue="vawg" />,
    );
    expect(checkedValues(html)).toEqual(["vawg"]);
  });

  it("numbers item ids from the field id so the error summary can link to the first option", () => {
    const html = render(
      <Radios name="primaryPriority" label="Primary priority" items={priorities} error="Select the primary priority" />,
    );
    expect(attributesOf(html, "input", "primaryPriority")).toMatchObject({
      name: "primaryPriority",
      type: "radio",
      value: "neighbourhood-policing",
    });
    expect(attributesOf(html, "input", "primaryPriority-2").value).toBe("children-young-people");
    expect(attributesOf(html, "input", "primaryPriority-5").value).toBe("criminal-justice");
    expect(checkedValues(html)).toEqual([]);
    expect(html).toContain('<fieldset class="govuk-fieldset" aria-describedby="primaryPriority-error">');
    expect(html).toContain('<legend class="govuk-fieldset__legend">Primary priority</legend>');
    expect(html).toContain("govuk-form-group--error");
  });

  it("inline, small, legend size and item hints", () => {
    const html = render(
      <Radios
        name="otherAuthorities"
        label="Does it involve working with other local authorities?"
        labelSize="m"
        inline
        small
        items={[
          { value: "yes", label: "Yes", hint: "Say which in the next question" },
          { value: "no", label: "No" },
        ]}
      />,
    );
    expect(html).toContain('class="govuk-radios govuk-radios--inline govuk-radios--small"');
    expect(html).toContain("govuk-fieldset__legend govuk-fieldset__legend--m");
    expect(html).toContain('aria-describedby="otherAuthorities-item-hint"');
    expect(html).toContain('<div id="otherAuthorities-item-hint" class="govuk-hint govuk-radios__hint">');
  });

  describe("with a conditional reveal", () => {
    const deliveryTypes = (defaultValue?: string) =>
      render(
        <Radios
          name="deliveryType"
          label="How is the project delivered?"
          items={[
            { value: "in_house", label: "An in-house post" },
            { value: "commissioned", label: "A commissioned third party" },
            {
              value: "contribution",
              label: "A contribution to a service funded from several sources",
              hint: "Give the total cost of the whole service as well",
              conditional: <MoneyInput name="serviceTotalCost" label="Total cost of the whole service" />,
            },
          ]}
          defaultValue={defaultValue}
        />,
      );

    it('"a contribution to a service which in total costs £236,905": the cost question follows its item, in a block named after it', () => {
      const html = normalised(deliveryTypes("contribution"));
      expect(html).toContain(
        normalised(
          '<div id="deliveryType-3-item-hint" class="govuk-hint govuk-radios__hint">Give the total cost of the whole service as well</div>' +
            "</div>" +
            '<div class="govuk-radios__conditional" id="conditional-deliveryType-3">' +
            '<div class="govuk-form-group"><label class="govuk-label" for="serviceTotalCost">Total cost of the whole service</label>',
        ),
      );
      expect(html.match(/govuk-radios__conditional/g)).toHaveLength(1);
    });

    it.each([
      ["nothing chosen", undefined],
      ["another answer chosen", "in_house"],
      ["its own answer chosen", "contribution"],
    ])("is visible in the server's markup with %s, so the form works without JavaScript", (_, defaultValue) => {
      const html = deliveryTypes(defaultValue);
      expect(html).toContain('<div class="govuk-radios__conditional" id="conditional-deliveryType-3">');
      expect(html).not.toContain("govuk-radios__conditional--hidden");
      // Only the browser, once it can reveal and hide, says which radio controls the block.
      expect(html).not.toContain("aria-controls");
      expect(checkedValues(html)).toEqual(defaultValue === undefined ? [] : [defaultValue]);
    });

    it("names the block after the item's id, which for the first item is the field id itself", () => {
      const html = render(
        <Radios
          name="worksWithOtherAuthorities"
          id="other-authorities"
          label="Does the project involve working with other local authorities?"
          items={[
            {
              value: "yes",
              label: "Yes",
              conditional: <Textarea name="otherAuthorities" label="Which local authorities?" rows={3} />,
            },
            { value: "no", label: "No" },
          ]}
        />,
      );
      expect(normalised(html)).toContain(
        normalised(
          '<label class="govuk-label govuk-radios__label" for="other-authorities">Yes</label></div>' +
            '<div class="govuk-radios__conditional" id="conditional-other-authorities">',
        ),
      );
      expect(html).not.toContain("conditional-other-authorities-2");
    });

    it("a group without conditional items has no reveal blocks", () => {
      const html = render(<Radios name="primaryPriority" label="Primary priority" items={priorities} />);
      expect(html).not.toContain("govuk-radios__conditional");
    });
  });

  it("as the page heading puts the h1 inside the legend", () => {
    const html = render(<Radios name="p" label="Which priority?" labelSize="l" isPageHeading items={priorities} />);
    expect(html).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Which priority?</h1></legend>',
    );
  });
});

describe("Checkboxes", () => {
  it("project categories: every box shares the name and each default value is ticked", () => {
    const categories = [
      { value: "domestic-abuse", label: "Domestic abuse" },
      { value: "victim-care", label: "Victim care" },
      { value: "youth-crime", label: "Youth crime" },
    ];
    const html = render(
      <Checkboxes
        name="categories"
        label="Project categories"
        hint="Select one to three"
        items={categories}
        defaultValue={["domestic-abuse", "youth-crime"]}
      />,
    );
    expect([...html.matchAll(/name="categories"/g)]).toHaveLength(3);
    expect(checkedValues(html)).toEqual(["domestic-abuse", "youth-crime"]);
    expect(html).toContain('<fieldset class="govuk-fieldset" aria-describedby="categories-hint">');
    expect(html).toContain('id="categories-3"');
  });

  it("with an error and small boxes", () => {
    const html = render(
      <Checkboxes
        name="confirmations"
        label="Confirmations"
        small
        error="Confirm the projects meet the LCPF minimum standards"
        items={[{ value: "minimumStandards", label: "The projects meet the LCPF minimum standards" }]}
      />,
    );
    expect(html).toContain('class="govuk-checkboxes govuk-checkboxes--small"');
    expect(html).toContain('aria-describedby="confirmations-error"');
    expect(html).toContain("govuk-form-group--error");
    expect(checkedValues(html)).toEqual([]);
  });
});

describe("Select", () => {
  it("selects the default value and describes the field by hint and error", () => {
    const html = render(
      <Select
        name="borough"
        label="Borough"
        hint="The lead borough of a joint proposal"
        error="Select a borough"
        defaultValue="E09000002"
        items={[
          { value: "", text: "Choose a borough" },
          { value: "E09000002", text: "Barking and Dagenham" },
          { value: "E09000006", text: "Bromley" },
        ]}
      />,
    );
    expect(html).toContain('<option value="E09000002" selected="">Barking and Dagenham</option>');
    expect(html).toContain('<option value="E09000006">Bromley</option>');
    expect(attributesOf(html, "select", "borough")).toMatchObject({
      class: "govuk-select govuk-select--error",
      "aria-describedby": "borough-hint borough-error",
    });
  });
});

describe("DateInput", () => {
  it("names the parts ${name}Day/Month/Year, in a group fieldset with GOV.UK's example hint", () => {
    const html = render(
      <DateInput name="startDate" label="Start" defaultValue={{ day: "1", month: "4", year: "2017" }} />,
    );
    expect(html).toContain('<fieldset class="govuk-fieldset" role="group" aria-describedby="startDate-hint">');
    expect(html).toContain('<div id="startDate-hint" class="govuk-hint">For example, 7 2 2017</div>');
    expect(html).toContain('<div class="govuk-date-input" id="startDate">');
    expect(attributesOf(html, "input", "startDateDay")).toMatchObject({
      name: "startDateDay",
      value: "1",
      type: "text",
      inputmode: "numeric",
      class: "govuk-input govuk-date-input__input govuk-input--width-2",
    });
    expect(attributesOf(html, "input", "startDateMonth")).toMatchObject({ name: "startDateMonth", value: "4" });
    expect(attributesOf(html, "input", "startDateYear")).toMatchObject({
      name: "startDateYear",
      value: "2017",
      class: "govuk-input govuk-date-input__input govuk-input--width-4",
    });
    expect(html).toContain('<label class="govuk-label govuk-date-input__label" for="startDateYear">Year</label>');
    expect(html).not.toContain("--error");
  });

  it("an error on the whole date marks every part; errorParts marks only those", () => {
    const whole = render(<DateInput name="completion" label="Completion" error="Enter the completion date" />);
    expect([...whole.matchAll(/govuk-input--error/g)]).toHaveLength(3);
    expect(whole).toContain('aria-describedby="completion-hint completion-error"');
    expect(whole).toContain("govuk-form-group govuk-form-group--error");

    const month = render(
      <DateInput name="completion" label="Completion" error="Month must be 1 to 12" errorParts={["month"]} />,
    );
    expect([...month.matchAll(/govuk-input--error/g)]).toHaveLength(1);
    expect(attributesOf(month, "input", "completionMonth").class).toContain("govuk-input--error");
  });

  it("a hint of null leaves the hint out", () => {
    const html = render(<DateInput name="d" label="Date" hint={null} />);
    expect(html).not.toContain("govuk-hint");
    expect(html).not.toContain("aria-describedby");
  });
});
