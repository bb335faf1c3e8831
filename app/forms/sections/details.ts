import * as z from "zod/mini";
import { requiredText } from "~/domain/form-fields";
import { LIMITS, MAX_CATEGORIES, MIN_CATEGORIES, PROJECT_CATEGORIES } from "~/domain/project-fields";
import { defineSection } from "../project-section";

const categoryValues = PROJECT_CATEGORIES.map((c) => c.value) as [string, ...string[]];

export const detailsSection = defineSection({
  id: "details",
  heading: "Title, priorities and categories",
  reads: { context: ["priorities"], project: ["categories"] },
  schema: (ctx) =>
    z
      .object({
        title: requiredText(
          "Enter the project’s title",
          LIMITS.title,
          `Title must be ${LIMITS.title} characters or fewer`,
        ),
        primaryPriority: z.coerce
          .number({ error: "Choose the Police and Crime Plan priority the project mainly serves" })
          .check(
            z.refine((id: number) => ctx.priorities.some((p) => p.id === id), "Choose one of the five priorities"),
          ),
        secondaryPriority: z.optional(
          z.coerce
            .number()
            .check(
              z.refine((id: number) => ctx.priorities.some((p) => p.id === id), "Choose one of the five priorities"),
            ),
        ),
        categories: z
          .array(z.enum(categoryValues, { error: "Choose categories from the list" }), {
            error: `Choose between ${MIN_CATEGORIES} and ${MAX_CATEGORIES} categories`,
          })
          .check(
            z.minLength(MIN_CATEGORIES, `Choose between ${MIN_CATEGORIES} and ${MAX_CATEGORIES} categories`),
            z.maxLength(MAX_CATEGORIES, `Choose no more than ${MAX_CATEGORIES} categories`),
          ),
      })
      .check(
        z.refine(
          (value: { primaryPriority: number; secondaryPriority?: number | undefined }) =>
            value.secondaryPriority === undefined || value.secondaryPriority !== value.primaryPriority,
          {
            path: ["secondaryPriority"],
            message: "The secondary priority must be different from the primary priority",
          },
        ),
      ),
  defaults: (project) => ({
    title: project.title,
    primaryPriority: project.primary_priority_id?.toString(),
    secondaryPriority: project.secondary_priority_id?.toString(),
    categories: project.categories,
  }),
  toChanges: (value) => ({
    columns: {
      title: value.title,
      primary_priority_id: value.primaryPriority,
      secondary_priority_id: value.secondaryPriority ?? null,
    },
    categories: value.categories,
  }),
  fieldOrder: () => ["title", "primaryPriority", "secondaryPriority", "categories"],
});
