import { Fieldset } from "~/ui/fieldset";
import { cx, describedBy, ErrorMessage, firstError, Hint, type FieldProps } from "~/ui/parts";

export type DatePart = "day" | "month" | "year";

export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

export interface DateInputProps extends FieldProps {
  /** What was typed (or the stored date split up), as text: the server parses and validates it. */
  defaultValue?: DateParts | undefined;
  /** The parts to highlight; all three when there is an error and this is not given. */
  errorParts?: readonly DatePart[];
}

const parts: readonly { part: DatePart; suffix: "Day" | "Month" | "Year"; label: string; width: 2 | 4 }[] = [
  { part: "day", suffix: "Day", label: "Day", width: 2 },
  { part: "month", suffix: "Month", label: "Month", width: 2 },
  { part: "year", suffix: "Year", label: "Year", width: 4 },
];

export const defaultDateHint = "For example, 7 2 2017";

/**
 * The three boxes post as `${name}Day`, `${name}Month` and `${name}Year`, and each box's id is
 * its name's counterpart (`${id}Day`...), so an error summary for the whole date links to `#${id}Day`.
 */
export function dateInputPartId(id: string, part: DatePart): string {
  return `${id}${part === "day" ? "Day" : part === "month" ? "Month" : "Year"}`;
}

export function DateInput({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint = defaultDateHint,
  error,
  defaultValue,
  errorParts,
}: DateInputProps) {
  const message = firstError(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const highlighted = message ? (errorParts ?? ["day", "month", "year"]) : [];

  return (
    <div className={cx("govuk-form-group", message && "govuk-form-group--error")}>
      {/* role="group" so JAWS reads the hint for a set of text boxes, as GOV.UK Frontend does. */}
      <Fieldset
        legend={label}
        legendSize={labelSize}
        isPageHeading={isPageHeading}
        role="group"
        describedBy={describedBy(hintId, errorId)}
      >
        {hint ? <Hint id={hintId}>{hint}</Hint> : null}
        {message ? <ErrorMessage id={errorId}>{message}</ErrorMessage> : null}
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, suffix, label: partLabel, width }) => {
            const partId = dateInputPartId(id, part);
            return (
              <div className="govuk-date-input__item" key={part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
                    {partLabel}
                  </label>
                  <input
                    className={cx(
                      "govuk-input govuk-date-input__input",
                      highlighted.includes(part) && "govuk-input--error",
                      `govuk-input--width-${width}`,
                    )}
                    id={partId}
                    name={`${name}${suffix}`}
                    type="text"
                    inputMode="numeric"
                    defaultValue={defaultValue?.[part]}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
