import { formatDate, formatDateTime } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import type { PriorityGroup } from "~/domain/programmes";
import type { ProposalSummary } from "~/domain/proposal-checks";
import { stateLabel, stateTagColour, type State } from "~/domain/workflow";
import type { ProjectData, SectionContext } from "~/forms/project-section";
import { EnvelopeTable, PriorityTotalsTable } from "./proposal-figures";
import { ProjectSummary } from "./project-summary";
import { SummaryList } from "./summary-list";
import { Table, type TableCell } from "./table";
import { Tag } from "./tag";

type Feedback = { id: number; comment: string | null; by: string | null; at: string };

type ProgrammeProject = ProjectData & {
  secondaryPriorityName: string | null;
  feedback: Feedback[];
};

/** What the programme page and its print view both show; the loader's Programme, as it arrives in the browser. */
export type ProgrammeViewData = {
  id: number;
  status: State;
  endorsement: { meetingDate: string | null; by: string | null; at: string } | null;
  decision: (Feedback & { approved: boolean }) | null;
  overallFeedback: Feedback[];
  summary: ProposalSummary;
  years: { financialYearId: number; hasDemoFigure: boolean }[];
  ctx: SectionContext;
  groups: PriorityGroup<ProgrammeProject>[];
};

const demoTag = (
  <>
    {" "}
    <Tag colour="yellow">Demo figure</Tag>
  </>
);

function FeedbackList({ items }: { items: Feedback[] }) {
  return (
    <ul className="govuk-list app-programme-feedback">
      {items.map((item) => (
        <li key={item.id} className="app-history__item">
          <p className="govuk-body govuk-!-margin-bottom-1 app-preserve-lines">{item.comment}</p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {item.by ?? "MOPAC"}, {formatDateTime(item.at)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * An endorsed programme: MOPAC's status and decision, the envelope, the priority totals and the
 * projects under their primary priority. For print, each project's answers follow its priority's table,
 * and each priority starts a new page.
 */
export function ProgrammeView({ programme, print }: { programme: ProgrammeViewData; print: boolean }) {
  const { summary, decision, endorsement } = programme;
  const headingLevel = print ? 3 : 2;
  return (
    <>
      <SummaryList
        rows={[
          {
            key: "MOPAC status",
            value: <Tag colour={stateTagColour(programme.status)}>{stateLabel(programme.status)}</Tag>,
          },
          {
            key: "Endorsed by the CSP",
            value: endorsement
              ? `${endorsement.meetingDate ? `At its meeting of ${formatDate(endorsement.meetingDate)}` : formatDateTime(endorsement.at)}${endorsement.by ? `, recorded by ${endorsement.by}` : ""}`
              : "Sent to MOPAC",
          },
          {
            key: "Decision",
            value: decision ? (
              <>
                {decision.approved ? "Approved" : "Rejected"} by {decision.by ?? "MOPAC"} on{" "}
                {formatDateTime(decision.at)}
                {decision.comment ? (
                  <span className="govuk-!-display-block app-preserve-lines">{decision.comment}</span>
                ) : null}
              </>
            ) : (
              "Not decided yet"
            ),
          },
        ]}
      />

      <h2 className="govuk-heading-m">MOPAC’s feedback on the programme</h2>
      {programme.overallFeedback.length > 0 ? (
        <FeedbackList items={programme.overallFeedback} />
      ) : (
        <p className="govuk-body">MOPAC has not given feedback on the programme as a whole.</p>
      )}

      <EnvelopeTable summary={summary} years={programme.years} />
      <PriorityTotalsTable summary={summary} />
      <p className="govuk-body-s">
        Each project counts once, under its primary priority; a secondary priority is shown with the project.
      </p>

      {programme.groups.map((group) => (
        <section
          key={group.priorityId ?? "none"}
          className="app-programme-priority"
          aria-labelledby={`priority-${group.priorityId ?? "none"}`}
        >
          <h2 className="govuk-heading-l" id={`priority-${group.priorityId ?? "none"}`}>
            {group.name}
          </h2>
          <p className="govuk-body" data-testid="priority-total">
            {group.projects.length} project{group.projects.length === 1 ? "" : "s"}, planned spend{" "}
            <strong>{formatPounds(group.total.totalPence)}</strong>
            {group.hasDemoFigure ? demoTag : null}
          </p>
          <Table
            caption={`Projects under ${group.name}`}
            captionSize="s"
            head={["Project", ...summary.years.map((y) => ({ content: y.label, format: "numeric" as const }))]}
            rows={group.projects.map((project): TableCell[] => [
              {
                content: (
                  <>
                    {print ? (
                      project.title
                    ) : (
                      <a className="govuk-link" href={`/proposals/${programme.id}/projects/${project.id}`}>
                        {project.title}
                      </a>
                    )}
                    {project.secondaryPriorityName ? (
                      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">
                        Secondary priority: {project.secondaryPriorityName}
                      </span>
                    ) : null}
                  </>
                ),
              },
              ...summary.years.map((y): TableCell => {
                const cost = project.costs.find((c) => c.financialYearId === y.financialYearId);
                return {
                  content: (
                    <>
                      {formatPounds(cost?.lcpfPence ?? 0)}
                      {cost?.isDemoFigure ? demoTag : null}
                    </>
                  ),
                  format: "numeric",
                };
              }),
            ])}
          />
          {group.projects.map((project) => (
            <div key={project.id} className="app-programme-project">
              {print ? (
                <>
                  <h3 className="govuk-heading-m">{project.title}</h3>
                  <ProjectSummary project={project} ctx={programme.ctx} changeBase={null} headingLevel={headingLevel} />
                </>
              ) : null}
              {project.feedback.length > 0 ? (
                <>
                  <h3 className="govuk-heading-s">MOPAC’s feedback on {project.title}</h3>
                  <FeedbackList items={project.feedback} />
                </>
              ) : null}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
