import type { SortDirection } from "~/domain/london";
import { cx } from "~/ui/parts";

/**
 * A sortable column header that works without JavaScript: a plain GET link to the same page sorted by
 * this column, keeping the page's other query parameters. The sorted column says so with aria-sort,
 * and the link names the direction a click will give.
 */
export interface SortHeaderProps {
  column: string;
  label: string;
  /** The page's current query string, so filters and the chosen year survive the sort. */
  search: string;
  sortedBy: string;
  direction: SortDirection;
  numeric?: boolean;
}

export function sortHref(search: string, column: string, direction: SortDirection): string {
  const params = new URLSearchParams(search);
  params.set("sort", column);
  params.set("dir", direction === "ascending" ? "asc" : "desc");
  return `?${params.toString()}`;
}

export function parseDirection(value: string | null): SortDirection {
  return value === "desc" ? "descending" : "ascending";
}

export function SortHeader({ column, label, search, sortedBy, direction, numeric }: SortHeaderProps) {
  const active = column === sortedBy;
  const next: SortDirection = active && direction === "ascending" ? "descending" : "ascending";
  return (
    <th
      scope="col"
      className={cx("govuk-table__header", numeric && "govuk-table__header--numeric")}
      aria-sort={active ? direction : "none"}
    >
      <a className="govuk-link app-sort-link" href={sortHref(search, column, next)}>
        {label}
        <span className="govuk-visually-hidden">, sort {next}</span>
        {active ? <span aria-hidden="true">{direction === "ascending" ? " ▲" : " ▼"}</span> : null}
      </a>
    </th>
  );
}
