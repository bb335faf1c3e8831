import { formatDate } from "~/domain/dates";
import type { deadlineNotice } from "~/domain/rounds";

/** The round's proposal deadline, where borough officers plan; red once it has passed. */
export function ProposalDeadline({ notice }: { notice: ReturnType<typeof deadlineNotice> }) {
  if (!notice) return null;
  return (
    <p className="govuk-body" data-testid="proposal-deadline">
      <strong className={notice.passed ? "govuk-tag govuk-tag--red" : "govuk-!-font-weight-bold"}>
        Deadline: {formatDate(notice.deadline)}
      </strong>{" "}
      {notice.sentence}
    </p>
  );
}
