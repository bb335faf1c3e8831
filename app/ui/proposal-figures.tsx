import type { ProposalSummary } from "~/domain/proposal-checks";
import { formatPounds } from "~/domain/money";
import { Table, type TableCell } from "./table";
import { Tag } from "./tag";

type YearMeta = { financialYearId: number; hasDemoFigure: boolean };

const money = (pence: number | null): TableCell => ({ content: pence === null ? "Not set yet" : formatPounds(pence), format: "numeric" });

/** The split, the plan and the rollover for each year of the period. */
export function EnvelopeTable({ summary, years }: { summary: ProposalSummary; years: readonly YearMeta[] }) {
  const demo = new Set(years.filter((y) => y.hasDemoFigure).map((y) => y.financialYearId));
  const row = (label: string, cell: (y: ProposalSummary["years"][number]) => TableCell): TableCell[] => [label, ...summary.years.map(cell)];
  return (
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
        row("Direct borough funding", (y) => money(y.directPence)),
        row("Co-commissioned services", (y) => money(y.coCommissionedPence)),
        row("Carried in from the year before", (y) => money(y.carriedInPence)),
        row("Planned spend", (y) => money(y.plannedPence)),
        row("Carried into the next year", (y) => money(y.carriedOutPence)),
        row("Remaining or over", (y) => ({
          content: !y.assessable ? (
            "Cannot check until the allocation is set"
          ) : y.overByPence > 0 ? (
            <strong className="app-text-over">Over by {formatPounds(y.overByPence)}</strong>
          ) : (
            `${formatPounds(y.remainingPence)} remaining`
          ),
          format: "numeric",
        })),
      ]}
    />
  );
}

export function PriorityTotalsTable({ summary }: { summary: ProposalSummary }) {
  return (
    <Table
      caption="Planned spend by Police and Crime Plan priority"
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
          ...summary.years.map((y) => money(priority.perYear.find((p) => p.financialYearId === y.financialYearId)?.pence ?? 0)),
          money(priority.totalPence),
        ]),
        [
          "All priorities",
          ...summary.years.map(
            (y): TableCell => ({ content: formatPounds(y.plannedPence), format: "numeric", className: "app-table-numeric-total" }),
          ),
          { content: formatPounds(summary.totalPlannedPence), format: "numeric", className: "app-table-numeric-total" },
        ],
      ]}
    />
  );
}

export function CoCommissioningPanel({ summary }: { summary: ProposalSummary }) {
  if (summary.coCommissioning.length === 0) {
    return <p className="govuk-body">No year of this period has a co-commissioning pot: all of its funding is direct.</p>;
  }
  return (
    <>
      {summary.coCommissioning.map((year) => (
        <div key={year.financialYearId} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s">{year.label}</h3>
          <p className="govuk-body" data-testid={`candidates-${year.label}`}>
            Co-commissioning candidates total <strong>{formatPounds(year.candidatesPence)}</strong> against a pot of{" "}
            <strong>{year.potPence === null ? "an amount not set yet" : formatPounds(year.potPence)}</strong>
            {year.overPotByPence ? `, ${formatPounds(year.overPotByPence)} more than the pot` : ""}.
          </p>
          {year.candidates.length > 0 ? (
            <Table
              caption={`Candidates for co-commissioning in ${year.label}`}
              captionSize="s"
              firstCellIsHeader
              head={["Project", { content: "Planned spend", format: "numeric" }]}
              rows={year.candidates.map((c): TableCell[] => [c.title, money(c.lcpfPence)])}
            />
          ) : null}
        </div>
      ))}
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
