import { canEdit, requireProposal } from "~/auth/proposal-access.server";
import { feedbackByProject, proposalHistory } from "~/data/history.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { sendingBlockers } from "~/data/proposals.server";
import { db } from "~/db.server";
import { formatPounds } from "~/domain/money";
import { PROJECT_SECTIONS, sectionStatuses } from "~/domain/project-sections";
import { availableActions, stateLabel, stateTagColour } from "~/domain/workflow";
import { ButtonLink, NotificationBanner, Table, Tag, TaskList, WarningText, type TableCell } from "~/ui";
import { formatDateTime, todayInLondon } from "~/domain/dates";
import { deadlineNotice } from "~/domain/rounds";
import { ProposalDeadline } from "~/ui/proposal-deadline";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { ProgrammeDownloads } from "~/ui/downloads";
import { DemoMark } from "~/ui/proposal-figures";
import { proposalFigures } from "~/ui/proposal-figures.server";
import { Prerendered } from "~/ui/prerendered";
import { History } from "~/ui/history";
import { JointEnvelopeTables } from "~/ui/joint-envelope-table";
import type { Route } from "./+types/proposal";

/** Where each step a person may take is done. */
const STEP_PAGES: Partial<Record<string, { path: string; text: string }>> = {
  send_to_csp: { path: "check", text: "Check and send to the CSP" },
  endorse: { path: "endorse", text: "Record the CSP’s endorsement" },
  return_to_officers: { path: "return", text: "Return to the borough officers" },
  withdraw: { path: "withdraw", text: "Withdraw the proposal" },
  request_changes: { path: "review", text: "Review the proposal" },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const access = await requireProposal(request, params.proposalId);
  const { proposal } = access;
  const [overview, history] = await Promise.all([loadProposalPage(db(), proposal), proposalHistory(db(), proposal.id)]);
  const priorityOf = new Map(overview.projects.map((p) => [p.id, p.primaryPriorityName]));
  const sectionTitles = new Map<string, string>(PROJECT_SECTIONS.map((s) => [s.id, s.title]));
  const feedback = feedbackByProject(history);
  const steps = availableActions(proposal.status, access.actor, access.workflow)
    .map((rule) => STEP_PAGES[rule.action])
    .filter((step, index, all) => step !== undefined && all.indexOf(step) === index)
    .map((step) => ({ href: `/proposals/${proposal.id}/${step!.path}`, text: step!.text }));
  // The reviewer's words that sent it back, shown first while the borough works on them.
  const lastRequest = [...history].reverse().find((entry) => entry.action === "request_changes");
  return {
    history,
    steps,
    deadline: deadlineNotice(proposal.proposalDeadline, todayInLondon(), proposal.first_submitted_at !== null),
    changesFeedback:
      proposal.status === "changes_requested" && lastRequest
        ? { who: lastRequest.actorName ?? "MOPAC", when: lastRequest.createdAt, comment: lastRequest.comment ?? "" }
        : null,
    proposal: {
      id: proposal.id,
      status: proposal.status,
      version: proposal.version,
      periodName: proposal.periodName,
      boroughNames: proposal.boroughNames,
      partnershipName: proposal.partnershipName,
      updatedAt: proposal.updated_at,
    },
    editable: canEdit(access),
    warnings: overview.summary.warnings,
    yearHeads: overview.summary.years.map((y) => ({ financialYearId: y.financialYearId, label: y.label })),
    figures: proposalFigures(context, overview.summary, overview.years, 2),
    jointEnvelope: overview.jointEnvelope,
    complianceComplete: overview.complianceComplete,
    blockers: sendingBlockers(proposal.id, overview),
    projects: overview.fullProjects.map((project) => {
      const statuses = sectionStatuses(project);
      return {
        id: project.id,
        title: project.title,
        priority: priorityOf.get(project.id) ?? null,
        candidate: project.co_commissioning_candidate === 1,
        feedbackCount: feedback.get(project.id)?.length ?? 0,
        costs: project.costs,
        incompleteSections: PROJECT_SECTIONS.filter((s) => statuses[s.id] === "incomplete").map((s) =>
          sectionTitles.get(s.id)!,
        ),
      };
    }),
  };
}

export default function ProposalOverview({ loaderData }: Route.ComponentProps) {
  const {
    history,
    steps,
    deadline,
    changesFeedback,
    proposal,
    editable,
    warnings,
    yearHeads,
    figures,
    blockers,
    projects,
    complianceComplete,
  } = loaderData;
  const base = `/proposals/${proposal.id}`;
  const heading = `LCPF proposal, ${proposal.periodName}`;
  const incompleteProjects = projects.filter((p) => p.incompleteSections.length > 0);

  return (
    <>
      <title>{pageTitle(`${heading}, ${proposal.boroughNames.join(", ")}`)}</title>
      <FlashBanner />
      {changesFeedback ? (
        <NotificationBanner title="Feedback from MOPAC" titleId="mopac-feedback-title">
          <p className="govuk-notification-banner__heading">MOPAC has asked for changes to this proposal</p>
          <p className="govuk-body govuk-!-margin-bottom-2" data-testid="mopac-feedback">
            <span className="app-preserve-lines">{changesFeedback.comment}</span>
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {changesFeedback.who}, <time dateTime={changesFeedback.when}>{formatDateTime(changesFeedback.when)}</time>.
            {projects.some((p) => p.feedbackCount > 0)
              ? " Projects with comments are marked “Feedback from MOPAC” below."
              : ""}
          </p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">
        {proposal.partnershipName ? `${proposal.partnershipName}: ` : ""}
        {proposal.boroughNames.join(", ")}
      </span>
      <h1 className="govuk-heading-l">{heading}</h1>
      <p className="govuk-body">
        Status: <Tag colour={stateTagColour(proposal.status)}>{stateLabel(proposal.status)}</Tag>
      </p>
      <ProposalDeadline notice={deadline} />

      {steps.length > 0 ? (
        <ul className="govuk-list" data-testid="next-steps">
          {steps.map((step) => (
            <li key={step.href}>
              <a className="govuk-link govuk-!-font-weight-bold" href={step.href}>
                {step.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}

      {editable && blockers.length > 0 ? (
        <div className="govuk-inset-text" data-testid="blockers">
          <h2 className="govuk-heading-s">Before you can send this proposal to the CSP</h2>
          <ul className="govuk-list govuk-list--bullet">
            {blockers.map((b) => (
              <li key={b.message}>
                {b.href ? (
                  <a className="govuk-link" href={b.href}>
                    {b.message}
                  </a>
                ) : (
                  b.message
                )}
                <DemoMark show={b.isDemoFigure} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.map((w) => (
        <WarningText key={w.message}>{w.message}</WarningText>
      ))}

      {editable ? (
        <TaskList
          items={[
            {
              title: "Projects",
              href: "#projects",
              hint: `${projects.length} project${projects.length === 1 ? "" : "s"}`,
              status:
                incompleteProjects.length === 0 && projects.length > 0 ? (
                  "Completed"
                ) : (
                  <Tag colour="blue">Incomplete</Tag>
                ),
            },
            {
              title: "Compliance answers",
              href: `${base}/compliance`,
              status: complianceComplete ? "Completed" : <Tag colour="blue">Incomplete</Tag>,
            },
            {
              title: "Check your answers",
              href: `${base}/check`,
              status: blockers.length === 0 ? <Tag colour="blue">Ready to check</Tag> : "Cannot send yet",
              cannotStartYet: blockers.length > 0,
            },
          ]}
        />
      ) : null}

      <Prerendered fragment={figures} />
      {/* A partnership's joint proposal: the same envelope, by borough. */}
      {loaderData.jointEnvelope && proposal.partnershipName ? (
        <JointEnvelopeTables partnershipName={proposal.partnershipName} years={loaderData.jointEnvelope} />
      ) : null}

      <h2 className="govuk-heading-m" id="projects">
        Projects
      </h2>
      {projects.length === 0 ? <p className="govuk-body">This proposal has no projects yet.</p> : null}
      {editable ? <ButtonLink href={`${base}/projects/new`}>Add a project</ButtonLink> : null}
      {projects.length > 0 ? (
        <Table
          caption={`${projects.length} project${projects.length === 1 ? "" : "s"}`}
          captionSize="s"
          head={["Project", "Priority", ...yearHeads.map((y) => ({ content: y.label, format: "numeric" as const }))]}
          rows={projects.map((project): TableCell[] => [
            {
              content: (
                <>
                  <a className="govuk-link" href={`${base}/projects/${project.id}`}>
                    {project.title}
                  </a>
                  {project.candidate ? (
                    <>
                      {" "}
                      <Tag colour="turquoise">Co-commissioning candidate</Tag>
                    </>
                  ) : null}
                  {project.feedbackCount > 0 ? (
                    <span className="govuk-!-display-block govuk-!-margin-top-1">
                      <Tag colour="orange">Feedback from MOPAC</Tag>{" "}
                      <a className="govuk-link govuk-!-font-size-16" href={`${base}/projects/${project.id}#feedback`}>
                        Read {project.feedbackCount === 1 ? "the comment" : `${project.feedbackCount} comments`}
                        <span className="govuk-visually-hidden"> on {project.title}</span>
                      </a>
                    </span>
                  ) : null}
                  {editable && project.incompleteSections.length > 0 ? (
                    <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">
                      To complete: {project.incompleteSections.join(", ").toLowerCase()}
                    </span>
                  ) : null}
                </>
              ),
            },
            project.priority ?? "Not chosen yet",
            ...yearHeads.map((y): TableCell => {
              const cost = project.costs.find((c) => c.financialYearId === y.financialYearId);
              return {
                content: (
                  <>
                    {formatPounds(cost?.lcpfPence ?? 0)}
                    {cost?.isDemoFigure ? (
                      <span className="govuk-!-display-block">
                        <Tag colour="yellow">Demo figure</Tag>
                      </span>
                    ) : null}
                  </>
                ),
                format: "numeric",
              };
            }),
          ])}
        />
      ) : null}
      <ProgrammeDownloads base={base} />

      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      <History entries={history} />
    </>
  );
}
