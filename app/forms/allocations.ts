import * as z from "zod/mini";
import { IMPORT_NOTE_LIMIT } from "~/domain/allocation-import";
import { addIssue } from "~/domain/form-fields";
import { parseMoney } from "~/domain/money";

/**
 * The allocations of one financial year for every borough, typed in pounds, and the upload of a CSV file
 * of allocations. Field names carry the borough's id: `amount-12`, `uplift-12`, `note-12`, `indicative-12`.
 */

export const allocationField = (kind: "amount" | "uplift" | "note" | "indicative", boroughId: number) =>
  `${kind}-${boroughId}`;

const MONEY_TEXT_LIMIT = 30;

export type YearAllocationValue = {
  boroughId: number;
  amountPence: number;
  upliftPence: number | null;
  note: string | null;
  indicative: boolean;
};

/**
 * A borough left blank stays without an allocation; one that has an allocation cannot be blanked here
 * (a borough's proposal may depend on it), which the message says.
 */
export function yearAllocationsSchema(boroughs: readonly { id: number; name: string; hasAllocation: boolean }[]) {
  const text = (limit: number, message: string) => z.optional(z.string().check(z.trim(), z.maxLength(limit, message)));
  const shape: Record<string, ReturnType<typeof text>> = {};
  for (const b of boroughs) {
    shape[allocationField("amount", b.id)] = text(MONEY_TEXT_LIMIT, `${b.name}: enter an amount like 40,000`);
    shape[allocationField("uplift", b.id)] = text(MONEY_TEXT_LIMIT, `${b.name}: enter an uplift like 40,000`);
    shape[allocationField("note", b.id)] = text(
      IMPORT_NOTE_LIMIT,
      `${b.name}: the note must be ${IMPORT_NOTE_LIMIT} characters or fewer`,
    );
    shape[allocationField("indicative", b.id)] = text(10, "Reload the page and try again");
  }
  return z.pipe(
    z.object(shape),
    z.transform((value: Record<string, string | undefined>, ctx): YearAllocationValue[] => {
      const rows: YearAllocationValue[] = [];
      for (const b of boroughs) {
        const amountName = allocationField("amount", b.id);
        const upliftName = allocationField("uplift", b.id);
        const amount = value[amountName];
        const uplift = value[upliftName];
        const note = value[allocationField("note", b.id)];
        if (!amount) {
          if (b.hasAllocation)
            addIssue(ctx, `${b.name}: enter an amount (an allocation cannot be removed)`, [amountName]);
          else if (uplift || note) addIssue(ctx, `${b.name}: enter an amount, or leave the row blank`, [amountName]);
          continue;
        }
        const parsed = parseMoney(amount);
        if (!parsed.ok) {
          addIssue(ctx, `${b.name}: ${parsed.message.charAt(0).toLowerCase()}${parsed.message.slice(1)}`, [amountName]);
          continue;
        }
        let upliftPence: number | null = null;
        if (uplift) {
          const parsedUplift = parseMoney(uplift);
          if (!parsedUplift.ok) {
            addIssue(
              ctx,
              `${b.name}’s uplift: ${parsedUplift.message.charAt(0).toLowerCase()}${parsedUplift.message.slice(1)}`,
              [upliftName],
            );
            continue;
          }
          if (parsedUplift.pence > parsed.pence) {
            addIssue(ctx, `${b.name}: the uplift must not be more than the allocation, which includes it`, [
              upliftName,
            ]);
            continue;
          }
          upliftPence = parsedUplift.pence;
        }
        rows.push({
          boroughId: b.id,
          amountPence: parsed.pence,
          upliftPence,
          note: note || null,
          indicative: value[allocationField("indicative", b.id)] === "yes",
        });
      }
      return rows;
    }),
  );
}

/** The largest allocations file accepted: far above 32 boroughs over ten years, and under the request limit. */
export const MAX_IMPORT_FILE_BYTES = 200_000;

export const IMPORT_FIELD_ORDER = ["file"];

/** The upload: one CSV file, checked for being there, being text and its size; its rows are checked after. */
export const importUploadSchema = z.object({
  file: z.pipe(
    z.custom<File>((value) => value instanceof File && value.size > 0, { error: "Choose a CSV file of allocations" }),
    z.transform((file: File, ctx) => {
      if (file.size > MAX_IMPORT_FILE_BYTES) {
        addIssue(ctx, "The file must be smaller than 200 KB");
        return z.NEVER;
      }
      if (!/\.(csv|txt)$/i.test(file.name)) {
        addIssue(ctx, "The file must be a CSV file (ending .csv)");
        return z.NEVER;
      }
      return file;
    }),
  ),
});

export const confirmImportSchema = z.object({
  intent: z.literal("confirm", { error: "Reload the page and try again" }),
});
