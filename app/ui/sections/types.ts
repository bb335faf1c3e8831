import type { FormMetadata } from "@conform-to/react";
import type { ProposalYearFigures } from "~/domain/proposal-checks";
import type { FormShape } from "../use-govuk-form";
import type { FormValues, ProjectData, SectionContext } from "~/forms/project-section";

/** What every section's form component receives. Inputs are uncontrolled, filled from `values`. */
export type SectionFormProps = {
  values: FormValues;
  errors: Record<string, string[] | undefined>;
  ctx: SectionContext;
  /** The project's saved costs, for the funding form's totals (null on a new project). */
  project: Pick<ProjectData, "costs"> | null;
  /** The proposal's figures for each year as last saved, for live totals as the officer types. */
  years: ProposalYearFigures[];
  /** Conform's form, for sections with lists: it keys each row, so a removed row takes its inputs with it. */
  form?: FormMetadata<FormShape> | undefined;
};

export { list, text } from "../use-govuk-form";
