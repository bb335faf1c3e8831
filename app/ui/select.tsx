import { cx, describedBy, ErrorMessage, firstError, Hint, Label, type FieldProps } from "~/ui/parts";

export interface SelectItem {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps extends FieldProps {
  items: readonly SelectItem[];
  defaultValue?: string | undefined;
  onChange?: (value: string) => void;
  disabled?: boolean;
  className?: string;
}

export function Select({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  items,
  defaultValue,
  onChange,
  disabled,
  className,
}: SelectProps) {
  const message = firstError(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;

  return (
    <div className={cx("govuk-form-group", message && "govuk-form-group--error")}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {message ? <ErrorMessage id={errorId}>{message}</ErrorMessage> : null}
      <select
        className={cx("govuk-select", className, message && "govuk-select--error")}
        id={id}
        name={name}
        disabled={disabled}
        aria-describedby={describedBy(hintId, errorId)}
        defaultValue={defaultValue}
        onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
      >
        {items.map((item) => (
          <option key={item.value} value={item.value} disabled={item.disabled}>
            {item.text}
          </option>
        ))}
      </select>
    </div>
  );
}
