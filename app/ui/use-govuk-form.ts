import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { errorSummaryItems } from "./form-errors";

export type FlatValues = Record<string, string | string[] | undefined>;

/**
 * Conform the way every form of ours uses it: one schema in the browser and on the server, saved values
 * to start from, what was typed after a refused save, and errors ready for the GOV.UK error summary.
 */
export function useGovukForm({
  schema,
  fieldOrder,
  defaults,
  lastResult,
}: {
  schema: z.core.$ZodType;
  fieldOrder: readonly string[];
  defaults: FlatValues;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form] = useForm({
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const values = (form.initialValue ?? defaults) as FlatValues;
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const summary = errorSummaryItems(errors, fieldOrder);
  return { form, values, errors, summary };
}

/** A single value of a flat form, as the text an input shows. */
export const text = (values: FlatValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
};

/** The values of a checkbox group, always as a list. */
export const list = (values: FlatValues, name: string): string[] => {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
