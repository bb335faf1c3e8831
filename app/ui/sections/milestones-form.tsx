import { fieldLabel, MILESTONES } from "~/domain/project-fields";
import { COMPLETION_BEFORE_START, EVALUATION_BEFORE_START } from "~/forms/sections/milestones";
import { DateInput, type DatePart } from "../date-input";
import { firstError } from "../parts";
import { text, type SectionFormProps } from "./types";

const PARTS: readonly { part: DatePart; suffix: "Day" | "Month" | "Year" }[] = [
  { part: "day", suffix: "Day" },
  { part: "month", suffix: "Month" },
  { part: "year", suffix: "Year" },
];

/**
 * The date's message and the boxes to highlight. Errors sit on the part to fix, and only that box is
 * highlighted; a blank or out-of-order date is wrong as a whole, so all three are (GOV.UK).
 */
export function milestoneError(
  errors: SectionFormProps["errors"],
  field: string,
): { message: string; errorParts: DatePart[] } | undefined {
  for (const { part, suffix } of PARTS) {
    const message = firstError(errors[`${field}${suffix}`]);
    if (message === undefined) continue;
    const whole =
      message.startsWith("Enter the date") ||
      message === COMPLETION_BEFORE_START ||
      message === EVALUATION_BEFORE_START;
    return { message, errorParts: whole ? PARTS.map((p) => p.part) : [part] };
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
