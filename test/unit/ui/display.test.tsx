import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import {
  BackLink,
  Button,
  ButtonLink,
  NotificationBanner,
  Panel,
  SummaryCard,
  SummaryList,
  Table,
  Tag,
  TaskList,
  type TagColour,
} from "~/ui";
import { normalised, render } from "./markup";

describe("Tag", () => {
  it("maps every colour to a GOV.UK Frontend 6 class, old names to their new equivalents", () => {
    const expected: Record<TagColour, string> = {
      grey: "govuk-tag govuk-tag--grey",
      green: "govuk-tag govuk-tag--green",
      teal: "govuk-tag govuk-tag--teal",
      turquoise: "govuk-tag govuk-tag--teal",
      blue: "govuk-tag govuk-tag--blue",
      "light-blue": "govuk-tag",
      purple: "govuk-tag govuk-tag--purple",
      magenta: "govuk-tag govuk-tag--magenta",
      pink: "govuk-tag govuk-tag--magenta",
      red: "govuk-tag govuk-tag--red",
      orange: "govuk-tag govuk-tag--orange",
      yellow: "govuk-tag govuk-tag--yellow",
    };
    for (const [colour, className] of Object.entries(expected) as [TagColour, string][]) {
      expect(render(<Tag colour={colour}>Draft</Tag>)).toBe(`<strong class="${className}">Draft</strong>`);
    }
    expect(render(<Tag>In review</Tag>)).toBe('<strong class="govuk-tag">In review</strong>');
  });
});

describe("SummaryList", () => {
  it("marks rows without actions when other rows have them, and names each action for screen readers", () => {
    const html = render(
      <SummaryList
        rows={[
          {
            key: "Title",
            value: "Victim Support Project Worker",
            actions: [{ href: "/p/1/title", text: "Change", visuallyHiddenText: "title" }],
          },
          { key: "Status", value: "Draft" },
        ]}
      />,
    );
    expect(normalised(html)).toContain(
      normalised('<a class="govuk-link" href="/p/1/title">Change<span class="govuk-visually-hidden"> title</span></a>'),
    );
    expect(html).toContain(
      '<div class="govuk-summary-list__row govuk-summary-list__row--no-actions"><dt class="govuk-summary-list__key">Status</dt>',
    );
    expect([...html.matchAll(/govuk-summary-list__actions"/g)]).toHaveLength(1);
  });

  it("without any actions has plain rows and the no-border option", () => {
    const html = render(<SummaryList noBorder rows={[{ key: "Allocation 2017/18", value: "£644,000" }]} />);
    expect(html).toBe(
      '<dl class="govuk-summary-list govuk-summary-list--no-border"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Allocation 2017/18</dt><dd class="govuk-summary-list__value">£644,000</dd></div></dl>',
    );
  });

  it("in a card, every action also names the card, and the heading level can change", () => {
    const html = render(
      <SummaryCard
        title="High Level Mentoring Support"
        headingLevel={3}
        actions={[{ href: "/p/2/delete", text: "Remove", visuallyHiddenText: "project" }]}
        rows={[
          {
            key: "Spend 2017/18",
            value: "£40,000",
            actions: [{ href: "/p/2/spend", text: "Change", visuallyHiddenText: "spend" }],
          },
        ]}
      />,
    );
    expect(html).toContain('<h3 class="govuk-summary-card__title">High Level Mentoring Support</h3>');
    expect(normalised(html)).toContain(
      normalised(
        '<div class="govuk-summary-card__actions"><a class="govuk-link" href="/p/2/delete">Remove<span class="govuk-visually-hidden"> project (High Level Mentoring Support)</span></a></div>',
      ),
    );
    expect(html).toContain('Change<span class="govuk-visually-hidden"> spend (High Level Mentoring Support)</span>');
  });
});

describe("Table", () => {
  it("co-commissioning candidates (Barking and Dagenham 2017/18): money right-aligned, project names as row headers", () => {
    const money = (content: string) => ({ content, format: "numeric" as const });
    const html = render(
      <Table
        caption="Co-commissioning candidates"
        head={["Project", money("Amount")]}
        firstCellIsHeader
        rows={[
          ["Victim Support Project Worker", money("£40,000")],
          ["Drug Intervention Project", money("£110,000")],
          [
            { content: "Total", className: "app-table-numeric-total" },
            { ...money("£329,000"), className: "app-table-numeric-total" },
          ],
        ]}
      />,
    );
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Amount</th>');
    expect(html).toContain('<th scope="row" class="govuk-table__header">Drug Intervention Project</th>');
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">£110,000</td>');
    expect(html).toContain(
      '<td class="govuk-table__cell govuk-table__cell--numeric app-table-numeric-total">£329,000</td>',
    );
    expect(html).toMatch(/<caption id="[^"]+" class="govuk-table__caption">Co-commissioning candidates<\/caption>/);
  });

  it("without firstCellIsHeader every cell is a td, and numbers are allowed as shorthand", () => {
    const html = render(<Table rows={[["Bromley", 401731, { content: "x", colSpan: 2 }]]} />);
    expect(html).not.toContain("<th");
    expect(html).not.toContain("<thead");
    expect(html).toContain('<td class="govuk-table__cell">401731</td>');
    expect(normalised(html)).toContain(normalised('<td class="govuk-table__cell" colspan="2">x</td>'));
  });
});

describe("TaskList", () => {
  it("links a startable task to its status, and keeps ids unique with a prefix", () => {
    const html = render(
      <TaskList
        idPrefix="proposal-tasks"
        items={[
          {
            title: "Projects",
            href: "/proposals/1/projects",
            hint: "18 projects",
            status: <Tag colour="blue">In progress</Tag>,
          },
          { title: "Send to the CSP", status: "Cannot start yet", cannotStartYet: true },
        ]}
      />,
    );
    expect(normalised(html)).toContain(
      normalised(
        '<a class="govuk-link govuk-task-list__link" href="/proposals/1/projects" aria-describedby="proposal-tasks-1-hint proposal-tasks-1-status">Projects</a>',
      ),
    );
    expect(html).toContain('<div id="proposal-tasks-1-hint" class="govuk-task-list__hint">18 projects</div>');
    expect(html).toContain(
      '<div class="govuk-task-list__status govuk-task-list__status--cannot-start-yet" id="proposal-tasks-2-status">Cannot start yet</div>',
    );
    expect(html).toContain(
      '<li class="govuk-task-list__item"><div class="govuk-task-list__name-and-hint"><div>Send to the CSP</div>',
    );
  });
});

describe("NotificationBanner and Panel", () => {
  it("an important banner is a region; a success banner is an alert; titles can change", () => {
    const important = render(
      <NotificationBanner title="Feedback due">MOPAC's feedback is due on 23 February 2017.</NotificationBanner>,
    );
    expect(important).toMatch(
      /^<div class="govuk-notification-banner" role="region" aria-labelledby="govuk-notification-banner-title">/,
    );
    expect(important).toContain(
      '<h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">Feedback due</h2>',
    );

    const success = render(
      <NotificationBanner type="success" titleId="sent-title" heading="Proposal sent to the CSP" />,
    );
    expect(success).toMatch(
      /^<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="sent-title">/,
    );
    expect(success).toContain('id="sent-title">Success</h2>');
    expect(success).toContain('<p class="govuk-notification-banner__heading">Proposal sent to the CSP</p>');
  });

  it("a panel without body text has no body", () => {
    expect(render(<Panel title="Proposal approved" headingLevel={2} />)).toBe(
      '<div class="govuk-panel govuk-panel--confirmation"><h2 class="govuk-panel__title">Proposal approved</h2></div>',
    );
  });
});

describe("Button", () => {
  it("warning and secondary variants, non-submit types, and an intent name/value", () => {
    expect(
      normalised(
        render(
          <Button variant="warning" name="intent" value="withdraw">
            Withdraw proposal
          </Button>,
        ),
      ),
    ).toBe(
      normalised(
        '<button type="submit" value="withdraw" name="intent" class="govuk-button govuk-button--warning">Withdraw proposal</button>',
      ),
    );
    expect(
      render(
        <Button variant="secondary" type="button">
          Add another partner
        </Button>,
      ),
    ).toBe('<button type="button" class="govuk-button govuk-button--secondary">Add another partner</button>');
  });
});

describe("links inside the app's router", () => {
  it("navigate through React Router yet render the same anchors as outside it", async () => {
    const page = (
      <>
        <BackLink href="/proposals" />
        <ButtonLink href="/proposals/new" variant="secondary">
          Start a proposal
        </ButtonLink>
      </>
    );
    const router = createMemoryRouter([{ path: "/", element: page }], { initialEntries: ["/"] });
    const inRouter = render(<RouterProvider router={router} />);
    const outside = render(page);

    // React Router's Link marks its anchors for route discovery; nothing else differs.
    expect(inRouter).toContain('data-discover="true"');
    expect(outside).not.toContain("data-discover");
    expect(normalised(inRouter, ["data-discover"])).toBe(normalised(outside));
    expect(normalised(outside)).toBe(
      normalised(
        '<a href="/proposals" class="govuk-back-link">Back</a>' +
          '<a href="/proposals/new" role="button" draggable="false" class="govuk-button govuk-button--secondary">Start a proposal</a>',
      ),
    );
  });
});
