import type { SubmissionResult } from "@conform-to/react";
import { useMemo } from "react";
import * as z from "zod/mini";
import type { FormValues, SectionContext, SectionDefinition } from "~/forms/project-section";
import { useGovukForm } from "../use-govuk-form";

/** A project section's form: its schema and field order come from the section's definition. */
export function useSectionForm(
  definition: SectionDefinition,
  ctx: SectionContext,
  defaults: FormValues,
  lastResult: SubmissionResult<string[]> | undefined,
) {
  // Only the browser validates with the schema (on submit and as the officer types), so it is built
  // the first time it is used: a server render never pays for building it.
  const schema = useMemo(() => z.lazy(() => definition.schema(ctx)), [definition, ctx]);
  return useGovukForm({ schema, fieldOrder: definition.fieldOrder(ctx), defaults, lastResult });
}
