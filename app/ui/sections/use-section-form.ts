import type { SubmissionResult } from "@conform-to/react";
import type { FormValues, SectionContext, SectionDefinition } from "~/forms/project-section";
import { useGovukForm } from "../use-govuk-form";

/** A project section's form: its schema and field order come from the section's definition. */
export function useSectionForm(
  definition: SectionDefinition,
  ctx: SectionContext,
  defaults: FormValues,
  lastResult: SubmissionResult<string[]> | undefined,
) {
  return useGovukForm({ schema: definition.schema(ctx), fieldOrder: definition.fieldOrder(ctx), defaults, lastResult });
}
