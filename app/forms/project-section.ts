import type * as z from "zod/mini";
import type { ProjectChanges, ProjectRecord } from "~/data/projects.server";
import type { ProjectSectionId } from "~/domain/project-sections";

/** What a section's form needs to know beyond the project: the period's years and the reference lists. */
export type SectionContext = {
  years: { financialYearId: number; label: string }[];
  priorities: { id: number; name: string }[];
  measures: { id: number; name: string; group: string; mandatory: boolean }[];
};

/** The project as the loader sends it to the page (JSON, so no class instances). */
export type ProjectData = ProjectRecord;

/** Flat form values: every field of our forms has a flat name (e.g. `lcpf-12`), never nested. */
export type FormValues = Record<string, string | string[] | undefined>;

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
}

export function defineSection<Schema extends z.core.$ZodType>(definition: SectionDefinition<Schema>): SectionDefinition<Schema> {
  return definition;
}
