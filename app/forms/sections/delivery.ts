import * as z from "zod/mini";
import { money, requiredText } from "~/domain/form-fields";
import { formatMoneyForInput } from "~/domain/money";
import { DELIVERY_TYPES, fieldLabel, LIMITS, type DeliveryTypeValue } from "~/domain/project-fields";
import { defineSection } from "../project-section";

const deliveryTypeValues = DELIVERY_TYPES.map((d) => d.value) as [DeliveryTypeValue, ...DeliveryTypeValue[]];

export const SERVICE_TOTAL_COST_LABEL = fieldLabel("serviceTotalCost");
const SERVICE_TOTAL_COST_MISSING = "Enter the total cost of the whole service the project contributes to";
const serviceTotalCost = money(SERVICE_TOTAL_COST_LABEL);

export const deliverySection = defineSection({
  id: "delivery",
  heading: "How it is delivered",
  reads: { context: [], project: [] },
  schema: () =>
    z.pipe(
      z
        .object({
          deliveryType: z.enum(deliveryTypeValues, { error: "Choose how the project is delivered" }),
          provider: requiredText(
            "Enter who provides the project",
            LIMITS.provider,
            `Provider must be ${LIMITS.provider} characters or fewer`,
          ),
          // Checked below, and only for a contribution: the field is revealed only for that answer, so
          // whatever is left in it after choosing another answer is discarded rather than refused.
          serviceTotalCost: z.optional(z.string()),
        })
        .check(
          z.superRefine(
            (value: { serviceTotalCost?: string | undefined }, ctx) => {
              if (value.serviceTotalCost === undefined) {
                ctx.addIssue({ code: "custom", path: ["serviceTotalCost"], message: SERVICE_TOTAL_COST_MISSING });
                return;
              }
              const parsed = z.safeParse(serviceTotalCost, value.serviceTotalCost);
              for (const issue of parsed.error?.issues ?? []) {
                ctx.addIssue({ code: "custom", path: ["serviceTotalCost"], message: issue.message });
              }
            },
            {
              // Runs even when another field is wrong, so every problem shows on the first submission.
              when: ({ value }) => (value as { deliveryType?: unknown }).deliveryType === "contribution",
            },
          ),
        ),
      z.transform(
        ({
          deliveryType,
          provider,
          serviceTotalCost: cost,
        }: {
          deliveryType: DeliveryTypeValue;
          provider: string;
          serviceTotalCost?: string | undefined;
        }) => ({
          deliveryType,
          provider,
          serviceTotalCost:
            deliveryType === "contribution" && cost !== undefined ? z.parse(serviceTotalCost, cost) : undefined,
        }),
      ),
    ),
  defaults: (project) => ({
    deliveryType: project.delivery_type ?? undefined,
    provider: project.provider ?? undefined,
    serviceTotalCost:
      project.service_total_cost_pence === null ? undefined : formatMoneyForInput(project.service_total_cost_pence),
  }),
  toChanges: (value) => ({
    columns: {
      delivery_type: value.deliveryType,
      provider: value.provider,
      // Only a contribution has a whole service whose cost matters.
      service_total_cost_pence: value.deliveryType === "contribution" ? (value.serviceTotalCost ?? null) : null,
    },
  }),
  fieldOrder: () => ["deliveryType", "provider", "serviceTotalCost"],
});
