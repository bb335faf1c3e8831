import { parseWithZod } from "@conform-to/zod/v4";
import { expect } from "vitest";
import type { z } from "zod";
import type { ProjectRecord } from "~/data/projects.server";
import type { SectionContext } from "~/forms/project-section";
import type { FormShape as FormValues } from "~/ui/use-govuk-form";

/** Only what the parse helpers use of a section, so a test can pass any `SectionDefinition`. */
type SectionWithSchema<Schema extends z.core.$ZodType> = { schema: (ctx: SectionContext) => Schema };

/** Period 1 of LCPF 2017-21 (2017/18 and 2018/19) and one priority; a file that needs more passes it in. */
export function sectionContext(overrides: Partial<SectionContext> = {}): SectionContext {
  return {
    years: [
      { financialYearId: 1, label: "2017/18" },
      { financialYearId: 2, label: "2018/19" },
    ],
    priorities: [{ id: 1, name: "Neighbourhood Policing" }],
    measures: [],
    ...overrides,
  };
}

export const ctx: SectionContext = sectionContext();

/** A saved project with nothing answered beyond its title and primary priority. */
export function project(overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    id: 7,
    proposal_id: 3,
    title: "Victim Support Project Worker",
    primary_priority_id: 1,
    secondary_priority_id: null,
    description: null,
    aims: null,
    outcomes: null,
    works_with_other_authorities: null,
    other_authorities: null,
    la_in_kind: null,
    delivery_type: null,
    provider: null,
    service_total_cost_pence: null,
    co_commissioning_candidate: 0,
    procurement_completed_on: null,
    start_on: null,
    completion_on: null,
    evaluation_completed_on: null,
    planning_permission_on: null,
    position: 1,
    version: 1,
    updated_by: null,
    created_at: "2016-12-01T09:00:00.000Z",
    updated_at: "2016-12-01T09:00:00.000Z",
    costs: [],
    categories: [],
    measureIds: [],
    localPriorityIds: [],
    localPriorities: [],
    contributors: [],
    ...overrides,
  };
}

/**
 * A browser post: list values become repeated fields (ticked checkboxes), list items become conform's
 * names (`partners[0].name`), undefined ones are left out.
 */
export function formData(values: FormValues): FormData {
  const data = new FormData();
  const add = (name: string, value: FormValues[string]) => {
    if (value === undefined) return;
    if (typeof value === "string") return data.append(name, value);
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        typeof item === "string" ? data.append(name, item) : addAll(item, `${name}[${index}].`),
      );
      return;
    }
    addAll(value, `${name}.`);
  };
  const addAll = (group: FormValues, prefix: string) => {
    for (const [name, value] of Object.entries(group)) add(`${prefix}${name}`, value);
  };
  addAll(values, "");
  return data;
}

/** Parses a post the way the section's route does, with the schema built for `sectionCtx`. */
export function parseSection<Schema extends z.core.$ZodType>(
  section: SectionWithSchema<Schema>,
  values: FormValues,
  sectionCtx: SectionContext,
) {
  return parseWithZod(formData(values), { schema: section.schema(sectionCtx) });
}

/** The field errors of a post the schema must refuse. */
export function errorsOf<Schema extends z.core.$ZodType>(
  section: SectionWithSchema<Schema>,
  values: FormValues,
  sectionCtx: SectionContext,
) {
  const submission = parseSection(section, values, sectionCtx);
  if (submission.status === "success") throw new Error("expected errors, but the form was accepted");
  expect(submission.status).toBe("error");
  return submission.error ?? {};
}

/** `parse` and `errorsOf` bound to one section and context, so a test reads `parse({ ... })`. */
export function sectionHelpers<Schema extends z.core.$ZodType>(
  section: SectionWithSchema<Schema>,
  sectionCtx: SectionContext,
) {
  return {
    parse: (values: FormValues) => parseSection(section, values, sectionCtx),
    errorsOf: (values: FormValues) => errorsOf(section, values, sectionCtx),
  };
}
