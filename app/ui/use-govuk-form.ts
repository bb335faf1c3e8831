import { useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { errorSummaryItems } from "./form-errors";

export type FlatValues = Record<string, string | string[] | undefined>;

/** What a form holds: text, ticked boxes, and for list fields, items of the same. */
export type FormShape = { [name: string]: string | string[] | FormShape | FormShape[] | undefined };

/**
 * Conform the way every form of ours uses it: one schema in the browser and on the server, saved values
 * to start from, what was typed after a refused save, and errors ready for the GOV.UK error summary.
 */
export function useGovukForm({
  id,
  schema,
  fieldOrder,
  defaults,
  lastResult,
}: {
  /** Needed only where a page has several forms. */
  id?: string;
  schema: z.core.$ZodType;
  fieldOrder: readonly string[];
  /** Flat for most forms; nested where a form holds a list (conform's `name[0].field`). */
  defaults: FormShape;
  lastResult: SubmissionResult<string[]> | undefined | null;
}) {
  const [form, fields] = useForm<FormShape>({
    id,
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as Submission<FormShape>,
  });
  const values = (form.initialValue ?? defaults) as FormShape;
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const summary = errorSummaryItems(errors, fieldOrder);
  return { form, fields, values, errors, summary };
}

/** A single value of a flat form, as the text an input shows. */
export const text = (values: FormShape, name: string): string | undefined => {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
};

/** The values of a checkbox group, always as a list. */
export const list = (values: FormShape, name: string): string[] => {
  const value = values[name];
  if (value === undefined) return [];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
};
