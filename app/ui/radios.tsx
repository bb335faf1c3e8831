import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import { Fieldset } from "~/ui/fieldset";
import { cx, describedBy, ErrorMessage, firstError, Hint, type FieldProps } from "~/ui/parts";

export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A radio may reveal a follow-up question beneath it when chosen (GOV.UK's "conditional reveal"). */
export interface RadioItem extends ChoiceItem {
  conditional?: ReactNode;
}

/**
 * GOV.UK's item ids: the first is the field id itself, so an error summary link to `#id`
 * lands on the first option; the rest are numbered from 2.
 */
export function choiceItemId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

export interface RadiosProps extends FieldProps {
  items: readonly RadioItem[];
  /** The label is rendered as the fieldset's legend. */
  defaultValue?: string | undefined;
  inline?: boolean;
  small?: boolean;
  onChange?: (value: string) => void;
  className?: string;
}

/**
 * GOV.UK's stylesheet hides collapsed reveals only under this class on the body, which its own page
 * template sets with an inline script; we cannot (the CSP allows only nonced scripts), so the first
 * enhanced component sets it. Adding a class twice is harmless.
 */
export function markGovukFrontendSupported(): void {
  document.body.classList.add("govuk-frontend-supported");
}

/** The value of the radio now checked in this group, as the browser has it. */
function checkedValue(group: HTMLElement | null): string | undefined {
  const checked = group?.querySelector<HTMLInputElement>("input.govuk-radios__input:checked");
  return checked?.value;
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
  const hasConditionals = items.some((item) => item.conditional !== undefined && item.conditional !== null);

  const group = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(defaultValue);
  // Reveals collapse only once React runs in the browser: without JavaScript every follow-up question
  // stays on the page, and the server's markup and the first render in the browser are the same.
  const [enhanced, setEnhanced] = useState(false);

  useEffect(() => {
    if (!hasConditionals) return;
    markGovukFrontendSupported();
    // The browser may have restored a choice (back button), or the person clicked before hydration.
    const sync = () => setSelected(checkedValue(group.current));
    sync();
    setEnhanced(true);
    // As GOV.UK Frontend does: a page restored from the back-forward cache may show another choice.
    window.addEventListener("pageshow", sync);
    // A form reset puts back the default choice without a change event; read it once it has happened.
    const form = group.current?.closest("form");
    const afterReset = () => setTimeout(sync);
    form?.addEventListener("reset", afterReset);
    return () => {
      window.removeEventListener("pageshow", sync);
      form?.removeEventListener("reset", afterReset);
    };
  }, [hasConditionals]);

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
        <div
          ref={group}
          className={cx("govuk-radios", inline && "govuk-radios--inline", small && "govuk-radios--small", className)}
        >
          {items.map((item, index) => {
            const itemId = choiceItemId(id, index);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            const hasConditional = item.conditional !== undefined && item.conditional !== null;
            const conditionalId = hasConditional ? `conditional-${itemId}` : undefined;
            return (
              <Fragment key={item.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={itemId}
                    name={name}
                    type="radio"
                    value={item.value}
                    defaultChecked={defaultValue !== undefined && item.value === defaultValue}
                    disabled={item.disabled}
                    aria-describedby={itemHintId}
                    aria-controls={enhanced ? conditionalId : undefined}
                    onChange={(event) => {
                      setSelected(event.currentTarget.value);
                      onChange?.(event.currentTarget.value);
                    }}
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
                {hasConditional ? (
                  <div
                    className={cx(
                      "govuk-radios__conditional",
                      enhanced && item.value !== selected && "govuk-radios__conditional--hidden",
                    )}
                    id={conditionalId}
                  >
                    {item.conditional}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
