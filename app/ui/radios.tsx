import type { ReactNode } from "react";
import { Fieldset } from "~/ui/fieldset";
import { cx, describedBy, ErrorMessage, firstError, Hint, type FieldProps } from "~/ui/parts";

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

/**
 * GOV.UK's item ids: the first is the field id itself, so an error summary link to `#id`
 * lands on the first option; the rest are numbered from 2.
 */
export function choiceItemId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

export interface RadiosProps extends FieldProps {
  items: readonly ChoiceItem[];
  /** The label is rendered as the fieldset's legend. */
  defaultValue?: string | undefined;
  inline?: boolean;
  small?: boolean;
  onChange?: (value: string) => void;
  className?: string;
}

export function Radios({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  items,
  defaultValue,
  inline,
  small,
  onChange,
  className,
}: RadiosProps) {
  const message = firstError(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;

  return (
    <div className={cx("govuk-form-group", message && "govuk-form-group--error")}>
      <Fieldset
        legend={label}
        legendSize={labelSize}
        isPageHeading={isPageHeading}
        describedBy={describedBy(hintId, errorId)}
      >
        {hint ? <Hint id={hintId}>{hint}</Hint> : null}
        {message ? <ErrorMessage id={errorId}>{message}</ErrorMessage> : null}
        <div className={cx("govuk-radios", inline && "govuk-radios--inline", small && "govuk-radios--small", className)}>
          {items.map((item, index) => {
            const itemId = choiceItemId(id, index);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div className="govuk-radios__item" key={item.value}>
                <input
                  className="govuk-radios__input"
                  id={itemId}
                  name={name}
                  type="radio"
                  value={item.value}
                  defaultChecked={defaultValue !== undefined && item.value === defaultValue}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                  onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <Hint id={itemHintId} className="govuk-radios__hint">
                    {item.hint}
                  </Hint>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

