import type { JointEnvelopeYear } from "~/domain/joint-envelope";
import { formatPounds } from "~/domain/money";
import { Table, type TableCell } from "~/ui";

/**
 * A joint proposal's envelope per borough: for each year, the partnership's own allocation and each
 * member's share, each split on its own, and their totals (app/domain/joint-envelope.ts).
 */
export function JointEnvelopeTables({
  partnershipName,
  years,
}: {
  partnershipName: string;
  years: readonly JointEnvelopeYear[];
}) {
  return (
    <div data-testid="joint-envelope">
      {years.map((year) => {
        const split = year.split;
        if (!split) {
          return (
            <p className="govuk-body" key={year.financialYearId}>
              {year.label}: MOPAC has not set {partnershipName}’s allocation yet.
            </p>
          );
        }
        const money = (pence: number): TableCell => ({ content: formatPounds(pence), format: "numeric" });
        return (
          <Table
            key={year.financialYearId}
            caption={`${year.label}: ${partnershipName}’s envelope by borough`}
            captionSize="s"
            firstCellIsHeader
            head={[
              "Allocation from",
              { content: "Allocation", format: "numeric" },
              { content: "Co-commissioned services", format: "numeric" },
              { content: "Direct borough funding", format: "numeric" },
            ]}
            rows={[
              ...split.parts.map((part): TableCell[] => [
                part.kind === "partnership" ? `${part.name} (its own allocation)` : `${part.name} (share moved in)`,
                money(part.amountPence),
                money(part.coCommissionedPence),
                money(part.directPence),
              ]),
              [
                { content: <strong>Total</strong> },
                { content: <strong>{formatPounds(split.allocationPence)}</strong>, format: "numeric" },
                { content: <strong>{formatPounds(split.coCommissionedPence)}</strong>, format: "numeric" },
                { content: <strong>{formatPounds(split.directPence)}</strong>, format: "numeric" },
              ],
            ]}
          />
        );
      })}
    </div>
  );
}
