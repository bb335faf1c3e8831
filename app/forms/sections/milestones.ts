import * as z from "zod/mini";
import { addIssue, checkDateParts } from "~/domain/form-fields";
import { MILESTONES } from "~/domain/project-fields";
import { defineSection, type FormValues } from "../project-section";

export type MilestoneField = (typeof MILESTONES)[number]["field"];

const PART_SUFFIXES = ["Day", "Month", "Year"] as const;

const COLUMNS = {
  procurementCompletedOn: "procurement_completed_on",
  startOn: "start_on",
  completionOn: "completion_on",
  evaluationCompletedOn: "evaluation_completed_on",
  planningPermissionOn: "planning_permission_on",
} as const satisfies Record<MilestoneField, string>;

export const COMPLETION_BEFORE_START = "The completion date must be after the start date";
export const EVALUATION_BEFORE_START = "The evaluation completed date must be after the start date";

const partNames = MILESTONES.flatMap((m) => PART_SUFFIXES.map((suffix) => `${m.field}${suffix}`));

type MilestoneDates = Record<MilestoneField, string | null>;

export const milestonesSection = defineSection({
  id: "milestones",
  heading: "Milestones",
  reads: { context: [], project: [] },
  schema: () =>
    z.pipe(
      z.object(
        Object.fromEntries(partNames.map((name) => [name, z.optional(z.string())])) as Record<
          string,
          z.ZodMiniOptional<z.ZodMiniString>
        >,
      ),
      z.transform((parts: Record<string, string | undefined>, ctx): MilestoneDates => {
        const dates = Object.fromEntries(
          MILESTONES.map((m) => [m.field, checkDateParts(parts, m.field, m.label, m.required, ctx)]),
        ) as MilestoneDates;
        // ISO dates compare correctly as text. Each check waits until both of its dates are readable.
        if (dates.startOn && dates.completionOn && dates.completionOn < dates.startOn) {
          addIssue(ctx, COMPLETION_BEFORE_START, ["completionOnDay"]);
        }
        if (dates.startOn && dates.evaluationCompletedOn && dates.evaluationCompletedOn < dates.startOn) {
          addIssue(ctx, EVALUATION_BEFORE_START, ["evaluationCompletedOnDay"]);
        }
        return dates;
      }),
    ),
  defaults: (project) => {
    const values: FormValues = {};
    for (const m of MILESTONES) {
      const saved = project[COLUMNS[m.field]];
      if (!saved) continue;
      const [year, month, day] = saved.slice(0, 10).split("-");
      // People type 1 4 2017, not 01 04 2017; show it back the same way.
      values[`${m.field}Day`] = day === undefined ? undefined : String(Number(day));
      values[`${m.field}Month`] = month === undefined ? undefined : String(Number(month));
      values[`${m.field}Year`] = year;
    }
    return values;
  },
  toChanges: (value) => ({
    columns: Object.fromEntries(MILESTONES.map((m) => [COLUMNS[m.field], value[m.field]])) as Record<
      (typeof COLUMNS)[MilestoneField],
      string | null
    >,
  }),
  fieldOrder: () => partNames,
});
