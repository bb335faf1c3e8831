import type { HistoryEntry } from "~/data/history.server";
import { formatDate, formatDateTime } from "~/domain/dates";
import { isState, stateLabel } from "~/domain/workflow";

const WHAT: Record<string, string> = {
  send_to_csp: "Sent to the CSP for endorsement",
  withdraw: "Withdrawn",
  endorse: "Endorsed by the CSP and submitted to MOPAC",
  return_to_officers: "Returned to the borough officers by the CSP",
  start_review: "Assigned for review",
  request_changes: "Changes requested by MOPAC",
  approve: "Approved by MOPAC",
  reject: "Rejected by MOPAC",
  comment: "Comment",
  reassign: "Reassigned",
};

const status = (value: string) => (isState(value) ? stateLabel(value) : value);

/** The proposal's history, newest first, as everyone who may see the proposal reads it. */
export function History({ entries }: { entries: readonly HistoryEntry[] }) {
  if (entries.length === 0)
    return <p className="govuk-body">Nothing has happened to this proposal yet beyond drafting.</p>;
  return (
    <ol className="govuk-list app-history" reversed data-testid="history">
      {[...entries].reverse().map((entry) => (
        <li key={entry.id} className="app-history__item">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {WHAT[entry.action] ?? entry.action}
            {entry.projectTitle ? `: ${entry.projectTitle}` : ""}
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {entry.actorName ? `${entry.actorName}, ${entry.actorOrganisation}` : "The portal"} on{" "}
            <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
            {entry.fromStatus !== entry.toStatus ? ` (${status(entry.fromStatus)} to ${status(entry.toStatus)})` : ""}
          </p>
          {entry.meetingDate ? (
            <p className="govuk-body-s govuk-!-margin-bottom-1">CSP meeting on {formatDate(entry.meetingDate)}</p>
          ) : null}
          {entry.assignedReviewerName ? (
            <p className="govuk-body-s govuk-!-margin-bottom-1">Reviewer: {entry.assignedReviewerName}</p>
          ) : null}
          {entry.comment ? (
            <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-0">{entry.comment}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** MOPAC's comments on one project, shown next to it. */
export function ProjectFeedback({
  entries,
  headingLevel = 3,
  id,
}: {
  entries: readonly HistoryEntry[];
  headingLevel?: 2 | 3 | 4 | 5;
  /** For linking to it, where it appears once on the page. */
  id?: string;
}) {
  if (entries.length === 0) return null;
  // The page says where it sits in its outline, so headings never skip a level.
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="govuk-inset-text" id={id} data-testid="project-feedback">
      <Heading className="govuk-heading-s">MOPAC’s feedback on this project</Heading>
      {entries.map((entry) => (
        <div key={entry.id} className="govuk-!-margin-bottom-3">
          <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-1">{entry.comment}</p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {entry.actorName}, {formatDateTime(entry.createdAt)}
          </p>
        </div>
      ))}
    </div>
  );
}
