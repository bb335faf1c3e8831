import { useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound } from "~/auth/guard.server";
import { canEdit, requireProposal } from "~/auth/proposal-access.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { sendingBlockers } from "~/data/proposals.server";
import { db } from "~/db.server";
import { takeAction } from "~/data/workflow.server";
import { actionRule } from "~/domain/workflow";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { stepSchema } from "~/forms/workflow";
import { BackLink, ErrorSummary } from "~/ui";
import { ActionForm, actionFormSummary } from "~/ui/action-form";
import { complianceAnswers, ComplianceSummary } from "~/ui/compliance-summary";
import { ContentsList } from "~/ui/contents-list";
import { pageTitle } from "~/ui/page-title";
import { ProposalFiguresSection } from "~/ui/proposal-figures";
import { BlockerList } from "~/ui/blockers";
import { Prerendered } from "~/ui/prerendered";
import { proposalFigures } from "~/ui/proposal-figures.server";
import { projectSummaries } from "~/ui/project-summary.server";
import type { Route } from "./+types/proposal-check";

const SEND_RULE = actionRule("send_to_csp").requires;
const sendSchema = stepSchema({ comment: SEND_RULE.comment, meetingDate: false });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const access = await requireProposal(request, params.proposalId);
  const { proposal } = access;
  const overview = await loadProposalPage(db(), proposal);
  const editable = canEdit(access);
  return {
    // What the page shows of the proposal: who and when, and the compliance answers.
    proposal: {
      id: proposal.id,
      boroughNames: proposal.boroughNames,
      periodName: proposal.periodName,
      ...complianceAnswers(proposal),
    },
    editable,
    figures: proposalFigures(context, overview.summary, overview.years, 3),
    // Only someone who may send the proposal is shown what stands in the way (with a link to each fix).
    blockers: editable ? sendingBlockers(proposal.id, overview) : [],
    projects: projectSummaries(
      context,
      overview,
      editable ? (projectId) => `/proposals/${proposal.id}/projects/${projectId}` : null,
    ),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { proposal, user } = await requireProposal(request, params.proposalId);
  const submission = parseForm(await request.formData(), { schema: sendSchema });
  if (submission.status !== "success") return replyTo(submission);
  const outcome = await takeAction(db(), {
    proposalId: proposal.id,
    action: "send_to_csp",
    user,
    comment: submission.value.comment,
  });
  if (!outcome.ok) {
    if (outcome.status === 404) throw notFound();
    return refuse(
      submission,
      { message: outcome.reason, field: outcome.field === "comment" ? "comment" : undefined },
      outcome.status,
    );
  }
  throw await redirectWithMessage(
    request,
    `/proposals/${proposal.id}`,
    "The proposal has been sent to the CSP for endorsement",
  );
}

export default function CheckProposal({ loaderData }: Route.ComponentProps) {
  const { proposal, editable, figures, blockers, projects } = loaderData;
  const lastResult = useActionData<typeof action>();
  const errorSummary = actionFormSummary(lastResult, ["comment"], { comment: "comment" }).map((item) =>
    // A refusal of the whole send (say, a problem found since the page loaded) points at the send section.
    item.href === "#comment" && !lastResult?.error?.comment ? { ...item, href: "#send" } : item,
  );
  const base = `/proposals/${proposal.id}`;
  const contents = [
    ...(editable
      ? [{ href: "#send", text: blockers.length > 0 ? "Before you can send" : "Send the proposal to the CSP" }]
      : []),
    { href: "#figures", text: "Funding and planned spend" },
    {
      href: "#projects",
      text: `Projects (${projects.length})`,
      children: projects.map((p) => ({ href: `#project-${p.id}`, text: p.title })),
    },
    { href: "#compliance", text: "Compliance" },
  ];
  return (
    <>
      <title>{pageTitle("Check the proposal before sending it to the CSP", errorSummary.length > 0)}</title>
      <BackLink href={base}>Back to the proposal</BackLink>
      <ErrorSummary errors={errorSummary} />
      <span className="govuk-caption-l">
        {proposal.boroughNames.join(", ")}, {proposal.periodName}
      </span>
      <h1 className="govuk-heading-l">Check the proposal before sending it to the CSP</h1>

      <ContentsList items={contents} />

      {/* Near the top, so nobody scrolls through every project to find out whether they can send. */}
      {editable ? (
        <section id="send" aria-labelledby="send-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-l" id="send-heading">
            Send the proposal to the CSP
          </h2>
          {blockers.length > 0 ? <BlockerList blockers={blockers} headingLevel={3} /> : null}
          <p className="govuk-body">
            The borough’s Community Safety Partnership will be asked to endorse it. You cannot change it while it waits
            for them; they can return it to you with comments.
          </p>
          {/* Offered even with blockers: sending then lists them, and a CSP without an endorser is reported to MOPAC. */}
          <ActionForm
            id="send-form"
            schema={sendSchema}
            lastResult={lastResult}
            button="Send to the CSP for endorsement"
            comment={{ id: "comment", label: SEND_RULE.comment?.label ?? "Note for the CSP (optional)" }}
          />
        </section>
      ) : null}

      <ProposalFiguresSection figures={figures} />

      <h2 className="govuk-heading-l" id="projects">
        Projects
      </h2>
      {projects.map((project) => (
        <section
          key={project.id}
          id={`project-${project.id}`}
          aria-labelledby={`project-${project.id}-heading`}
          className="govuk-!-margin-bottom-6"
        >
          <Prerendered fragment={project.summary} />
        </section>
      ))}

      <h2 className="govuk-heading-l" id="compliance">
        Compliance
      </h2>
      <ComplianceSummary proposal={proposal} changeHref={editable ? `${base}/compliance` : null} />
    </>
  );
}
