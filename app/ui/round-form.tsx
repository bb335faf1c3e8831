import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { ROUND_FIELD_ORDER, roundSchema } from "~/forms/round";
import { Button, Checkboxes, DateInput, ErrorSummary, TextInput } from "~/ui";
import { firstError } from "~/ui/parts";
import { list, text, useGovukForm, type FormShape } from "~/ui/use-govuk-form";

export type RoundFormLists = {
  priorities: { id: number; name: string }[];
  measures: { id: number; name: string; group: string }[];
};

/** The date's message, from whichever of its three boxes has one. */
function dateError(errors: Record<string, string[] | undefined>, name: string): string | undefined {
  return firstError(errors[`${name}Day`]) ?? firstError(errors[`${name}Month`]) ?? firstError(errors[`${name}Year`]);
}

/**
 * A funding round's settings, for creating one and changing one. Years and periods are locked (shown,
 * not editable) once the round has proposals or allocations hanging off them.
 */
export function RoundForm({
  lists,
  defaults,
  lastResult,
  yearsLocked,
  submitLabel,
  heading,
  caption,
  intro,
}: {
  heading: string;
  /** What the page says between its heading and the form. */
  intro?: ReactNode;
  caption?: string;
  lists: RoundFormLists;
  defaults: FormShape;
  lastResult: SubmissionResult<string[]> | undefined | null;
  yearsLocked: boolean;
  submitLabel: string;
}) {
  const schema = roundSchema({
    priorityIds: lists.priorities.map((p) => p.id),
    measureIds: lists.measures.map((m) => m.id),
  });
  const { form, values, errors, summary } = useGovukForm({
    schema,
    fieldOrder: ROUND_FIELD_ORDER,
    defaults,
    lastResult,
  });
  const date = (name: string) => ({
    day: text(values, `${name}Day`) ?? "",
    month: text(values, `${name}Month`) ?? "",
    year: text(values, `${name}Year`) ?? "",
  });
  const yearField = (name: "firstYear" | "yearCount" | "yearsPerPeriod") =>
    yearsLocked ? <input type="hidden" name={name} value={text(values, name) ?? ""} /> : null;
  return (
    <>
      <ErrorSummary errors={summary} />
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l">{heading}</h1>
      {intro}
      <Form method="post" {...getFormProps(form)} key={form.key}>
        <TextInput
          name="name"
          label="Name of the round"
          labelSize="s"
          hint="For example, London Crime Prevention Fund 2021-25"
          defaultValue={text(values, "name")}
          error={errors.name}
        />
        {yearsLocked ? (
          <>
            {yearField("firstYear")}
            {yearField("yearCount")}
            {yearField("yearsPerPeriod")}
            <p className="govuk-body" data-testid="years-locked">
              The round’s years and periods cannot change now: it already has proposals or allocations.
            </p>
          </>
        ) : (
          <>
            <TextInput
              name="firstYear"
              label="First financial year"
              labelSize="s"
              hint="For example, 2021/22. Financial years run from 1 April to 31 March"
              width={10}
              defaultValue={text(values, "firstYear")}
              error={errors.firstYear}
            />
            <TextInput
              name="yearCount"
              label="Number of financial years"
              labelSize="s"
              inputMode="numeric"
              width={2}
              defaultValue={text(values, "yearCount")}
              error={errors.yearCount}
            />
            <TextInput
              name="yearsPerPeriod"
              label="Years in each funding period"
              labelSize="s"
              hint="A borough sends one proposal per period. LCPF 2017-21 has two periods of 2 years"
              inputMode="numeric"
              width={2}
              defaultValue={text(values, "yearsPerPeriod")}
              error={errors.yearsPerPeriod}
            />
          </>
        )}
        <TextInput
          name="coCommissionedPercent"
          label="Percentage of each allocation for co-commissioned services"
          labelSize="s"
          hint="Enter 0 for a stream without a co-commissioned pot. LCPF 2017-21 uses 30"
          inputMode="numeric"
          width={3}
          suffix="%"
          defaultValue={text(values, "coCommissionedPercent")}
          error={errors.coCommissionedPercent}
        />
        <TextInput
          name="splitFromYear"
          label="First financial year the split applies to"
          labelSize="s"
          hint="For example, 2018/19. Years before it are all direct borough funding. Leave blank for 0%"
          width={10}
          defaultValue={text(values, "splitFromYear")}
          error={errors.splitFromYear}
        />
        <DateInput
          name="proposalDeadline"
          label="Proposal deadline (optional)"
          labelSize="s"
          hint="The last day proposals can reach MOPAC. For example, 23 12 2016"
          defaultValue={date("proposalDeadline")}
          error={dateError(errors, "proposalDeadline")}
        />
        <DateInput
          name="feedbackDeadline"
          label="Target date for MOPAC’s feedback (optional)"
          labelSize="s"
          hint="For example, 23 2 2017"
          defaultValue={date("feedbackDeadline")}
          error={dateError(errors, "feedbackDeadline")}
        />
        <Checkboxes
          name="priorities"
          label="Priorities projects align with"
          labelSize="s"
          hint="Tick all of them to use the standard list"
          items={lists.priorities.map((p) => ({ value: String(p.id), label: p.name }))}
          defaultValue={list(values, "priorities")}
          error={errors.priorities}
          small
        />
        <Checkboxes
          name="measures"
          label="Measures of success projects can name"
          labelSize="s"
          hint="Tick all of them to use the standard list"
          items={lists.measures.map((m) => ({ value: String(m.id), label: `${m.group}: ${m.name}` }))}
          defaultValue={list(values, "measures")}
          error={errors.measures}
          small
        />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
