import type { KeyboardEvent, MouseEventHandler, ReactNode } from "react";
import { AppLink, cx } from "~/ui/parts";

export type ButtonVariant = "primary" | "secondary" | "warning";

function buttonClass(variant: ButtonVariant, className: string | undefined): string {
  return cx("govuk-button", variant !== "primary" && `govuk-button--${variant}`, className);
}

export interface ButtonProps {
  variant?: ButtonVariant;
  type?: "submit" | "button" | "reset";
  /** With `value`, tells the action which button was pressed (e.g. name="intent"). */
  name?: string;
  value?: string;
  /**
   * GOV.UK Frontend's double-click guard needs its JavaScript, which we do not load: callers
   * disable the button themselves while a submission is pending.
   */
  disabled?: boolean;
  id?: string;
  className?: string;
  onClick?: MouseEventHandler<HTMLButtonElement>;
  children: ReactNode;
}

export function Button({
  variant = "primary",
  type = "submit",
  name,
  value,
  disabled,
  id,
  className,
  onClick,
  children,
}: ButtonProps) {
  return (
    <button
      type={type}
      value={value}
      name={name}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      className={buttonClass(variant, className)}
      id={id}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export interface ButtonLinkProps {
  href: string;
  variant?: ButtonVariant;
  id?: string;
  className?: string;
  children: ReactNode;
}

/** A link that looks like a button, for a call to action that navigates rather than submits. */
export function ButtonLink({ href, variant = "primary", id, className, children }: ButtonLinkProps) {
  return (
    <AppLink
      href={href}
      role="button"
      draggable={false}
      className={buttonClass(variant, className)}
      id={id}
      onKeyDown={activateOnSpace}
    >
      {children}
    </AppLink>
  );
}

// role="button" promises that the space bar works, which links do not do natively; GOV.UK
// Frontend's button script adds it, and so do we.
function activateOnSpace(event: KeyboardEvent<HTMLAnchorElement>) {
  if (event.key === " ") {
    event.preventDefault();
    event.currentTarget.click();
  }
}

/** Lines up a button with other buttons or a secondary link. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
