import { data, redirect, useActionData } from "react-router";
import { notFound, refused } from "~/auth/guard.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { takeAction } from "~/data/workflow.server";
import { db } from "~/db.server";
import { parseDateParts } from "~/domain/dates";
import { actionRule, mayAttempt } from "~/domain/workflow";
import { BackLink, DateInput, ErrorSummary } from "~/ui";
import { ActionForm } from "~/ui/action-form";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/proposal-step";

/** The steps taken on a page of their own: the officer withdrawing, the CSP endorsing or returning. */
const STEPS = {
  withdraw: {
    action: "withdraw",
    heading: "Withdraw the proposal",
    intro: "A withdrawn proposal cannot be sent on. Your borough can then start a new proposal for this period.",
    button: "Withdraw the proposal",
    variant: "warning",
    done: "withdrawn",
  },
  endorse: {
    action: "endorse",
    heading: "Record the CSP’s endorsement",
    intro: "Once recorded, the proposal goes to MOPAC and is assigned to a reviewer straight away.",
    button: "Record the endorsement and submit to MOPAC",
    variant: "primary",
    done: "endorsed",
  },
  return: {
    action: "return_to_officers",
    heading: "Return the proposal to the borough officers",
    intro: "Tell the officers what the CSP wants changed. They can change it and send it to the CSP again.",
    button: "Return the proposal",
    variant: "secondary",
    done: "returned",
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
  return {
    name,
    proposalId: access.proposal.id,
    caption: `${access.proposal.boroughNames.join(", ")}, ${access.proposal.periodName}`,
    commentRule: actionRule(step.action).requires.comment,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, step } = await load(request, params);
  const formData = await request.formData();
  let meetingDate: string | null = null;
  if (step.action === "endorse") {
    const parsed = parseDateParts(
      formData.get("meetingDateDay")?.toString(),
      formData.get("meetingDateMonth")?.toString(),
      formData.get("meetingDateYear")?.toString(),
    );
    if (parsed.ok === "empty") return data({ error: "Enter the date of the CSP meeting", field: "meetingDateDay" }, { status: 422 });
    if (parsed.ok === false) {
      const field = `meetingDate${parsed.part[0]!.toUpperCase()}${parsed.part.slice(1)}`;
      return data({ error: `The date of the CSP meeting ${parsed.message}`, field }, { status: 422 });
    }
    meetingDate = parsed.date;
  }
  const outcome = await takeAction(db(), {
    proposalId: access.proposal.id,
    action: step.action,
    user: access.user,
    comment: formData.get("comment")?.toString() ?? null,
    meetingDate,
  });
  if (!outcome.ok) {
    if (outcome.status === 404 || outcome.status === 403) throw refused(outcome.status, outcome.reason);
    const field = outcome.field ?? (step.action === "endorse" && outcome.status === 422 && !outcome.reason.includes("comment") ? "meetingDateDay" : "comment");
    return data({ error: outcome.reason, field }, { status: outcome.status });
  }
  throw redirect(`/proposals/${access.proposal.id}?done=${step.done}`);
}

export default function ProposalStep({ loaderData }: Route.ComponentProps) {
  const { name, proposalId, caption, commentRule } = loaderData;
  const step = STEPS[name];
  const result = useActionData<typeof action>();
  const error = result?.error;
  const onDate = result?.field?.startsWith("meetingDate");
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(step.heading, !!error)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/proposals/${proposalId}`}>Back to the proposal</BackLink>
        <ErrorSummary errors={error ? [{ href: `#${result.field}`, message: error }] : []} />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{step.heading}</h1>
        <p className="govuk-body">{step.intro}</p>
        <ActionForm
          button={step.button}
          variant={step.variant}
          comment={commentRule ? { label: commentRule.label, required: commentRule.required } : undefined}
          error={!onDate ? error : undefined}
        >
          {step.action === "endorse" ? (
            <DateInput
              name="meetingDate"
              label="Date of the CSP meeting that endorsed it"
              labelSize="s"
              hint="The meeting cannot be in the future. For example, 7 2 2017"
              error={onDate ? error : undefined}
            />
          ) : null}
        </ActionForm>
      </div>
    </div>
  );
}
