import type { ReactNode } from "react";
import { cx, Legend, type TextSize } from "~/ui/parts";

export interface FieldsetProps {
  legend: ReactNode;
  legendSize?: TextSize;
  isPageHeading?: boolean;
  /** Ids of hint or error text that describe the whole group. */
  describedBy?: string;
  /** "group" for text inputs (date parts), so JAWS reads the description; not for radios or checkboxes. */
  role?: "group";
  className?: string;
  children: ReactNode;
}

export function Fieldset({ legend, legendSize, isPageHeading, describedBy, role, className, children }: FieldsetProps) {
  return (
    <fieldset className={cx("govuk-fieldset", className)} role={role} aria-describedby={describedBy}>
      <Legend size={legendSize} isPageHeading={isPageHeading}>
        {legend}
      </Legend>
      {children}
    </fieldset>
  );
}
