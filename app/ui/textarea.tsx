import { useEffect, useRef, useState } from "react";
import { cx, describedBy, ErrorMessage, firstError, Hint, Label, type FieldProps } from "~/ui/parts";

export interface TextareaProps extends FieldProps {
  rows?: number;
  /**
   * Turns the field into a GOV.UK character count. Deliberately not the maxlength attribute:
   * people may paste or type past the limit and fix it; the server enforces it.
   */
  maxLength?: number;
  spellCheck?: boolean;
  autoComplete?: string;
  defaultValue?: string;
  /** Controlled use: the parent owns the text. Leave undefined for an ordinary form field. */
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  className?: string;
}

const numberFormat = new Intl.NumberFormat("en-GB");

const limitTexts = new Map<number, string>();

/** The description people without JavaScript see (and screen readers hear with it). */
export function characterLimitText(maxLength: number): string {
  // Worked out once per limit: a page can have a score of boxes with the same one.
  let text = limitTexts.get(maxLength);
  if (text === undefined) {
    text = `You can enter up to ${numberFormat.format(maxLength)} characters`;
    limitTexts.set(maxLength, text);
  }
  return text;
}

/** GOV.UK Frontend's English count messages. Counts UTF-16 units, as the server's string length does. */
export function characterCountMessage(maxLength: number, length: number): string {
  const remaining = maxLength - length;
  if (remaining === 0) return "You have 0 characters remaining";
  const count = numberFormat.format(Math.abs(remaining));
  const noun = Math.abs(remaining) === 1 ? "character" : "characters";
  return remaining > 0 ? `You have ${count} ${noun} remaining` : `You have ${count} ${noun} too many`;
}

// Screen readers hear the count only once typing pauses, as in GOV.UK Frontend; announcing
// every keystroke would drown out what is being typed.
const announceDelayMs = 1000;

export function Textarea({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  rows = 5,
  maxLength,
  spellCheck,
  autoComplete,
  defaultValue,
  value,
  onChange,
  disabled,
  className,
}: TextareaProps) {
  const message = firstError(error);
  const hasCount = maxLength !== undefined;
  const infoId = hasCount ? `${id}-info` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;

  const textarea = useRef<HTMLTextAreaElement>(null);
  // The live count appears only once React runs in the browser; until then (and without
  // JavaScript) the static "You can enter up to" text stands alone and the markup matches the server's.
  const [enhanced, setEnhanced] = useState(false);
  const [typedLength, setTypedLength] = useState((value ?? defaultValue ?? "").length);
  const [announcedLength, setAnnouncedLength] = useState(typedLength);
  const length = value !== undefined ? value.length : typedLength;

  useEffect(() => {
    if (!hasCount) return;
    // The browser may have restored text (back button) or the person typed before hydration.
    const current = textarea.current?.value.length ?? 0;
    setTypedLength(current);
    setAnnouncedLength(current);
    setEnhanced(true);
  }, [hasCount]);

  useEffect(() => {
    if (!enhanced) return;
    const timer = setTimeout(() => setAnnouncedLength(length), announceDelayMs);
    return () => clearTimeout(timer);
  }, [enhanced, length]);

  const over = hasCount && length > maxLength;

  const field = (
    <textarea
      ref={textarea}
      className={cx(
        "govuk-textarea",
        (message || (enhanced && over)) && "govuk-textarea--error",
        hasCount && "govuk-js-character-count",
        className,
      )}
      id={id}
      name={name}
      rows={rows}
      spellCheck={spellCheck}
      disabled={disabled}
      aria-describedby={describedBy(infoId, hintId, errorId)}
      autoComplete={autoComplete}
      {...(value === undefined ? { defaultValue } : { value })}
      onChange={(event) => {
        setTypedLength(event.currentTarget.value.length);
        onChange?.(event.currentTarget.value);
      }}
    />
  );

  return (
    <div
      className={cx("govuk-form-group", message && "govuk-form-group--error", hasCount && "govuk-character-count")}
      data-maxlength={maxLength}
    >
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {message ? <ErrorMessage id={errorId}>{message}</ErrorMessage> : null}
      {field}
      {hasCount ? (
        <>
          <Hint id={infoId} className={cx("govuk-character-count__message", enhanced && "govuk-visually-hidden")}>
            {characterLimitText(maxLength)}
          </Hint>
          {enhanced ? (
            <>
              <div
                className={cx(
                  "govuk-character-count__message govuk-character-count__status",
                  over ? "govuk-error-message" : "govuk-hint",
                )}
                aria-hidden="true"
              >
                {characterCountMessage(maxLength, length)}
              </div>
              <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
                {characterCountMessage(maxLength, announcedLength)}
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
