import { useEffect, useRef, type ReactNode } from "react";
import { cx } from "~/ui/parts";

export interface NotificationBannerProps {
  type?: "important" | "success";
  /** Defaults to "Important" or "Success". */
  title?: ReactNode;
  /** Must be unique on the page; change it only when showing two banners. */
  titleId?: string;
  titleHeadingLevel?: 2 | 3 | 4 | 5 | 6;
  /** A single bold line, GOV.UK's usual content; put anything longer in children. */
  heading?: ReactNode;
  /** A success banner takes focus on arrival so it is announced; turn off only with reason. */
  autoFocus?: boolean;
  children?: ReactNode;
}

export function NotificationBanner({
  type = "important",
  title,
  titleId = "govuk-notification-banner-title",
  titleHeadingLevel = 2,
  heading,
  autoFocus = true,
  children,
}: NotificationBannerProps) {
  const success = type === "success";
  const root = useRef<HTMLDivElement>(null);
  const Heading = `h${titleHeadingLevel}` as const;

  useEffect(() => {
    const element = root.current;
    if (!success || !autoFocus || !element) return;
    // As GOV.UK Frontend does: focusable only until focus leaves, so it is not a tab stop.
    element.setAttribute("tabindex", "-1");
    element.addEventListener("blur", () => element.removeAttribute("tabindex"), { once: true });
    element.focus();
  }, [success, autoFocus]);

  return (
    <div
      ref={root}
      className={cx("govuk-notification-banner", success && "govuk-notification-banner--success")}
      // A success message is urgent news about what just happened; an important one is a landmark.
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? "Success" : "Important")}
        </Heading>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
