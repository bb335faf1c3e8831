// Each component, given the content of one of GOV.UK Frontend 6.6.0's own examples, must render
// the same elements, attributes and classes as the example shipped in node_modules/govuk-frontend.
import { describe, expect, it } from "vitest";
import {
  BackLink,
  Button,
  ButtonLink,
  Checkboxes,
  Details,
  ErrorSummary,
  Fieldset,
  InsetText,
  NotificationBanner,
  Panel,
  Radios,
  Select,
  SummaryCard,
  SummaryList,
  Table,
  Tag,
  TaskList,
  Textarea,
  TextInput,
  WarningText,
} from "~/ui";
import { canonical, govukFixture, render } from "./markup";

function expectSameMarkup(actual: string, component: string, example: string, ignore: string[] = []) {
  expect(canonical(actual, ignore)).toEqual(canonical(govukFixture(component, example), ignore));
}

describe("markup matches GOV.UK Frontend 6.6.0 examples", () => {
  it("text input with hint and error", () => {
    const html = render(
      <TextInput
        name="with-error-hint"
        label="National insurance number"
        hint="It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’."
        error="Enter a National Insurance number in the correct format"
      />,
    );
    expectSameMarkup(html, "input", "with-error-and-hint");
  });

  it("text input with a prefix, and an id that differs from its name", () => {
    const html = render(<TextInput name="amount" id="input-with-prefix" label="Amount, in pounds" prefix="£" />);
    expectSameMarkup(html, "input", "with-prefix");
  });

  it("text input label as page heading", () => {
    const html = render(
      <TextInput
        name="test-name"
        id="input-with-page-heading"
        label="National Insurance number"
        labelSize="l"
        isPageHeading
      />,
    );
    expectSameMarkup(html, "input", "with-label-as-page-heading");
  });

  it("character count with hint and error, without JavaScript", () => {
    const html = render(
      <Textarea
        name="with-error"
        label="Can you provide more detail?"
        hint="Don't include personal or financial information, eg your National Insurance number or credit card details."
        error="Please provide more detail"
        maxLength={10}
      />,
    );
    expectSameMarkup(html, "character-count", "with-hint-and-error");
  });

  it("textarea without a limit", () => {
    const html = render(
      <Textarea
        name="address"
        id="full-address"
        label="Full address"
        defaultValue={"221B Baker Street\nLondon\nNW1 6XE\n"}
      />,
    );
    expectSameMarkup(html, "textarea", "with-default-value");
  });

  it("radios in a fieldset with an error and a value chosen", () => {
    const items = [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ];
    const html = render(
      <Radios
        name="example"
        label="Have you changed your name?"
        error="Please select an option"
        items={items}
        defaultValue="no"
      />,
    );
    expectSameMarkup(html, "radios", "with-fieldset-and-error-message");
  });

  it("inline radios with a hint", () => {
    const html = render(
      <Radios
        name="example"
        label="Have you changed your name?"
        hint="This includes changing your last name or spelling your name differently."
        inline
        items={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue="no"
      />,
    );
    expectSameMarkup(html, "radios", "inline");
  });

  it("select with hint and error", () => {
    const html = render(
      <Select
        name="select-2"
        label="Label text goes here"
        hint="Hint text goes here"
        error="Error message goes here"
        items={[1, 2, 3].map((n) => ({ value: String(n), text: `GOV.UK frontend option ${n}` }))}
      />,
    );
    expectSameMarkup(html, "select", "with-hint-text-and-error-message");
  });

  it("error summary (our root is also focusable, tabindex -1, for focusing on arrival)", () => {
    const html = render(
      <ErrorSummary
        errors={[
          { href: "#example-error-1", message: "The date your passport was issued must be in the past" },
          { href: "#example-error-2", message: "Enter a postcode, like AA1 1AA" },
        ]}
      />,
    );
    expectSameMarkup(html, "error-summary", "default", ["tabindex"]);
    expect(html).toContain('tabindex="-1"');
  });

  it("summary list with one and several actions per row", () => {
    const html = render(
      <SummaryList
        rows={[
          {
            key: "Name",
            value: "Firstname Lastname",
            actions: [
              { href: "#", text: "Edit", visuallyHiddenText: "name" },
              { href: "#", text: "Delete", visuallyHiddenText: "name" },
            ],
          },
          {
            key: "Date of birth",
            value: "13/08/1980",
            actions: [{ href: "#", text: "Change", visuallyHiddenText: "date of birth" }],
          },
          {
            key: "Contact information",
            value: (
              <>
                <p className="govuk-body">email@email.com</p>
                <p className="govuk-body">
                  Address line 1<br />
                  Address line 2<br />
                  Address line 3<br />
                  Address line 4<br />
                  Address line 5
                </p>
              </>
            ),
            actions: [
              { href: "#", text: "Edit", visuallyHiddenText: "contact information" },
              { href: "#", text: "Change", visuallyHiddenText: "contact information" },
            ],
          },
        ]}
      />,
    );
    expectSameMarkup(html, "summary-list", "with-actions");
  });

  it("summary card with card actions and row actions", () => {
    const html = render(
      <SummaryCard
        title="Undergraduate teaching assistant"
        actions={[
          { href: "#", text: "Delete job history" },
          { href: "#", text: "Withdraw job history" },
        ]}
        rows={[
          {
            key: "Name",
            value: "Firstname Lastname",
            actions: [
              { href: "#", text: "Edit", visuallyHiddenText: "name" },
              { href: "#", text: "Delete", visuallyHiddenText: "name" },
            ],
          },
          {
            key: "Date of birth",
            value: "13/08/1980",
            actions: [{ href: "#", text: "Change", visuallyHiddenText: "date of birth" }],
          },
        ]}
      />,
    );
    expectSameMarkup(html, "summary-list", "as-a-summary-card-with-actions-plus-summary-list-actions");
  });

  it("table with caption, numeric columns and row headers", () => {
    const numeric = (content: string) => ({ content, format: "numeric" as const });
    const html = render(
      <Table
        caption="Caption 1: Months and rates"
        captionSize="m"
        firstCellIsHeader
        head={["Month you apply", numeric("Rate for bicycles"), numeric("Rate for vehicles")]}
        rows={[
          ["January", numeric("£85"), numeric("£95")],
          ["February", numeric("£75"), numeric("£55")],
          ["March", numeric("£165"), numeric("£125")],
        ]}
      />,
    );
    // The portal wraps the table in a scrolling region named by the caption (reflow at 320px); the
    // table inside is GOV.UK's, apart from the caption's id.
    expect(html).toMatch(
      /^<div class="app-table-scroll" role="region" aria-labelledby="([^"]+)" tabindex="0"><table[^]*<caption id="\1"/,
    );
    const table = html.slice(html.indexOf("<table"), html.lastIndexOf("</table>") + "</table>".length);
    expectSameMarkup(table, "table", "with-head-and-caption", ["id"]);
  });

  it("task list with hints, tags and a task that cannot start yet", () => {
    const html = render(
      <TaskList
        items={[
          { title: "Company Directors", href: "#", status: "Completed" },
          { title: "Registered company details", href: "#", status: <Tag colour="teal">Not started</Tag> },
          {
            title: "Business plan",
            href: "#",
            hint: "Ensure the plan covers objectives, strategies, sales, marketing and financial forecasts.",
            status: <Tag colour="magenta">Review</Tag>,
          },
          { title: "Documentation", href: "#", status: <Tag colour="blue">In progress</Tag> },
          { title: "Charitable status", href: "#", status: <Tag colour="red">Error</Tag> },
          {
            title: "Payment",
            hint: "It will cost between £15 and £75",
            status: "Cannot start yet",
            cannotStartYet: true,
          },
        ]}
      />,
    );
    expectSameMarkup(html, "task-list", "with-hint-text-and-additional-states");
  });

  it("notification banners, important and success", () => {
    expectSameMarkup(
      render(<NotificationBanner heading="This publication was withdrawn on 7 March 2014." />),
      "notification-banner",
      "default",
    );
    expectSameMarkup(
      render(<NotificationBanner type="success" heading="Email sent to example@email.com" />),
      "notification-banner",
      "with-type-as-success",
    );
  });

  it("confirmation panel", () => {
    const html = render(
      <Panel title="Application complete">
        Your reference number
        <br />
        <strong>HDJ2123F</strong>
      </Panel>,
    );
    expectSameMarkup(html, "panel", "default");
  });

  it("buttons: secondary, disabled, and a link styled as a button", () => {
    expectSameMarkup(
      render(
        <Button variant="secondary" name="secondary">
          Secondary button
        </Button>,
      ),
      "button",
      "secondary",
    );
    expectSameMarkup(render(<Button disabled>Disabled button</Button>), "button", "disabled");
    expectSameMarkup(render(<ButtonLink href="/">Link button</ButtonLink>), "button", "link");
  });

  it("back link, tag, inset text, warning text, details and fieldset", () => {
    expectSameMarkup(render(<BackLink href="#" />), "back-link", "default");
    expectSameMarkup(render(<Tag colour="grey">Grey</Tag>), "tag", "grey");
    expectSameMarkup(
      render(
        <InsetText>
          It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.
        </InsetText>,
      ),
      "inset-text",
      "default",
    );
    expectSameMarkup(
      render(<WarningText>You can be fined up to £5,000 if you don’t register.</WarningText>),
      "warning-text",
      "default",
    );
    expectSameMarkup(
      render(
        <Details summary="Help with nationality">
          We need to know your nationality so we can work out which elections you’re entitled to vote in. If you can’t
          provide your nationality, you’ll have to send copies of identity documents through the post.
        </Details>,
      ),
      "details",
      "default",
    );
    expectSameMarkup(
      render(
        <Fieldset legend="What is your address?" legendSize="l" isPageHeading>
          {null}
        </Fieldset>,
      ),
      "fieldset",
      "as-page-heading-l",
    );
  });

  it("checkboxes with hints on items (each item given its own name here, as in the example)", () => {
    // Our checkboxes share one name; the example names each box, so compare all but names and ids.
    const html = render(
      <Checkboxes
        name="gateway"
        label="How do you want to sign in?"
        items={[
          {
            value: "gov-gateway",
            label: "Sign in with Government Gateway",
            hint: "You'll have a user ID if you've registered for Self Assessment or filed a tax return online before.",
          },
          {
            value: "gov-verify",
            label: "Sign in with GOV.UK Verify",
            hint: "You'll have an account if you've already proved your identity with either Barclays, CitizenSafe, Digidentity, Experian, Post Office, Royal Mail or SecureIdentity.",
          },
        ]}
      />,
    );
    const ignore = ["name", "id", "for", "aria-describedby"];
    expectSameMarkup(html, "checkboxes", "with-hints-on-items", ignore);
  });
});
