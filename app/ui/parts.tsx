import type { KeyboardEventHandler, ReactNode } from "react";
import { Link, useInRouterContext } from "react-router";

/** Heading-like sizes GOV.UK offers for labels, legends and captions. */
export type TextSize = "s" | "m" | "l" | "xl";

/** What every form field takes, so forms read the same everywhere. */
export interface FieldProps {
  name: string;
  /** Defaults to `name`; error summary links point at `#id`. */
  id?: string;
  label: ReactNode;
  labelSize?: TextSize;
  /** Wraps the label (or legend) in the page's h1, for one-question pages. */
  isPageHeading?: boolean;
  hint?: ReactNode;
  /** Server or client messages; the first is shown. Conform's `field.errors` fits as is. */
  error?: string | readonly string[] | undefined;
}

export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

/** Joins the ids that describe a control, or nothing so no empty attribute is rendered. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = cx(...ids);
  return joined === "" ? undefined : joined;
}

export function firstError(error: FieldProps["error"]): string | undefined {
  if (error === undefined) return undefined;
  const message = typeof error === "string" ? error : error.find((m) => m.trim() !== "");
  return message === undefined || message.trim() === "" ? undefined : message;
}

export function Label({
  htmlFor,
  size,
  isPageHeading,
  className,
  children,
}: {
  htmlFor: string;
  size?: TextSize | undefined;
  isPageHeading?: boolean | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  const label = (
    <label className={cx("govuk-label", size && `govuk-label--${size}`, className)} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

export function Legend({
  size,
  isPageHeading,
  children,
}: {
  size?: TextSize | undefined;
  isPageHeading?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <legend className={cx("govuk-fieldset__legend", size && `govuk-fieldset__legend--${size}`)}>
      {isPageHeading ? <h1 className="govuk-fieldset__heading">{children}</h1> : children}
    </legend>
  );
}

export function Hint({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  return (
    <div id={id} className={cx("govuk-hint", className)}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

/**
 * A link that navigates client-side inside the app's router once React has loaded, and is a
 * plain anchor everywhere else (no router in unit tests, and identical markup either way).
 */
export function AppLink({
  href,
  className,
  children,
  ...rest
}: {
  href: string;
  className?: string | undefined;
  children: ReactNode;
  role?: string;
  draggable?: boolean;
  id?: string | undefined;
  "aria-describedby"?: string;
  onKeyDown?: KeyboardEventHandler<HTMLAnchorElement>;
}) {
  const inRouter = useInRouterContext();
  if (inRouter && !href.startsWith("#")) {
    return (
      <Link to={href} className={className} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} className={className} {...rest}>
      {children}
    </a>
  );
}
