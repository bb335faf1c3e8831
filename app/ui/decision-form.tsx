import type { SubmissionResult } from "@conform-to/react";
import { reviewDecisionSchema } from "~/forms/workflow";
import { ActionForm } from "./action-form";
import { Radios } from "./radios";
import { text } from "./use-govuk-form";

const DECISION_ITEMS = [
  { value: "request_changes", label: "Request changes", hint: "The borough changes it and sends it to its CSP again" },
  { value: "approve", label: "Approve" },
  { value: "reject", label: "Reject" },
];

/** The decision and its feedback, posted here to be checked before anything happens. */
export function DecisionForm({
  proposalId,
  heading,
  lastResult,
  values,
}: {
  proposalId: number;
  heading?: string;
  lastResult?: SubmissionResult<string[]> | undefined;
  values?: { decision: string; comment: string };
}) {
  return (
    <ActionForm
      id="decision-form"
      action={`/proposals/${proposalId}/review/decision`}
      schema={reviewDecisionSchema}
      fieldOrder={["decision", "comment"]}
      lastResult={lastResult}
      defaults={values ?? {}}
      button="Continue"
      variant={heading ? "secondary" : undefined}
      comment={{
        id: "comment-decision",
        label: "Feedback for the borough",
        hint: "Required when you request changes or reject: say what must change, or why",
      }}
    >
      {(errors, formValues) => (
        <>
          {heading ? <h2 className="govuk-heading-m">{heading}</h2> : null}
          <input type="hidden" name="intent" value="check" />
          <Radios
            name="decision"
            label="What is your decision on this proposal?"
            labelSize="s"
            items={DECISION_ITEMS}
            defaultValue={text(formValues, "decision")}
            error={errors.decision}
          />
        </>
      )}
    </ActionForm>
  );
}
