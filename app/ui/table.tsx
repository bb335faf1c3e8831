import { useId, type ReactNode } from "react";
import { cx, type TextSize } from "~/ui/parts";

export interface TableCellObject {
  content: ReactNode;
  /** Right-aligns figures, with tabular digits, so columns of money line up. */
  format?: "numeric";
  colSpan?: number;
  rowSpan?: number;
  className?: string;
}

/** A plain string or number is shorthand for a cell with just that content. */
export type TableCell = string | number | TableCellObject;

export interface TableProps {
  caption?: ReactNode;
  captionSize?: TextSize;
  head?: readonly TableCell[];
  rows: readonly (readonly TableCell[])[];
  /** Makes each row's first cell a row header (th scope="row"). */
  firstCellIsHeader?: boolean;
  className?: string;
  /**
   * Names the scrolling region the table sits in, for a table without a caption (the caption names
   * it otherwise).
   */
  label?: string;
}

function cellObject(cell: TableCell): TableCellObject {
  return typeof cell === "object" ? cell : { content: cell };
}

/**
 * A table wider than a phone scrolls inside its own region, never the page (WCAG 2.2 1.4.10). The
 * region is named and focusable so keyboard users can scroll it too.
 */
export function Table({ caption, captionSize, head, rows, firstCellIsHeader, className, label }: TableProps) {
  const captionId = useId();
  const named = !!caption || !!label;
  return (
    <div
      className="app-table-scroll"
      role={named ? "region" : undefined}
      aria-label={caption ? undefined : label}
      aria-labelledby={caption ? captionId : undefined}
      tabIndex={named ? 0 : undefined}
    >
      <TableBody
        caption={caption}
        captionId={captionId}
        captionSize={captionSize}
        head={head}
        rows={rows}
        firstCellIsHeader={firstCellIsHeader}
        className={className}
      />
    </div>
  );
}

function TableBody({
  caption,
  captionId,
  captionSize,
  head,
  rows,
  firstCellIsHeader,
  className,
}: Omit<TableProps, "label"> & { captionId: string }) {
  return (
    <table className={cx("govuk-table", className)}>
      {caption ? (
        <caption
          id={captionId}
          className={cx("govuk-table__caption", captionSize && `govuk-table__caption--${captionSize}`)}
        >
          {caption}
        </caption>
      ) : null}
      {head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map(cellObject).map((cell, index) => (
              <th
                key={index}
                scope="col"
                className={cx(
                  "govuk-table__header",
                  cell.format && `govuk-table__header--${cell.format}`,
                  cell.className,
                )}
                colSpan={cell.colSpan}
                rowSpan={cell.rowSpan}
              >
                {cell.content}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) => (
          <tr className="govuk-table__row" key={rowIndex}>
            {row.map(cellObject).map((cell, index) =>
              index === 0 && firstCellIsHeader ? (
                <th
                  key={index}
                  scope="row"
                  className={cx("govuk-table__header", cell.className)}
                  colSpan={cell.colSpan}
                  rowSpan={cell.rowSpan}
                >
                  {cell.content}
                </th>
              ) : (
                <td
                  key={index}
                  className={cx(
                    "govuk-table__cell",
                    cell.format && `govuk-table__cell--${cell.format}`,
                    cell.className,
                  )}
                  colSpan={cell.colSpan}
                  rowSpan={cell.rowSpan}
                >
                  {cell.content}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
