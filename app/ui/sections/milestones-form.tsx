import { fieldLabel, MILESTONES } from "~/domain/project-fields";
import { DateInput, type DatePart } from "../date-input";
import { firstError } from "../parts";
import { text, type SectionFormProps } from "./types";

const PARTS: readonly { part: DatePart; suffix: "Day" | "Month" | "Year" }[] = [
  { part: "day", suffix: "Day" },
  { part: "month", suffix: "Month" },
  { part: "year", suffix: "Year" },
];

/**
 * The date's message and the boxes to highlight. Errors sit on the part to fix; only a missing part
 * highlights that box alone: a blank, impossible or out-of-order date is wrong as a whole (GOV.UK).
 */
export function milestoneError(
  errors: SectionFormProps["errors"],
  field: string,
): { message: string; errorParts: DatePart[] } | undefined {
  for (const { part, suffix } of PARTS) {
    const message = firstError(errors[`${field}${suffix}`]);
    if (message === undefined) continue;
    const missingPart = message.endsWith(`must include a ${part}`);
    return { message, errorParts: missingPart ? [part] : PARTS.map((p) => p.part) };
  }
  return undefined;
}

export function MilestonesForm({ values, errors }: SectionFormProps) {
  return (
    <>
      {MILESTONES.map((m) => {
        const error = milestoneError(errors, m.field);
        return (
          <DateInput
            key={m.field}
            name={m.field}
            label={m.required ? fieldLabel(m.field) : `${fieldLabel(m.field)} (optional)`}
            labelSize="s"
            hint="For example, 1 4 2017"
            defaultValue={{
              day: text(values, `${m.field}Day`) ?? "",
              month: text(values, `${m.field}Month`) ?? "",
              year: text(values, `${m.field}Year`) ?? "",
            }}
            error={error?.message}
            errorParts={error?.errorParts}
          />
        );
      })}
    </>
  );
}
