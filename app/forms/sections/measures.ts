import * as z from "zod/mini";
import { addIssue } from "~/domain/form-fields";
import { defineSection, type SectionContext } from "../project-section";

const NONE_CHOSEN = "Choose at least one measure of success the project contributes to";

/** The measures in their groups, groups in the order their first measure comes in the list. */
export function measureGroups(measures: SectionContext["measures"]) {
  const groups: { name: string; measures: SectionContext["measures"] }[] = [];
  for (const measure of measures) {
    const group = groups.find((g) => g.name === measure.group);
    if (group) group.measures.push(measure);
    else groups.push({ name: measure.group, measures: [measure] });
  }
  return groups;
}

export const measuresSection = defineSection({
  id: "measures",
  heading: "Measures of success",
  reads: { context: ["measures", "localPriorities"], project: ["measures", "localPriorities"] },
  schema: (ctx) =>
    z.object({
      // Elements are left unchecked here so that any problem is reported on `measures` itself, the
      // field the page and its error summary link know, never on `measures[3]`.
      measures: z.pipe(
        z.array(z.unknown(), { error: NONE_CHOSEN }).check(z.minLength(1, NONE_CHOSEN)),
        z.transform((chosen: unknown[], issueCtx) => {
          const ids: number[] = [];
          for (const value of chosen) {
            const measure = ctx.measures.find((m) => String(m.id) === value);
            if (!measure) {
              addIssue(issueCtx, "Choose measures from the list");
              return z.NEVER;
            }
            if (!ids.includes(measure.id)) ids.push(measure.id);
          }
          return ids;
        }),
      ),
      // The borough's local priorities (two to four, agreed with MOPAC, the council and the police): optional.
      localPriorities: z.pipe(
        z.optional(z.array(z.unknown())),
        z.transform((chosen: unknown[] | undefined, issueCtx) => {
          const ids: number[] = [];
          for (const value of chosen ?? []) {
            const priority = (ctx.localPriorities ?? []).find((p) => String(p.id) === value);
            if (!priority) {
              addIssue(issueCtx, "Choose local priorities from the list");
              return z.NEVER;
            }
            if (!ids.includes(priority.id)) ids.push(priority.id);
          }
          return ids;
        }),
      ),
    }),
  defaults: (project) => ({
    measures: project.measureIds.map(String),
    // Revisions saved before local priorities existed have none.
    localPriorities: (project.localPriorityIds ?? []).map(String),
  }),
  toChanges: (value) => ({ measureIds: value.measures, localPriorityIds: value.localPriorities }),
  fieldOrder: () => ["measures", "localPriorities"],
});
