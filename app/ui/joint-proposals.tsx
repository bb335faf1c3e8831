import { Form } from "react-router";
import type { BoroughPartnership } from "~/data/partnerships.server";
import { stateLabel, stateTagColour } from "~/domain/workflow";
import { Button, Table, Tag, type TableCell } from "~/ui";

/**
 * A partnership's joint proposal for each period, on a member borough's home: open it, or start it.
 * The server checks again when the button is pressed.
 */
export function JointProposals({ partnership, canStart }: { partnership: BoroughPartnership; canStart: boolean }) {
  return (
    <section data-testid={`partnership-${partnership.id}`}>
      <h2 className="govuk-heading-m">{partnership.name}’s joint proposals</h2>
      <p className="govuk-body">
        Your borough bids jointly with the other members of {partnership.name}: {partnership.memberNames.join(", ")}.
        Officers of every member borough edit the joint proposal.
      </p>
      <Table
        caption={`${partnership.name}’s joint proposal for each funding period`}
        captionSize="s"
        firstCellIsHeader
        head={["Funding period", "Joint proposal"]}
        rows={partnership.periods.map((row): TableCell[] => [
          row.periodName,
          {
            content: row.proposalId ? (
              <>
                <a className="govuk-link" href={`/proposals/${row.proposalId}`}>
                  View the joint proposal<span className="govuk-visually-hidden"> for {row.periodName}</span>
                </a>{" "}
                <Tag colour={stateTagColour(row.status!)}>{stateLabel(row.status!)}</Tag>
              </>
            ) : row.blockedBy.length > 0 ? (
              `${row.blockedBy.join(", ")} already ${row.blockedBy.length === 1 ? "has" : "have"} a proposal of its own`
            ) : !row.readiness.ready ? (
              row.readiness.reason
            ) : canStart ? (
              <Form method="post" className="govuk-!-margin-0">
                <input type="hidden" name="intent" value="start-joint" />
                <input type="hidden" name="partnershipId" value={partnership.id} />
                <input type="hidden" name="periodId" value={row.periodId} />
                <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
                  Start the joint proposal<span className="govuk-visually-hidden"> for {row.periodName}</span>
                </Button>
              </Form>
            ) : (
              "No joint proposal yet"
            ),
          },
        ])}
      />
    </section>
  );
}
