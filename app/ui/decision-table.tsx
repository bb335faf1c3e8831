import { DECISION_ROUTE_LABEL, type DecisionTable } from "~/domain/decision";
import { DEMO_FIGURE_LABEL } from "~/domain/demo-figures";
import { formatPounds } from "~/domain/money";
import { Table, type TableCell } from "./table";
import { Tag } from "./tag";

function DemoMark({ show }: { show: boolean }) {
  return show ? (
    <>
      {" "}
      <Tag colour="yellow">{DEMO_FIGURE_LABEL}</Tag>
    </>
  ) : null;
}

/** Borough | amount with a total row, as MOPAC's decisions print it, each amount's route marked. */
export function DecisionAllocationsTable({ table, yearLabel }: { table: DecisionTable; yearLabel: string }) {
  if (table.rows.length === 0) {
    return <p className="govuk-body">No proposal with allocations in {yearLabel} has been approved yet.</p>;
  }
  return (
    <>
      <Table
        caption={`Approved LCPF allocations, ${yearLabel}`}
        captionSize="m"
        firstCellIsHeader
        head={["Borough", { content: "Allocation", format: "numeric" }, "Decision needed"]}
        rows={[
          ...table.rows.map((row): TableCell[] => [
            row.name,
            {
              content: (
                <>
                  {row.amountPence === null ? "Not set yet" : formatPounds(row.amountPence)}
                  <DemoMark show={row.isDemoFigure} />
                </>
              ),
              format: "numeric",
            },
            {
              content:
                row.route === "dmpc" ? (
                  <strong data-testid="needs-dmpc">DMPC decision: above £499,000</strong>
                ) : row.route === "chief_executive" ? (
                  "Chief Executive"
                ) : (
                  "Not set yet"
                ),
            },
          ]),
          [
            "Total",
            {
              content: (
                <>
                  <span data-testid="decision-total">{formatPounds(table.totalPence)}</span>
                  <DemoMark show={table.totalIsDemoFigure} />
                </>
              ),
              format: "numeric",
              className: "app-table-numeric-total",
            },
            { content: <strong data-testid="decision-route">{DECISION_ROUTE_LABEL[table.route]}</strong> },
          ],
        ]}
      />
      {table.rowsNotSet > 0 ? (
        <p className="govuk-body">
          {table.rowsNotSet} approved {table.rowsNotSet === 1 ? "proposal has" : "proposals have"} no allocation set for{" "}
          {yearLabel}, so {table.rowsNotSet === 1 ? "it is" : "they are"} not in the total.
        </p>
      ) : null}
    </>
  );
}
