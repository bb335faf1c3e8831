import type { SubmissionResult } from "@conform-to/react";
import { data, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { refused } from "~/auth/guard.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { changesSinceLastSubmission, feedbackByProject, proposalHistory } from "~/data/history.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { activeReviewers } from "~/data/reviews.server";
import { takeAction } from "~/data/workflow.server";
import { db } from "~/db.server";
import { mayOpenReviewPages } from "~/domain/access";
import { formatDate, todayInLondon } from "~/domain/dates";
import { isOverdue } from "~/domain/routing";
import { availableActions, isOpenReview, stateLabel, stateTagColour } from "~/domain/workflow";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { reviewCommentSchema, reviewReassignSchema, reviewSchema } from "~/forms/workflow";
import { BackLink, ErrorSummary, Select, SummaryList, Tag } from "~/ui";
import { contentsFragment } from "~/ui/contents-list.server";
import { DecisionForm } from "~/ui/decision-form";
import { ActionForm, actionFormSummary } from "~/ui/action-form";
import { changesFragment } from "~/ui/changes.server";
import { complianceFragment } from "~/ui/compliance-summary.server";
import { historyFragment, projectFeedbackFragment } from "~/ui/history.server";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { ProposalFiguresSection } from "~/ui/proposal-figures";
import { Prerendered } from "~/ui/prerendered";
import { proposalFigures } from "~/ui/proposal-figures.server";
import { projectSummaries } from "~/ui/project-summary.server";
import type { Route } from "./+types/proposal-review";

async function loadForMopac(request: Request, proposalId: string | undefined) {
  const access = await requireProposal(request, proposalId);
  if (!mayOpenReviewPages(access.actor)) throw refused(403, "Only MOPAC reviewers review proposals.");
  return access;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const access = await loadForMopac(request, params.proposalId);
  const { proposal } = access;
  const [overview, history, changes, reviewers] = await Promise.all([
    loadProposalPage(db(), proposal),
    proposalHistory(db(), proposal.id),
    changesSinceLastSubmission(db(), proposal.id),
    activeReviewers(db()),
  ]);
  const allowed = new Set(availableActions(proposal.status, access.actor, access.workflow).map((rule) => rule.action));
  const can = {
    decide: allowed.has("approve"),
    comment: allowed.has("comment"),
    reassign: allowed.has("reassign"),
  };
  const feedback = feedbackByProject(history);
  const projects = projectSummaries(context, overview, null).map((project) => {
    const entries = feedback.get(project.id) ?? [];
    return {
      id: project.id,
      title: project.title,
      summary: project.summary,
      commented: entries.length > 0,
      feedback: projectFeedbackFragment(context, entries, 4),
    };
  });
  // "decision" is the first radio's id, so the section has another. The decision comes first: a reviewer should not scroll past seventeen projects to reach it.
  const contents = [
    ...(can.decide ? [{ href: "#your-decision", text: "Your decision" }] : []),
    ...(changes ? [{ href: "#changes", text: "Changes since the last submission" }] : []),
    { href: "#figures", text: "Funding and planned spend" },
    {
      href: "#projects",
      text: `Projects (${projects.length})`,
      children: projects.map((project) => ({
        href: `#project-${project.id}`,
        text: project.commented ? `${project.title} (commented)` : project.title,
      })),
    },
    { href: "#compliance", text: "Compliance" },
    ...(can.comment ? [{ href: "#overall", text: "Overall comment" }] : []),
    ...(can.reassign ? [{ href: "#reassign", text: "Reassign" }] : []),
    { href: "#history", text: "History" },
  ];
  // The read-only parts go to the page as prerendered markup; only what the forms and headings need is data.
  return {
    proposal: {
      id: proposal.id,
      status: proposal.status,
      periodName: proposal.periodName,
      boroughNames: proposal.boroughNames,
      feedbackDeadline: proposal.feedbackDeadline,
      assignedReviewerId: proposal.assigned_reviewer_id,
    },
    contents: contentsFragment(context, contents),
    figures: proposalFigures(context, overview.summary, overview.years, 3),
    projects: projects.map(({ id, title, summary, feedback }) => ({ id, title, summary, feedback })),
    changes: changes ? changesFragment(context, changes) : null,
    compliance: complianceFragment(context, proposal, null),
    history: historyFragment(context, history),
    reviewers: can.reassign ? reviewers : [],
    assignedReviewer: reviewers.find((r) => r.id === proposal.assigned_reviewer_id)?.name ?? null,
    overdue: isOverdue(proposal.feedbackDeadline, todayInLondon(), isOpenReview(proposal.status)),
    can,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const access = await loadForMopac(request, params.proposalId);
  const submission = parseForm(await request.formData(), { schema: reviewSchema });
  // Which form on the page answered, so only that one shows the errors.
  const formId = (value: unknown) => reviewFormId((value ?? {}) as Record<string, unknown>);
  if (submission.status !== "success") return withForm(formId(submission.payload), replyTo(submission));
  const input = submission.value;
  const base = { proposalId: access.proposal.id, user: access.user };
  const here = `/proposals/${access.proposal.id}/review`;
  // Decisions are not taken here: they go through their confirmation page (proposal-decision.tsx).
  const outcome =
    input.intent === "comment"
      ? await takeAction(db(), {
          ...base,
          action: "comment",
          comment: input.comment,
          projectId: input.projectId ?? null,
        })
      : await takeAction(db(), { ...base, action: "reassign", reviewerId: input.reviewerId });
  if (!outcome.ok) {
    if (outcome.status === 404) throw refused(404, outcome.reason);
    // A refusal of the person (403) is about the whole form; a refused input, about its field.
    const field =
      outcome.status === 403
        ? undefined
        : input.intent === "reassign"
          ? "reviewerId"
          : outcome.field === "comment" || input.intent === "comment"
            ? "comment"
            : undefined;
    return withForm(formId(input), refuse(submission, { message: outcome.reason, field }, outcome.status));
  }
  if (input.intent === "comment") {
    throw await redirectWithMessage(
      request,
      `${here}${input.projectId ? `#project-${input.projectId}` : "#overall"}`,
      DONE.comment,
    );
  }
  throw await redirectWithMessage(request, here, DONE.reassign);
}

/** The form that was posted: each comment box, the decision and reassigning are separate forms. */
function reviewFormId(value: Record<string, unknown>): string {
  if (value.intent === "comment")
    return value.projectId ? `comment-${String(value.projectId)}-form` : "comment-overall-form";
  return "reassign-form";
}

/** Tags an answer with the form it belongs to, keeping its status. */
function withForm<T>(formId: string, reply: { data: T; init: ResponseInit | null }) {
  return data({ formId, result: reply.data }, reply.init ?? undefined);
}

const DONE = {
  comment: "Your comment has been added",
  reassign: "The proposal has been reassigned",
} as const;

/** Field order and ids of each form on the page, for the error summary at the top. */
function summaryOf(answer: { formId: string; result: SubmissionResult<string[]> } | undefined) {
  if (!answer) return [];
  const { formId, result } = answer;
  if (formId === "reassign-form") return actionFormSummary(result, ["reviewerId"]);
  return actionFormSummary(result, ["comment"], { comment: formId.replace(/-form$/, "") });
}

export default function ReviewProposal({ loaderData }: Route.ComponentProps) {
  const {
    proposal,
    contents,
    figures,
    projects,
    changes,
    compliance,
    history,
    reviewers,
    assignedReviewer,
    overdue,
    can,
  } = loaderData;
  const answer = useActionData<typeof action>();
  const resultFor = (formId: string) => (answer?.formId === formId ? answer.result : undefined);
  // Every comment and the reassigning post back here.
  const here = `/proposals/${proposal.id}/review`;
  const errorSummary = summaryOf(answer);

  return (
    <>
      <title>{pageTitle(`Review ${proposal.boroughNames.join(", ")}’s proposal`, errorSummary.length > 0)}</title>
      <BackLink href="/review">Back to proposals to review</BackLink>
      <FlashBanner />
      <ErrorSummary errors={errorSummary} />
      <span className="govuk-caption-l">{proposal.periodName}</span>
      <h1 className="govuk-heading-l">{proposal.boroughNames.join(", ")}: review</h1>
      <p className="govuk-body">
        <Tag colour={stateTagColour(proposal.status)}>{stateLabel(proposal.status)}</Tag>
        {overdue ? (
          <>
            {" "}
            <Tag colour="red">Overdue</Tag>
          </>
        ) : null}
      </p>
      <SummaryList
        noBorder
        rows={[
          { key: "Reviewer", value: assignedReviewer ?? "Not assigned" },
          {
            key: "Feedback due",
            value: proposal.feedbackDeadline ? formatDate(proposal.feedbackDeadline) : "No deadline set",
          },
        ]}
      />

      <Prerendered fragment={contents} />

      {can.decide ? (
        <section id="your-decision" aria-labelledby="decision-heading" className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-l" id="decision-heading">
            Your decision
          </h2>
          <p className="govuk-body">
            You will see what you chose, your feedback and the totals again before anything happens.
          </p>
          <DecisionForm proposalId={proposal.id} />
        </section>
      ) : null}

      {changes ? (
        <div id="changes">
          <Prerendered fragment={changes} />
        </div>
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
          className="govuk-!-margin-bottom-8"
        >
          <Prerendered fragment={project.summary} />
          {project.feedback ? <Prerendered fragment={project.feedback} /> : null}
          {can.comment ? (
            <ActionForm
              id={`comment-${project.id}-form`}
              action={here}
              schema={reviewCommentSchema}
              lastResult={resultFor(`comment-${project.id}-form`)}
              button="Add comment"
              variant="secondary"
              comment={{ id: `comment-${project.id}`, label: `Comment on ${project.title}` }}
              hidden={{ intent: "comment", projectId: project.id }}
            />
          ) : null}
        </section>
      ))}

      <h2 className="govuk-heading-l" id="compliance">
        Compliance
      </h2>
      <Prerendered fragment={compliance} />

      {can.comment ? (
        <section id="overall" aria-labelledby="overall-heading">
          <h2 className="govuk-heading-m" id="overall-heading">
            Overall comment
          </h2>
          <ActionForm
            id="comment-overall-form"
            action={here}
            schema={reviewCommentSchema}
            lastResult={resultFor("comment-overall-form")}
            button="Add comment"
            variant="secondary"
            comment={{ id: "comment-overall", label: "Comment on the whole proposal" }}
            hidden={{ intent: "comment" }}
          />
        </section>
      ) : null}

      {can.reassign ? (
        <section id="reassign" aria-labelledby="reassign-heading">
          <h2 className="govuk-heading-m" id="reassign-heading">
            Reassign
          </h2>
          <ActionForm
            id="reassign-form"
            action={here}
            schema={reviewReassignSchema}
            fieldOrder={["reviewerId"]}
            lastResult={resultFor("reassign-form")}
            button="Reassign"
            variant="secondary"
          >
            {(errors) => (
              <>
                <input type="hidden" name="intent" value="reassign" />
                <Select
                  name="reviewerId"
                  label="Reviewer"
                  items={reviewers.map((r) => ({ value: String(r.id), text: r.name }))}
                  defaultValue={proposal.assignedReviewerId ? String(proposal.assignedReviewerId) : undefined}
                  error={errors.reviewerId}
                />
              </>
            )}
          </ActionForm>
        </section>
      ) : null}

      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      <Prerendered fragment={history} />
    </>
  );
}
