import type { HTMLAttributes } from "react";
import { cx, describedBy, ErrorMessage, firstError, Hint, Label, type FieldProps } from "~/ui/parts";

/** Fixed widths (in characters) and fluid widths GOV.UK offers for text inputs. */
export type InputWidth =
  2 | 3 | 4 | 5 | 10 | 20 | 30 | "full" | "three-quarters" | "two-thirds" | "one-half" | "one-third" | "one-quarter";

export function inputWidthClass(width: InputWidth | undefined): string | undefined {
  if (width === undefined) return undefined;
  return typeof width === "number" ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

export interface TextInputProps extends FieldProps {
  type?: "text" | "email" | "tel" | "url" | "search" | "password";
  autoComplete?: string;
  spellCheck?: boolean;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  width?: InputWidth;
  /** Shown before/after the field and hidden from screen readers, as GOV.UK does: say the unit in the label. */
  prefix?: string;
  suffix?: string;
  defaultValue?: string;
  /** Controlled use, when a page needs the value as it is typed; pair with onChange. */
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  className?: string;
}

export function TextInput({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  type = "text",
  autoComplete,
  spellCheck,
  inputMode,
  width,
  prefix,
  suffix,
  defaultValue,
  value,
  onChange,
  disabled,
  className,
}: TextInputProps) {
  const message = firstError(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;

  const input = (
    <input
      className={cx("govuk-input", inputWidthClass(width), className, message && "govuk-input--error")}
      id={id}
      name={name}
      type={type}
      spellCheck={spellCheck}
      {...(value === undefined ? { defaultValue } : { value })}
      onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
      disabled={disabled}
      aria-describedby={describedBy(hintId, errorId)}
      autoComplete={autoComplete}
      inputMode={inputMode}
    />
  );

  return (
    <div className={cx("govuk-form-group", message && "govuk-form-group--error")}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {message ? <ErrorMessage id={errorId}>{message}</ErrorMessage> : null}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

export type MoneyInputProps = Omit<TextInputProps, "type" | "prefix" | "inputMode" | "spellCheck">;

/**
 * An amount in pounds. The value stays text ("£40,000", "40000.50"): the server parses it
 * to pence and owns the error message, so nothing here rounds or reformats what was typed.
 */
export function MoneyInput({ width = 10, ...props }: MoneyInputProps) {
  return <TextInput {...props} width={width} type="text" prefix="£" inputMode="decimal" spellCheck={false} />;
}
