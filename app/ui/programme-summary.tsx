import type { ProposalSummary } from "~/domain/proposal-checks";
import { formatPounds } from "~/domain/money";
import { WarningText } from "./content";
import { PriorityTotalsTable } from "./proposal-figures";
import { SummaryList } from "./summary-list";

/**
 * What is being decided or endorsed, in brief: the number of projects, the planned spend against the
 * allocation for each year, the totals by priority and any warnings. Shown before someone confirms.
 */
export function ProgrammeSummary({ summary, projectCount }: { summary: ProposalSummary; projectCount: number }) {
  return (
    <div data-testid="programme-summary">
      <SummaryList
        rows={[
          { key: "Projects", value: String(projectCount) },
          ...summary.years.map((y) => ({
            key: `Planned spend ${y.label}`,
            value: `${formatPounds(y.plannedPence)} of ${y.allocationPence === null ? "an allocation not set yet" : `${formatPounds(y.allocationPence)} allocated`}`,
          })),
          { key: "Planned spend, all years", value: formatPounds(summary.totalPlannedPence) },
        ]}
      />
      <PriorityTotalsTable summary={summary} />
      {summary.warnings.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Warnings</h3>
          {summary.warnings.map((w) => (
            <WarningText key={w.message}>{w.message}</WarningText>
          ))}
        </>
      ) : (
        <p className="govuk-body">The figures raise no warnings.</p>
      )}
    </div>
  );
}
