import type { ReactNode } from "react";
import { cx } from "~/ui/parts";

export interface PanelProps {
  title: ReactNode;
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  children?: ReactNode;
}

/** The confirmation panel, for the page after something is done (e.g. a proposal sent). */
export function Panel({ title, headingLevel = 1, children }: PanelProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <Heading className="govuk-panel__title">{title}</Heading>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}

export function InsetText({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  return (
    <div id={id} className={cx("govuk-inset-text", className)}>
      {children}
    </div>
  );
}

export interface WarningTextProps {
  /** Read out in place of the "!" icon. */
  iconFallbackText?: string;
  children: ReactNode;
}

export function WarningText({ iconFallbackText = "Warning", children }: WarningTextProps) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span> {children}
      </strong>
    </div>
  );
}

export interface DetailsProps {
  summary: ReactNode;
  open?: boolean;
  id?: string;
  children: ReactNode;
}

/** Native details/summary: opens and closes without any script. */
export function Details({ summary, open, id, children }: DetailsProps) {
  return (
    <details id={id} className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
