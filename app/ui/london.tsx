import type { ReactNode } from "react";
import { Form } from "react-router";
import { DEMO_FIGURE_LABEL } from "~/domain/demo-figures";
import type { Figure } from "~/domain/london";
import { formatPounds } from "~/domain/money";
import { Button } from "./button";
import { pageTitle } from "./page-title";
import { cx } from "./parts";
import { Select } from "./select";
import type { TableCell } from "./table";

/* The London view's pages share their heading, the round and year picker and the links between them. */

export type LondonSection = "boroughs" | "priorities" | "co-commissioning" | "measures";

export const LONDON_SECTIONS: readonly { section: LondonSection; path: string; text: string }[] = [
  { section: "boroughs", path: "/london", text: "Boroughs" },
  { section: "priorities", path: "/london/priorities", text: "Planned spend per priority" },
  { section: "co-commissioning", path: "/london/co-commissioning", text: "Co-commissioning opportunities" },
  { section: "measures", path: "/london/measures", text: "Mandatory measures coverage" },
];

export type LondonChoiceData = {
  rounds: { id: number; name: string }[];
  years: { financialYearId: number; label: string }[];
  chosen: { roundId: number; roundName: string; financialYearId: number; label: string } | null;
};

/** The query string that keeps the chosen round and year from page to page. */
export function londonSearch(chosen: NonNullable<LondonChoiceData["chosen"]>): string {
  return `round=${chosen.roundId}&year=${chosen.financialYearId}`;
}

/**
 * The frame of every London page: its title, the heading, the round and year picker (a plain GET
 * form) and the links to the other pages, which carry the chosen round and year.
 */
export function LondonFrame({
  section,
  choice,
  children,
}: {
  section: LondonSection;
  choice: LondonChoiceData;
  children: ReactNode;
}) {
  const { rounds, years, chosen } = choice;
  const current = LONDON_SECTIONS.find((s) => s.section === section)!;
  if (!chosen) {
    return (
      <>
        <title>{pageTitle("London")}</title>
        <h1 className="govuk-heading-l">London</h1>
        <p className="govuk-body">There is no funding round yet.</p>
      </>
    );
  }
  const heading = `London in ${chosen.label}`;
  const search = londonSearch(chosen);
  return (
    <>
      <title>{pageTitle(section === "boroughs" ? heading : `${current.text}: ${heading}`)}</title>
      <span className="govuk-caption-l">{chosen.roundName}</span>
      <h1 className="govuk-heading-l">{heading}</h1>

      <Form method="get" className="app-no-print">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              name="round"
              label="Funding round"
              labelSize="s"
              items={rounds.map((r) => ({ value: String(r.id), text: r.name }))}
              defaultValue={String(chosen.roundId)}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="year"
              label="Financial year"
              labelSize="s"
              items={years.map((y) => ({ value: String(y.financialYearId), text: y.label }))}
              defaultValue={String(chosen.financialYearId)}
            />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          Show this year
        </Button>
      </Form>

      <nav className="app-sub-navigation app-no-print" aria-label="London view" data-testid="london-pages">
        <ul className="app-sub-navigation__list">
          {LONDON_SECTIONS.map((s) => (
            <li
              key={s.section}
              className={cx("app-sub-navigation__item", s.section === section && "app-sub-navigation__item--current")}
            >
              <a
                className="govuk-link govuk-link--no-visited-state"
                href={`${s.path}?${search}`}
                aria-current={s.section === section ? "page" : undefined}
              >
                {s.text}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}

// The pages hold hundreds of figures: the cells are plain markup made by functions rather than a
// component each, which kept the page's render a good part cheaper.
export const DEMO_TAG = (
  <>
    {" "}
    <strong className="govuk-tag govuk-tag--yellow">{DEMO_FIGURE_LABEL}</strong>
  </>
);

export function money(figure: Figure | null, empty = "None"): ReactNode {
  if (!figure) return empty;
  const pounds = formatPounds(figure.pence);
  return figure.isDemoFigure ? (
    <>
      {pounds}
      {DEMO_TAG}
    </>
  ) : (
    pounds
  );
}

export function moneyCell(figure: Figure | null): TableCell {
  return { content: money(figure), format: "numeric" };
}

export function leftOrOver(figure: Figure | null): ReactNode {
  if (!figure) return "None";
  const over = figure.pence < 0;
  return (
    <>
      <span className={over ? "app-text-over" : undefined}>
        {`${formatPounds(Math.abs(figure.pence))} ${over ? "over" : "left"}`}
      </span>
      {figure.isDemoFigure ? DEMO_TAG : null}
    </>
  );
}
