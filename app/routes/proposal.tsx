import { canEdit, requireProposal } from "~/auth/proposal-access.server";
import { feedbackByProject, proposalHistory } from "~/data/history.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { sendingBlockers } from "~/data/proposals.server";
import { db } from "~/db.server";
import { PROJECT_SECTIONS, sectionStatuses } from "~/domain/project-sections";
import { availableActions, stateLabel, stateTagColour } from "~/domain/workflow";
import { ButtonLink, NotificationBanner, Tag, TaskList, WarningText } from "~/ui";
import { formatDateTime, todayInLondon } from "~/domain/dates";
import { deadlineNotice } from "~/domain/rounds";
import { ProposalDeadline } from "~/ui/proposal-deadline";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { ProgrammeDownloads } from "~/ui/downloads";
import { proposalFigures } from "~/ui/proposal-figures.server";
import { Prerendered } from "~/ui/prerendered";
import { historyFragment } from "~/ui/history.server";
import {
  blockersFragment,
  jointEnvelopeFragment,
  projectsTableFragment,
  type OverviewProject,
} from "~/ui/proposal-overview.server";
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
  const editable = canEdit(access);
  const base = `/proposals/${proposal.id}`;
  const projects: OverviewProject[] = overview.fullProjects.map((project) => {
    const statuses = sectionStatuses(project);
    return {
      id: project.id,
      title: project.title,
      priority: priorityOf.get(project.id) ?? null,
      candidate: project.co_commissioning_candidate === 1,
      feedbackCount: feedback.get(project.id)?.length ?? 0,
      costs: project.costs.map((c) => ({
        financialYearId: c.financialYearId,
        lcpfPence: c.lcpfPence,
        isDemoFigure: c.isDemoFigure,
      })),
      incompleteSections: PROJECT_SECTIONS.filter((s) => statuses[s.id] === "incomplete").map((s) =>
        sectionTitles.get(s.id)!,
      ),
    };
  });
  // Only someone who may edit is shown what stops sending (and the task list built from it).
  const blockers = editable ? sendingBlockers(proposal.id, overview) : [];
  const yearHeads = overview.summary.years.map((y) => ({ financialYearId: y.financialYearId, label: y.label }));
  return {
    history: historyFragment(context, history),
    steps,
    deadline: deadlineNotice(proposal.proposalDeadline, todayInLondon(), proposal.first_submitted_at !== null),
    changesFeedback:
      proposal.status === "changes_requested" && lastRequest
        ? { who: lastRequest.actorName ?? "MOPAC", when: lastRequest.createdAt, comment: lastRequest.comment ?? "" }
        : null,
    proposal: {
      id: proposal.id,
      status: proposal.status,
      periodName: proposal.periodName,
      boroughNames: proposal.boroughNames,
      partnershipName: proposal.partnershipName,
    },
    editable,
    warnings: overview.summary.warnings,
    figures: proposalFigures(context, overview.summary, overview.years, 2),
    jointEnvelope:
      overview.jointEnvelope && proposal.partnershipName
        ? jointEnvelopeFragment(context, proposal.partnershipName, overview.jointEnvelope)
        : null,
    complianceComplete: overview.complianceComplete,
    blockerCount: blockers.length,
    blockers: blockers.length > 0 ? blockersFragment(context, blockers) : null,
    projectCount: projects.length,
    projectsWithFeedback: projects.some((p) => p.feedbackCount > 0),
    projectsComplete: projects.every((p) => p.incompleteSections.length === 0),
    projectsTable: projects.length > 0 ? projectsTableFragment(context, { base, editable, yearHeads, projects }) : null,
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
    figures,
    jointEnvelope,
    blockerCount,
    blockers,
    projectCount,
    projectsWithFeedback,
    projectsComplete,
    projectsTable,
    complianceComplete,
  } = loaderData;
  const base = `/proposals/${proposal.id}`;
  const heading = `LCPF proposal, ${proposal.periodName}`;

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
            {projectsWithFeedback ? " Projects with comments are marked “Feedback from MOPAC” below." : ""}
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

      {editable && blockers ? <Prerendered fragment={blockers} /> : null}
      {warnings.map((w) => (
        <WarningText key={w.message}>{w.message}</WarningText>
      ))}

      {editable ? (
        <TaskList
          items={[
            {
              title: "Projects",
              href: "#projects",
              hint: `${projectCount} project${projectCount === 1 ? "" : "s"}`,
              status: projectsComplete && projectCount > 0 ? "Completed" : <Tag colour="blue">Incomplete</Tag>,
            },
            {
              title: "Compliance answers",
              href: `${base}/compliance`,
              status: complianceComplete ? "Completed" : <Tag colour="blue">Incomplete</Tag>,
            },
            {
              title: "Check your answers",
              href: `${base}/check`,
              status: blockerCount === 0 ? <Tag colour="blue">Ready to check</Tag> : "Cannot send yet",
              cannotStartYet: blockerCount > 0,
            },
          ]}
        />
      ) : null}

      <Prerendered fragment={figures} />
      {/* A partnership's joint proposal: the same envelope, by borough. */}
      {jointEnvelope ? <Prerendered fragment={jointEnvelope} /> : null}

      <h2 className="govuk-heading-m" id="projects">
        Projects
      </h2>
      {projectCount === 0 ? <p className="govuk-body">This proposal has no projects yet.</p> : null}
      {editable ? <ButtonLink href={`${base}/projects/new`}>Add a project</ButtonLink> : null}
      {projectsTable ? <Prerendered fragment={projectsTable} /> : null}
      <ProgrammeDownloads base={base} />

      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      <Prerendered fragment={history} />
    </>
  );
}
