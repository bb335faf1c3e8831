import { useEffect, useRef, type MouseEvent } from "react";

export interface ErrorSummaryItem {
  /** `#` and the id of the field in error, e.g. "#title". */
  href: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  title?: string;
  /** Focus is moved here on arrival so screen readers announce it; turn off only with reason. */
  autoFocus?: boolean;
}

export function ErrorSummary({ errors, title = "There is a problem", autoFocus = true }: ErrorSummaryProps) {
  const root = useRef<HTMLDivElement>(null);
  // Refocus whenever a new set of errors arrives, not only on first mount: a client-side
  // resubmission re-renders the same component.
  const signature = errors.map((e) => `${e.href}\u0000${e.message}`).join("\u0001");

  useEffect(() => {
    if (autoFocus && signature !== "") root.current?.focus();
  }, [autoFocus, signature]);

  if (errors.length === 0) return null;

  return (
    // The click handler only catches clicks on the links inside (keyboard activation of a link is a
    // click too), to move focus to the field as GOV.UK Frontend does; the container itself is not
    // interactive.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div className="govuk-error-summary" tabIndex={-1} ref={root} onClick={focusTarget}>
      {/* role="alert" sits on a child, as in GOV.UK Frontend, so focusing the root does not
          race the announcement. */}
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, index) => (
              <li key={`${error.href}-${index}`}>
                <a href={error.href}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * With JavaScript, do what GOV.UK Frontend does: bring the field's label or legend into view
 * (a plain jump would hide the question above the top edge) and focus the field. Without it,
 * the link is an ordinary in-page jump.
 */
function focusTarget(event: MouseEvent<HTMLDivElement>) {
  const link = event.target;
  if (!(link instanceof HTMLAnchorElement)) return;
  const inputId = decodeURIComponent(link.hash.replace("#", ""));
  if (inputId === "") return;
  const target = document.getElementById(inputId);
  // A link to a group (a date input's container) goes to its first box.
  const input =
    target && !isFormControl(target)
      ? target.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")
      : target;
  if (!input) return;
  const legendOrLabel = associatedLegendOrLabel(input);
  if (!legendOrLabel) return;
  event.preventDefault();
  legendOrLabel.scrollIntoView();
  input.focus({ preventScroll: true });
}

function associatedLegendOrLabel(input: HTMLElement): HTMLElement | null {
  const legend = input.closest("fieldset")?.querySelector("legend");
  if (legend) {
    if (input instanceof HTMLInputElement && (input.type === "checkbox" || input.type === "radio")) {
      return legend;
    }
    // Prefer the legend only while legend and field fit on screen together.
    const legendTop = legend.getBoundingClientRect().top;
    const inputRect = input.getBoundingClientRect();
    if (inputRect.height && window.innerHeight) {
      if (inputRect.top + inputRect.height - legendTop < window.innerHeight / 2) return legend;
    }
  }
  return document.querySelector<HTMLElement>(`label[for='${CSS.escape(input.id)}']`) ?? input.closest("label");
}

function isFormControl(element: HTMLElement): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement
  );
}
