import * as z from "zod/mini";
import { requiredText, yesNo } from "~/domain/form-fields";
import { LIMITS } from "~/domain/project-fields";
import { defineSection } from "../project-section";

const characters = (limit: number) => new Intl.NumberFormat("en-GB").format(limit);

export const descriptionSection = defineSection({
  id: "description",
  heading: "Description, aims and outcomes",
  reads: { context: [], project: [] },
  schema: () =>
    z.pipe(
      z
        .object({
          description: requiredText(
            "Enter a description of the project",
            LIMITS.description,
            `Description must be ${characters(LIMITS.description)} characters or fewer`,
          ),
          aims: requiredText(
            "Enter the project’s overarching aims",
            LIMITS.aims,
            `Overarching aims must be ${characters(LIMITS.aims)} characters or fewer`,
          ),
          outcomes: requiredText(
            "Enter the project’s SMART performance outcomes",
            LIMITS.outcomes,
            `SMART performance outcomes must be ${characters(LIMITS.outcomes)} characters or fewer`,
          ),
          worksWithOtherAuthorities: yesNo("Choose yes if the project involves working with other local authorities"),
          // Checked below, and only when the answer is yes: text left behind after choosing no is discarded.
          otherAuthorities: z.optional(z.string().check(z.trim())),
        })
        .check(
          z.superRefine(
            (value: { worksWithOtherAuthorities: "yes" | "no"; otherAuthorities?: string | undefined }, ctx) => {
              if (value.worksWithOtherAuthorities !== "yes") return;
              const named = value.otherAuthorities ?? "";
              if (named === "") {
                ctx.addIssue({
                  code: "custom",
                  path: ["otherAuthorities"],
                  message: "Enter which local authorities the project works with",
                });
              } else if (named.length > LIMITS.otherAuthorities) {
                ctx.addIssue({
                  code: "custom",
                  path: ["otherAuthorities"],
                  message: `Local authorities must be ${characters(LIMITS.otherAuthorities)} characters or fewer`,
                });
              }
            },
            {
              // Run even when other fields are wrong, so every problem is listed at once; not when the
              // yes/no answer itself is missing, since then there is nothing to check against.
              when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "worksWithOtherAuthorities"),
            },
          ),
        ),
      z.transform(
        (value: {
          description: string;
          aims: string;
          outcomes: string;
          worksWithOtherAuthorities: "yes" | "no";
          otherAuthorities?: string | undefined;
        }) => ({
          description: value.description,
          aims: value.aims,
          outcomes: value.outcomes,
          worksWithOtherAuthorities: value.worksWithOtherAuthorities === "yes",
          otherAuthorities: value.worksWithOtherAuthorities === "yes" ? (value.otherAuthorities ?? null) : null,
        }),
      ),
    ),
  defaults: (project) => ({
    description: project.description ?? undefined,
    aims: project.aims ?? undefined,
    outcomes: project.outcomes ?? undefined,
    worksWithOtherAuthorities:
      project.works_with_other_authorities === null
        ? undefined
        : project.works_with_other_authorities === 1
          ? "yes"
          : "no",
    otherAuthorities: project.other_authorities ?? undefined,
  }),
  toChanges: (value) => ({
    columns: {
      description: value.description,
      aims: value.aims,
      outcomes: value.outcomes,
      works_with_other_authorities: value.worksWithOtherAuthorities ? 1 : 0,
      other_authorities: value.otherAuthorities,
    },
  }),
  fieldOrder: () => ["description", "aims", "outcomes", "worksWithOtherAuthorities", "otherAuthorities"],
});
