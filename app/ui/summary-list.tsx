import type { ReactNode } from "react";
import { cx } from "~/ui/parts";

export interface SummaryListAction {
  href: string;
  text: string;
  /** Says what the action is for, e.g. "title" for "Change title": every "Change" needs its own name. */
  visuallyHiddenText: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: readonly SummaryListAction[];
}

export interface SummaryListProps {
  rows: readonly SummaryListRow[];
  noBorder?: boolean;
  className?: string;
}

export function SummaryList(props: SummaryListProps) {
  return <SummaryListBody {...props} />;
}

// A plain anchor, not React Router's Link: the check and review pages render over a hundred change
// links, and Link's hooks were about half of those pages' summary render time (test/bench/render-summary.tsx).
// A change link needs no client-side navigation.
function ActionLink({
  action,
  cardTitle,
}: {
  action: { href: string; text: string; visuallyHiddenText?: string | undefined };
  cardTitle: ReactNode;
}) {
  const hasHidden = Boolean(action.visuallyHiddenText) || Boolean(cardTitle);
  return (
    <a className="govuk-link" href={action.href}>
      {action.text}
      {hasHidden ? (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {cardTitle ? <> ({cardTitle})</> : null}
        </span>
      ) : null}
    </a>
  );
}

/** In a card, each action also names the card, so "Change title" is unique across cards. */
function SummaryListBody({ rows, noBorder, className, cardTitle }: SummaryListProps & { cardTitle?: ReactNode }) {
  const anyRowHasActions = rows.some((row) => (row.actions?.length ?? 0) > 0);
  return (
    <dl className={cx("govuk-summary-list", noBorder && "govuk-summary-list--no-border", className)}>
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        const [onlyAction] = actions;
        return (
          <div
            // Rows have no identity of their own beyond their position in a read-only list.
            key={index}
            className={cx(
              "govuk-summary-list__row",
              anyRowHasActions && actions.length === 0 && "govuk-summary-list__row--no-actions",
            )}
          >
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {actions.length > 0 ? (
              <dd className="govuk-summary-list__actions">
                {actions.length === 1 && onlyAction ? (
                  <ActionLink action={onlyAction} cardTitle={cardTitle} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {actions.map((action) => (
                      <li className="govuk-summary-list__actions-list-item" key={action.href + action.text}>
                        <ActionLink action={action} cardTitle={cardTitle} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

export interface SummaryCardAction {
  href: string;
  text: string;
  visuallyHiddenText?: string;
}

export interface SummaryCardProps {
  title: ReactNode;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  actions?: readonly SummaryCardAction[];
  rows: readonly SummaryListRow[];
  className?: string;
}

export function SummaryCard({ title, headingLevel = 2, actions = [], rows, className }: SummaryCardProps) {
  const Heading = `h${headingLevel}` as const;
  const [onlyAction] = actions;
  return (
    <div className={cx("govuk-summary-card", className)}>
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{title}</Heading>
        {actions.length === 1 && onlyAction ? (
          <div className="govuk-summary-card__actions">
            <ActionLink action={onlyAction} cardTitle={title} />
          </div>
        ) : actions.length > 1 ? (
          <ul className="govuk-summary-card__actions">
            {actions.map((action) => (
              <li className="govuk-summary-card__action" key={action.href + action.text}>
                <ActionLink action={action} cardTitle={title} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryListBody rows={rows} cardTitle={title} />
      </div>
    </div>
  );
}
