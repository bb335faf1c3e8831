import { useActionData } from "react-router";
import { notFound, refused } from "~/auth/guard.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { takeAction } from "~/data/workflow.server";
import { db } from "~/db.server";
import { redirectWithMessage } from "~/auth/flash.server";
import { todayInLondon } from "~/domain/dates";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { MEETING_DATE, STEP_FIELD_ORDER, stepSchema } from "~/forms/workflow";
import { actionRule, mayAttempt } from "~/domain/workflow";
import { BackLink, DateInput, ErrorSummary } from "~/ui";
import { ActionForm, actionFormSummary } from "~/ui/action-form";
import { dateInputPartId } from "~/ui/date-input";
import { pageTitle } from "~/ui/page-title";
import { ProgrammeSummary } from "~/ui/programme-summary";
import { loadProposalPage } from "~/data/proposal-page.server";
import { text, type FormShape } from "~/ui/use-govuk-form";
import type { Route } from "./+types/proposal-step";

/** The steps taken on a page of their own: the officer withdrawing, the CSP endorsing or returning. */
const STEPS = {
  withdraw: {
    action: "withdraw",
    heading: "Withdraw the proposal",
    intro: "A withdrawn proposal cannot be sent on. Your borough can then start a new proposal for this period.",
    button: "Withdraw the proposal",
    variant: "warning",
    done: "The proposal has been withdrawn",
  },
  endorse: {
    action: "endorse",
    heading: "Record the CSP’s endorsement",
    intro: "Once recorded, the proposal goes to MOPAC and is assigned to a reviewer straight away.",
    button: "Record the endorsement and submit to MOPAC",
    variant: "primary",
    done: "The CSP’s endorsement is recorded and the proposal has gone to MOPAC",
  },
  return: {
    action: "return_to_officers",
    heading: "Return the proposal to the borough officers",
    intro: "Tell the officers what the CSP wants changed. They can change it and send it to the CSP again.",
    button: "Return the proposal",
    variant: "secondary",
    done: "The proposal has been returned to the borough officers",
  },
} as const;

type StepName = keyof typeof STEPS;
const isStep = (value: string | undefined): value is StepName => value !== undefined && value in STEPS;

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  if (!isStep(params.step)) throw notFound();
  const step = STEPS[params.step];
  const access = await requireProposal(request, params.proposalId);
  return { access, step, name: params.step };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, step, name } = await load(request, params);
  // Refuse the page itself when the person may not take this step now, with the workflow's reason.
  const check = mayAttempt(step.action, access.proposal.status, access.actor, access.workflow);
  if (!check.ok) throw refused(check.status, check.reason);
  // The CSP sees what it is endorsing before it confirms: the programme in brief.
  const programme =
    step.action === "endorse"
      ? await loadProposalPage(db(), access.proposal).then((o) => ({
          summary: o.summary,
          projectCount: o.fullProjects.length,
        }))
      : null;
  return {
    programme,
    name,
    proposalId: access.proposal.id,
    caption: `${access.proposal.boroughNames.join(", ")}, ${access.proposal.periodName}`,
    commentRule: actionRule(step.action).requires.comment,
    meetingDate: actionRule(step.action).requires.meetingDate,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, step } = await load(request, params);
  const rule = actionRule(step.action).requires;
  const submission = parseForm(await request.formData(), {
    schema: stepSchema(
      rule.meetingDate
        ? { comment: rule.comment, meetingDate: true, today: todayInLondon() }
        : { comment: rule.comment, meetingDate: false },
    ),
  });
  if (submission.status !== "success") return replyTo(submission);
  const outcome = await takeAction(db(), {
    proposalId: access.proposal.id,
    action: step.action,
    user: access.user,
    comment: submission.value.comment,
    meetingDate: submission.value.meetingDate,
  });
  if (!outcome.ok) {
    if (outcome.status === 404 || outcome.status === 403) throw refused(outcome.status, outcome.reason);
    // The workflow names the field its reason belongs to; a reason about the whole proposal goes on the form.
    const field = outcome.field === "meetingDate" ? MEETING_DATE : outcome.field === "comment" ? "comment" : undefined;
    return refuse(submission, { message: outcome.reason, field }, outcome.status === 409 ? 409 : 422);
  }
  throw await redirectWithMessage(request, `/proposals/${access.proposal.id}`, step.done);
}

export default function ProposalStep({ loaderData }: Route.ComponentProps) {
  const { name, proposalId, caption, commentRule, meetingDate, programme } = loaderData;
  const step = STEPS[name];
  const lastResult = useActionData<typeof action>();
  const schema = stepSchema(
    meetingDate
      ? { comment: commentRule, meetingDate: true, today: todayInLondon() }
      : { comment: commentRule, meetingDate: false },
  );
  const summary = actionFormSummary(lastResult, STEP_FIELD_ORDER, {
    comment: "comment",
    [MEETING_DATE]: "meetingDateDay",
  });
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(step.heading, summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/proposals/${proposalId}`}>Back to the proposal</BackLink>
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{step.heading}</h1>
        <p className="govuk-body">{step.intro}</p>
        {programme ? (
          <section aria-labelledby="programme-heading">
            <h2 className="govuk-heading-m" id="programme-heading">
              What you are endorsing
            </h2>
            <ProgrammeSummary summary={programme.summary} projectCount={programme.projectCount} />
            <p className="govuk-body">
              <a className="govuk-link" href={`/proposals/${proposalId}/check`}>
                Read every project in full
              </a>
            </p>
          </section>
        ) : null}
        <ActionForm
          id={`${name}-form`}
          schema={schema}
          fieldOrder={STEP_FIELD_ORDER}
          lastResult={lastResult}
          button={step.button}
          variant={step.variant}
          comment={commentRule ? { id: "comment", label: commentRule.label } : undefined}
        >
          {(errors, values) => (meetingDate ? <MeetingDateInput errors={errors} values={values} /> : null)}
        </ActionForm>
      </div>
    </div>
  );
}

/** The date boxes, with the box that needs fixing marked, or all three when the whole date is wrong. */
function MeetingDateInput({ errors, values }: { errors: Record<string, string[] | undefined>; values: FormShape }) {
  const parts = (["day", "month", "year"] as const).filter((part) => errors[dateInputPartId(MEETING_DATE, part)]);
  const message =
    errors[MEETING_DATE] ?? parts.map((part) => errors[dateInputPartId(MEETING_DATE, part)]).find(Boolean);
  return (
    <DateInput
      name={MEETING_DATE}
      label="Date of the CSP meeting that endorsed it"
      labelSize="s"
      hint="The meeting cannot be in the future. For example, 7 2 2017"
      error={message}
      errorParts={errors[MEETING_DATE] ? undefined : parts}
      defaultValue={{
        day: text(values, "meetingDateDay"),
        month: text(values, "meetingDateMonth"),
        year: text(values, "meetingDateYear"),
      }}
    />
  );
}
