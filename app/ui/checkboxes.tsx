import { Fieldset } from "~/ui/fieldset";
import { cx, describedBy, ErrorMessage, firstError, Hint, type FieldProps } from "~/ui/parts";
import { choiceItemId, type ChoiceItem } from "~/ui/radios";

export interface CheckboxesProps extends FieldProps {
  /** Every box shares `name`; the form posts one value per ticked box (formData.getAll(name)). */
  items: readonly ChoiceItem[];
  /** The label is rendered as the fieldset's legend. */
  defaultValue?: readonly string[] | undefined;
  small?: boolean;
  onChange?: (value: string, checked: boolean) => void;
  className?: string;
}

export function Checkboxes({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  items,
  defaultValue,
  small,
  onChange,
  className,
}: CheckboxesProps) {
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
        <div className={cx("govuk-checkboxes", small && "govuk-checkboxes--small", className)}>
          {items.map((item, index) => {
            const itemId = choiceItemId(id, index);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div className="govuk-checkboxes__item" key={item.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={name}
                  type="checkbox"
                  value={item.value}
                  defaultChecked={defaultValue?.includes(item.value) ?? false}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                  onChange={
                    onChange ? (event) => onChange(event.currentTarget.value, event.currentTarget.checked) : undefined
                  }
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <Hint id={itemHintId} className="govuk-checkboxes__hint">
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
