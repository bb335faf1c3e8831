import { data, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { refused } from "~/auth/guard.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { takeAction } from "~/data/workflow.server";
import { db } from "~/db.server";
import { mayOpenReviewPages } from "~/domain/access";
import { todayInLondon } from "~/domain/dates";
import { decide, mayAttempt } from "~/domain/workflow";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { reviewDecisionSchema, type ReviewDecision } from "~/forms/workflow";
import { BackLink, Button, ButtonGroup, ErrorSummary, SummaryList } from "~/ui";
import { actionFormSummary } from "~/ui/action-form";
import { DecisionForm } from "~/ui/decision-form";
import { pageTitle } from "~/ui/page-title";
import { ProgrammeSummary } from "~/ui/programme-summary";
import type { Route } from "./+types/proposal-decision";

/**
 * MOPAC's decision asks first. The review page posts the decision and the feedback here with
 * intent "check": nothing changes, the page restates what will happen. Its button posts the same
 * values back with intent "confirm", which acts. A GET shows the decision form on its own.
 */

const WORDS: Record<ReviewDecision, { label: string; confirm: string; button: string; done: string }> = {
  request_changes: {
    label: "Request changes",
    confirm:
      "The proposal goes back to the borough officers with your feedback. They change it and send it to their CSP again.",
    button: "Confirm: request changes",
    done: "Changes requested: the borough officers have been told",
  },
  approve: {
    label: "Approve",
    confirm: "The proposal is approved and the borough officers are told. This cannot be undone.",
    button: "Confirm: approve the proposal",
    done: "The proposal is approved: the borough officers have been told",
  },
  reject: {
    label: "Reject",
    confirm: "The proposal is rejected and the borough officers are told. This cannot be undone.",
    button: "Confirm: reject the proposal",
    done: "The proposal is rejected: the borough officers have been told",
  },
};

async function load(request: Request, proposalId: string | undefined) {
  const access = await requireProposal(request, proposalId);
  if (!mayOpenReviewPages(access.actor)) throw refused(403, "Only MOPAC reviewers review proposals.");
  // Any decision will do to ask whether this person may decide now: all three share one rule of who and when.
  const allowed = mayAttempt("approve", access.proposal.status, access.actor, access.workflow);
  if (!allowed.ok) throw refused(allowed.status, allowed.reason);
  return access;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await load(request, params.proposalId);
  return { proposalId: proposal.id, caption: `${proposal.boroughNames.join(", ")}, ${proposal.periodName}` };
}

export async function action({ request, params }: Route.ActionArgs) {
  const access = await load(request, params.proposalId);
  const { proposal } = access;
  const submission = parseForm(await request.formData(), { schema: reviewDecisionSchema });
  if (submission.status !== "success") return replyTo(submission);
  const { intent, decision, comment } = submission.value;
  const answer = (outcome: { status: number; reason: string; field?: string | undefined }) => {
    if (outcome.status === 404 || outcome.status === 403) throw refused(outcome.status, outcome.reason);
    return refuse(
      submission,
      { message: outcome.reason, field: outcome.field === "comment" ? "comment" : undefined },
      outcome.status === 409 ? 409 : 422,
    );
  };

  if (intent === "check") {
    // The same rule the act will apply, asked now, so missing feedback is caught before the confirmation.
    const checked = decide({
      action: decision,
      state: proposal.status,
      actor: access.actor,
      proposal: access.workflow,
      input: { comment: comment ?? null },
      today: todayInLondon(),
    });
    if (!checked.ok) return answer(checked);
    const overview = await loadProposalPage(db(), proposal);
    return data({
      confirm: {
        decision,
        comment: comment ?? "",
        summary: overview.summary,
        projectCount: overview.fullProjects.length,
      },
    });
  }

  const outcome = await takeAction(db(), {
    proposalId: proposal.id,
    action: decision,
    user: access.user,
    comment: comment ?? null,
  });
  if (!outcome.ok) return answer(outcome);
  throw await redirectWithMessage(request, `/proposals/${proposal.id}/review`, WORDS[decision].done);
}

export default function DecisionPage({ loaderData }: Route.ComponentProps) {
  const { proposalId, caption } = loaderData;
  const answer = useActionData<typeof action>();
  const confirm = answer && "confirm" in answer ? answer.confirm : null;
  const result = answer && !("confirm" in answer) ? answer : undefined;
  const review = `/proposals/${proposalId}/review`;

  if (confirm) {
    const words = WORDS[confirm.decision];
    return (
      <>
        <title>{pageTitle(`Check your decision: ${words.label.toLowerCase()}`)}</title>
        <BackLink href={review}>Back to the review</BackLink>
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">Check your decision before you confirm it</h1>
        <SummaryList
          rows={[
            { key: "Decision", value: words.label },
            {
              key: "Feedback for the borough",
              value: confirm.comment ? <span className="app-preserve-lines">{confirm.comment}</span> : "None",
            },
          ]}
        />
        <p className="govuk-body">{words.confirm}</p>
        <h2 className="govuk-heading-m">What you are deciding on</h2>
        <ProgrammeSummary summary={confirm.summary} projectCount={confirm.projectCount} />
        {/* Carries the decision and the feedback as they were typed: confirming acts, changing goes back to the form. */}
        <form method="post" noValidate>
          <input type="hidden" name="decision" value={confirm.decision} />
          <input type="hidden" name="comment" value={confirm.comment} />
          <ButtonGroup>
            <Button
              type="submit"
              name="intent"
              value="confirm"
              variant={confirm.decision === "approve" ? "primary" : "warning"}
            >
              {words.button}
            </Button>
          </ButtonGroup>
        </form>
        <DecisionForm
          proposalId={proposalId}
          heading="Change your decision"
          values={{ decision: confirm.decision, comment: confirm.comment }}
        />
      </>
    );
  }

  const summary = actionFormSummary(result, ["intent", "decision", "comment"], { comment: "comment-decision" });
  return (
    <>
      <title>{pageTitle("Your decision on the proposal", summary.length > 0)}</title>
      <BackLink href={review}>Back to the review</BackLink>
      <ErrorSummary errors={summary} />
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">Your decision on the proposal</h1>
      <DecisionForm proposalId={proposalId} lastResult={result} />
    </>
  );
}
