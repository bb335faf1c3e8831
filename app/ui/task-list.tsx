import type { ReactNode } from "react";
import { AppLink, cx } from "~/ui/parts";

export interface TaskListItem {
  title: ReactNode;
  /** Leave out while the task cannot be started: the title is then plain text. */
  href?: string;
  hint?: ReactNode;
  /** Plain text when done ("Completed"), or a <Tag> when something is left to do. */
  status: ReactNode;
  /** Greys the status text, for "Cannot start yet". */
  cannotStartYet?: boolean;
}

export interface TaskListProps {
  items: readonly TaskListItem[];
  /** Needed only when a page has more than one task list, to keep ids unique. */
  idPrefix?: string;
}

export function TaskList({ items, idPrefix = "task-list" }: TaskListProps) {
  return (
    <ul className="govuk-task-list">
      {items.map((item, index) => {
        const hintId = `${idPrefix}-${index + 1}-hint`;
        const statusId = `${idPrefix}-${index + 1}-status`;
        return (
          <li className={cx("govuk-task-list__item", item.href && "govuk-task-list__item--with-link")} key={index}>
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <AppLink
                  className="govuk-link govuk-task-list__link"
                  href={item.href}
                  aria-describedby={cx(item.hint ? hintId : undefined, statusId)}
                >
                  {item.title}
                </AppLink>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div
              className={cx(
                "govuk-task-list__status",
                item.cannotStartYet && "govuk-task-list__status--cannot-start-yet",
              )}
              id={statusId}
            >
              {item.status}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
