import type { HTMLAttributes, ReactNode } from "react";

/** One column of a DataTable: its header (also the label of the value on a card) and how a row fills it. */
export type DataColumn<T> = {
  header: string;
  cell: (row: T, index: number) => ReactNode;
  /** the header is read by screen readers only (an actions column) */
  hideHeader?: boolean;
  /** on a card, the value stands alone as the card's title, without its label */
  primary?: boolean;
  /** classes of the cell, e.g. "whitespace-nowrap" or "text-right" */
  className?: string;
  /** a row whose value here spans the next columns too, with the label a card shows for it */
  span?: (row: T) => { colSpan: number; label?: string } | null;
};

/**
 * A list shown as a table on wide screens. Two ways to fit a narrow one:
 * - "cards" (lists used on the go): under 640 px each row becomes a card of
 *   label–value lines, so nothing scrolls sideways;
 * - "scroll" (wide staff tables): the table scrolls inside its own box and
 *   its first column stays in view.
 * One DOM for both sizes (the CSS in tailwind.css, .table-cards and
 * .table-scroll, does the rest); explicit roles keep the table's semantics
 * when a card layout changes its display.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  layout = "cards",
  label,
  rowProps,
  footer,
  empty,
  className = "",
}: {
  rows: readonly T[];
  columns: ReadonlyArray<DataColumn<T>>;
  rowKey: (row: T, index: number) => string;
  layout?: "cards" | "scroll";
  /** accessible name of the table */
  label?: string;
  /** attributes of each row, e.g. a data-testid */
  rowProps?: (row: T, index: number) => HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
  /** rows under the body (totals): use DataCell so each value keeps its label on a card */
  footer?: ReactNode;
  /** what the body says when there are no rows (one cell across the columns, one card on a phone) */
  empty?: ReactNode;
  className?: string;
}) {
  return (
    // A scrolling table is a focusable region (axe scrollable-region-focusable); cards never scroll on a phone.
    <div
      className={`${layout === "scroll" ? "table-scroll" : ""} overflow-x-auto ${className}`}
      {...(layout === "scroll" ? { role: "group", "aria-label": label, tabIndex: 0 } : {})}
    >
      <table role="table" aria-label={label} className={`table-basic ${layout === "cards" ? "table-cards" : ""}`}>
        <thead>
          <tr role="row">
            {columns.map((column) => (
              <th key={column.header} role="columnheader" scope="col">
                {column.hideHeader ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.length === 0 && empty ? (
            <tr role="row">
              <DataCell colSpan={columns.length} className="py-6 text-center text-gray-500">
                {empty}
              </DataCell>
            </tr>
          ) : null}
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} role="row" {...rowProps?.(row, index)}>
              {rowCells(row, columns).map(({ column, span }) => (
                <DataCell
                  key={column.header}
                  label={span ? span.label : column.hideHeader || column.primary ? undefined : column.header}
                  className={column.className}
                  colSpan={span?.colSpan}
                  primary={column.primary && !span}
                >
                  {column.cell(row, index)}
                </DataCell>
              ))}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}

/** The columns a row fills: a spanning cell takes the place of the columns it covers. */
function rowCells<T>(row: T, columns: ReadonlyArray<DataColumn<T>>) {
  const cells: Array<{ column: DataColumn<T>; span: { colSpan: number; label?: string } | null }> = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const span = column.span?.(row) ?? null;
    cells.push({ column, span });
    if (span) i += span.colSpan - 1;
  }
  return cells;
}

/** A cell of a DataTable; `label` is what a card shows before the value. */
export function DataCell({
  label,
  className,
  colSpan,
  primary,
  children,
}: {
  label?: string;
  className?: string;
  colSpan?: number;
  /** the card's title: shown first on a card, whatever its column */
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <td role="cell" data-label={label} data-primary={primary ? "" : undefined} className={className} colSpan={colSpan}>
      <div className="min-w-0 flex-1">{children}</div>
    </td>
  );
}
