import type * as z from "zod/mini";
import type { ProjectChanges, ProjectPart, ProjectRecord } from "~/data/projects.server";
import type { ProjectSectionId } from "~/domain/project-sections";
import type { FormShape } from "~/ui/use-govuk-form";

/** What a section's form needs to know beyond the project: the period's years and the reference lists. */
export type SectionContext = {
  years: { financialYearId: number; label: string }[];
  priorities: { id: number; name: string }[];
  measures: { id: number; name: string; group: string; mandatory: boolean }[];
  /** The local priorities of the proposal's boroughs (every member's, for a joint proposal); absent means none. */
  localPriorities?: { id: number; name: string; boroughName: string }[];
};

/** A list of the section context, each read by a query of its own. */
export type SectionContextList = "years" | "priorities" | "measures" | "localPriorities";

/** The project as the loader sends it to the page (JSON, so no class instances). */
export type ProjectData = ProjectRecord;

/**
 * A form's values by field name: text, ticked boxes, and for the lists (partners, organisations) an
 * item per row, which conform posts as `partners[0].name`.
 */
export type FormValues = FormShape;

/**
 * One short page of the project form. The same schema validates on the server and, with JavaScript,
 * in the browser; `defaults` fills the form from the saved project; `toChanges` says what to save.
 */
export interface SectionDefinition<Schema extends z.core.$ZodType = z.core.$ZodType> {
  id: ProjectSectionId;
  /** The page's h1. */
  heading: string;
  schema: (ctx: SectionContext) => Schema;
  defaults: (project: ProjectData, ctx: SectionContext) => FormValues;
  toChanges: (value: z.output<Schema>, ctx: SectionContext) => ProjectChanges;
  /** Field names in page order, so the error summary lists problems in the order they appear. */
  fieldOrder: (ctx: SectionContext) => string[];
  /**
   * What the section's schema, defaults, form and conflict view read, so that its page loads only
   * that: the lists of the context and the parts of the project. Anything else comes empty.
   */
  reads: { context: readonly SectionContextList[]; project: readonly ProjectPart[] };
}

export function defineSection<Schema extends z.core.$ZodType>(
  definition: SectionDefinition<Schema>,
): SectionDefinition<Schema> {
  return definition;
}

/**
 * Values with every list item spelled out by its posted name (`partners[0].name`), as the conflict view
 * compares and shows them field by field.
 */
export function flatValues(values: FormValues): Record<string, string | string[] | undefined> {
  const flat: Record<string, string | string[] | undefined> = {};
  const visit = (value: FormValues[string], name: string) => {
    if (value === undefined || typeof value === "string") {
      flat[name] = value;
    } else if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
      flat[name] = value as string[];
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${name}[${index}]`));
    } else {
      for (const [key, inner] of Object.entries(value)) visit(inner, `${name}.${key}`);
    }
  };
  for (const [name, value] of Object.entries(values)) visit(value, name);
  return flat;
}
