import * as z from "zod/mini";
import { checkbox, optionalMoney, optionalText } from "~/domain/form-fields";
import { formatMoneyForInput } from "~/domain/money";
import { LIMITS } from "~/domain/project-fields";
import { defineSection } from "../project-section";

/** Flat field names, one pair per financial year of the period. */
export const lcpfField = (financialYearId: number) => `lcpf-${financialYearId}`;
export const laCashField = (financialYearId: number) => `laCash-${financialYearId}`;

export const NO_LCPF_SPEND_MESSAGE = "Enter the LCPF spend for at least one year";

/** Reads an amount the schema has already turned into pence. */
function pence(value: Record<string, unknown>, name: string): number {
  const amount = value[name];
  if (typeof amount !== "number") throw new Error(`${name} was not parsed to pence`);
  return amount;
}

export const fundingSection = defineSection({
  id: "funding",
  heading: "LCPF spend and match funding",
  reads: { context: ["years"], project: ["costs"] },
  schema: (ctx) => {
    const amounts: Record<string, ReturnType<typeof optionalMoney>> = {};
    for (const year of ctx.years) {
      amounts[lcpfField(year.financialYearId)] = optionalMoney(`LCPF spend in ${year.label}`);
      amounts[laCashField(year.financialYearId)] = optionalMoney(`Council cash contribution in ${year.label}`);
    }
    const lcpfNames = new Set(ctx.years.map((year) => lcpfField(year.financialYearId)));
    const firstYear = ctx.years[0];
    return z.pipe(
      z
        .object({
          ...amounts,
          laInKind: optionalText(
            LIMITS.inKind,
            `Council in-kind contributions must be ${LIMITS.inKind} characters or fewer`,
          ),
          coCommissioningCandidate: checkbox(),
        })
        .check(
          z.superRefine(
            (value: Record<string, unknown>, refinement) => {
              if (!firstYear) return;
              const anySpend = ctx.years.some((year) => pence(value, lcpfField(year.financialYearId)) > 0);
              if (!anySpend) {
                refinement.addIssue({
                  code: "custom",
                  path: [lcpfField(firstYear.financialYearId)],
                  message: NO_LCPF_SPEND_MESSAGE,
                });
              }
            },
            // Only once every LCPF amount reads: an amount that does not parse has its own message already.
            { when: (payload) => !payload.issues.some((issue) => lcpfNames.has(String(issue.path?.[0]))) },
          ),
        ),
      z.transform(
        (value: Record<string, unknown> & { coCommissioningCandidate: boolean; laInKind?: string | undefined }) => ({
          costs: ctx.years.map((year) => ({
            financialYearId: year.financialYearId,
            lcpfPence: pence(value, lcpfField(year.financialYearId)),
            laCashPence: pence(value, laCashField(year.financialYearId)),
          })),
          laInKind: typeof value.laInKind === "string" && value.laInKind !== "" ? value.laInKind : null,
          coCommissioningCandidate: value.coCommissioningCandidate === true,
        }),
      ),
    );
  },
  defaults: (project, ctx) => {
    const values: Record<string, string | undefined> = {
      laInKind: project.la_in_kind ?? undefined,
      coCommissioningCandidate: project.co_commissioning_candidate === 1 ? "yes" : undefined,
    };
    for (const year of ctx.years) {
      const cost = project.costs.find((c) => c.financialYearId === year.financialYearId);
      // A saved £0 shows as blank, which the form reads back as £0.
      values[lcpfField(year.financialYearId)] =
        cost && cost.lcpfPence > 0 ? formatMoneyForInput(cost.lcpfPence) : undefined;
      values[laCashField(year.financialYearId)] =
        cost && cost.laCashPence > 0 ? formatMoneyForInput(cost.laCashPence) : undefined;
    }
    return values;
  },
  toChanges: (value) => ({
    columns: {
      la_in_kind: value.laInKind,
      co_commissioning_candidate: value.coCommissioningCandidate ? 1 : 0,
    },
    costs: value.costs,
  }),
  fieldOrder: (ctx) => [
    ...ctx.years.map((year) => lcpfField(year.financialYearId)),
    ...ctx.years.map((year) => laCashField(year.financialYearId)),
    "laInKind",
    "coCommissioningCandidate",
  ],
});
