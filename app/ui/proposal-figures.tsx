import type { ProposalSummary } from "~/domain/proposal-checks";
import { DEMO_FIGURE_EXPLANATION, DEMO_FIGURE_LABEL } from "~/domain/demo-figures";
import { formatPounds } from "~/domain/money";
import { Prerendered, type PrerenderedFragment } from "./prerendered";
import { Table, type TableCell } from "./table";
import { Tag } from "./tag";

export type YearMeta = { financialYearId: number; hasDemoFigure: boolean };

/** The mark every figure made from a demo figure carries, on screen and in print. */
export function DemoMark({ show }: { show: boolean }) {
  return show ? (
    <>
      {" "}
      <Tag colour="yellow">{DEMO_FIGURE_LABEL}</Tag>
    </>
  ) : null;
}

const money = (pence: number | null, isDemo = false): TableCell => ({
  content: (
    <>
      {pence === null ? "Not set yet" : formatPounds(pence)}
      <DemoMark show={isDemo && pence !== null} />
    </>
  ),
  format: "numeric",
});

/** Said once under any table that carries the mark. */
export function DemoFigureNote({ show }: { show: boolean }) {
  return show ? <p className="govuk-body-s">{DEMO_FIGURE_EXPLANATION}</p> : null;
}

/** The split, the plan and the rollover for each year of the period. */
export function EnvelopeTable({ summary, years }: { summary: ProposalSummary; years: readonly YearMeta[] }) {
  const demo = new Set([
    ...years.filter((y) => y.hasDemoFigure).map((y) => y.financialYearId),
    ...summary.years.filter((y) => y.demo.allocation).map((y) => y.financialYearId),
  ]);
  const anyDemo = summary.years.some((y) => y.demo.allocation || y.demo.plan || y.demo.envelope);
  const row = (label: string, cell: (y: ProposalSummary["years"][number]) => TableCell): TableCell[] => [
    label,
    ...summary.years.map(cell),
  ];
  return (
    <>
      <Table
        caption="Funding and planned spend for each year"
        captionSize="m"
        firstCellIsHeader
        head={["", ...summary.years.map((y) => ({ content: y.label, format: "numeric" as const }))]}
        rows={[
          row("Allocation", (y) => ({
            content: (
              <>
                {y.allocationPence === null ? "Not set yet" : formatPounds(y.allocationPence)}
                {demo.has(y.financialYearId) ? (
                  <>
                    {" "}
                    <Tag colour="yellow">Demo figure</Tag>
                  </>
                ) : null}
              </>
            ),
            format: "numeric",
          })),
          row("Direct borough funding", (y) => money(y.directPence, y.demo.allocation)),
          row("Co-commissioned services", (y) => money(y.coCommissionedPence, y.demo.allocation)),
          row("Carried in from the year before", (y) =>
            money(y.carriedInPence, y.demo.envelope && y.carriedInPence > 0),
          ),
          row("Planned spend", (y) => money(y.plannedPence, y.demo.plan)),
          row("Carried into the next year", (y) => money(y.carriedOutPence, y.demo.envelope && y.carriedOutPence > 0)),
          row("Remaining or over", (y) => ({
            content: !y.assessable ? (
              "Cannot check until the allocation is set"
            ) : y.overByPence > 0 ? (
              <>
                <strong className="app-text-over">Over by {formatPounds(y.overByPence)}</strong>
                <DemoMark show={y.demo.envelope} />
              </>
            ) : (
              <>
                {`${formatPounds(y.remainingPence)} remaining`}
                <DemoMark show={y.demo.envelope} />
              </>
            ),
            format: "numeric",
          })),
        ]}
      />
      <DemoFigureNote show={anyDemo} />
    </>
  );
}

export function PriorityTotalsTable({ summary }: { summary: ProposalSummary }) {
  return (
    <>
      <Table
        caption="Planned spend by primary Police and Crime Plan priority"
        captionSize="m"
        firstCellIsHeader
        head={[
          "Priority",
          ...summary.years.map((y) => ({ content: y.label, format: "numeric" as const })),
          { content: "Total", format: "numeric" },
        ]}
        rows={[
          ...summary.priorityTotals.map((priority): TableCell[] => [
            priority.name,
            ...summary.years.map((y) => {
              const cell = priority.perYear.find((p) => p.financialYearId === y.financialYearId);
              return money(cell?.pence ?? 0, cell?.isDemoFigure ?? false);
            }),
            money(priority.totalPence, priority.totalIsDemoFigure),
          ]),
          [
            "All priorities",
            ...summary.years.map((y): TableCell => ({
              content: (
                <>
                  {formatPounds(y.plannedPence)}
                  <DemoMark show={y.demo.plan} />
                </>
              ),
              format: "numeric",
              className: "app-table-numeric-total",
            })),
            {
              content: (
                <>
                  {formatPounds(summary.totalPlannedPence)}
                  <DemoMark show={summary.totalPlannedIsDemoFigure} />
                </>
              ),
              format: "numeric",
              className: "app-table-numeric-total",
            },
          ],
        ]}
      />
      <p className="govuk-body-s">
        Each project counts once, under its primary priority; secondary priorities are shown on the project and in the
        exports.
      </p>
    </>
  );
}

type CandidatesYear = ProposalSummary["coCommissioning"][number];

function CandidatesComparison({ year }: { year: CandidatesYear }) {
  const comparedWith = year.illustration ? `${year.coCommissionedPercent}% of the allocation, ` : "a pot of ";
  return (
    <div className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s">
        {year.label}
        {year.illustration ? ": the CSP report’s illustration" : ""}
      </h3>
      {year.illustration ? (
        <p className="govuk-body">
          {year.label} has no co-commissioning pot. As the CSP report does, this sets the year’s candidates against{" "}
          {year.coCommissionedPercent}% of the year’s allocation, to show the scale of what could be co-commissioned.
        </p>
      ) : null}
      <p className="govuk-body" data-testid={`candidates-${year.label}${year.illustration ? "-illustration" : ""}`}>
        Co-commissioning candidates total <strong>{formatPounds(year.candidatesPence)}</strong>
        <DemoMark show={year.candidatesAreDemo} /> against {comparedWith}
        <strong>{year.potPence === null ? "an amount not set yet" : formatPounds(year.potPence)}</strong>
        <DemoMark show={year.potIsDemo} />
        {year.overPotByPence
          ? `, ${formatPounds(year.overPotByPence)} more than ${year.illustration ? "that" : "the pot"}`
          : ""}
        {year.overPotByPence && year.isDemoFigure ? <DemoMark show /> : null}.
      </p>
      {year.candidates.length > 0 ? (
        <Table
          caption={`Candidates for co-commissioning in ${year.label}`}
          captionSize="s"
          firstCellIsHeader
          head={["Project", { content: "Planned spend", format: "numeric" }]}
          rows={year.candidates.map((c): TableCell[] => [c.title, money(c.lcpfPence, c.isDemoFigure)])}
        />
      ) : null}
    </div>
  );
}

export function CoCommissioningPanel({ summary }: { summary: ProposalSummary }) {
  const anyDemo = summary.coCommissioning.some((year) => year.isDemoFigure);
  return (
    <>
      {summary.coCommissioning.length === 0 ? (
        <p className="govuk-body">No year of this period has a co-commissioning pot: all of its funding is direct.</p>
      ) : (
        summary.coCommissioning.map((year) => <CandidatesComparison key={year.financialYearId} year={year} />)
      )}
      {summary.coCommissioningIllustrations.map((year) => (
        <CandidatesComparison key={`illustration-${year.financialYearId}`} year={year} />
      ))}
      <DemoFigureNote show={anyDemo} />
    </>
  );
}

export function UncoveredMeasures({ summary }: { summary: ProposalSummary }) {
  if (summary.uncoveredMandatoryMeasures.length === 0) {
    return <p className="govuk-body">Every mandatory measure of success has at least one project.</p>;
  }
  return (
    <>
      <p className="govuk-body">No project says it contributes to these mandatory measures of success:</p>
      <ul className="govuk-list govuk-list--bullet" data-testid="uncovered-measures">
        {summary.uncoveredMandatoryMeasures.map((m) => (
          <li key={m.id}>
            {m.name} <span className="govuk-hint govuk-!-display-inline">({m.group})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A proposal's figures: the envelope, the totals by priority, the co-commissioning candidates and the
 * measures of success. Read-only, so the pages prerender it (proposal-figures.server.tsx).
 */
export function ProposalFigures({
  summary,
  years,
  headingLevel,
  envelopeId,
}: {
  summary: ProposalSummary;
  years: readonly YearMeta[];
  headingLevel: 2 | 3;
  /** An id to link to the envelope by. */
  envelopeId?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <div id={envelopeId}>
        <EnvelopeTable summary={summary} years={years} />
      </div>
      <PriorityTotalsTable summary={summary} />
      <Heading className="govuk-heading-m">Co-commissioning candidates</Heading>
      <CoCommissioningPanel summary={summary} />
      <Heading className="govuk-heading-m">Measures of success</Heading>
      <UncoveredMeasures summary={summary} />
    </>
  );
}

/** The figures section of the check and review pages, under one heading the contents list links to. */
export function ProposalFiguresSection({ figures }: { figures: PrerenderedFragment }) {
  return (
    <section id="figures" aria-labelledby="figures-heading">
      <h2 className="govuk-heading-l" id="figures-heading">
        Funding and planned spend
      </h2>
      <Prerendered fragment={figures} />
    </section>
  );
}
