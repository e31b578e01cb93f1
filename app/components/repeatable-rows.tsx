import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { ErrorList } from "./forms";

/**
 * A list of repeatable rows (persons, milestones, indicators, budget lines):
 * each row rendered by `renderRow`, a 删除 button per row (hidden at `min`),
 * the list's own errors, and an add button that inserts `blank`.
 */
export function RepeatableRows<Row extends Record<string, unknown>>({
  form,
  field,
  blank,
  addLabel,
  removeLabel,
  renderRow,
  min = 1,
  max,
  groupLabel,
  rowClassName = "grid gap-3 rounded-md border border-gray-200 p-3",
  rowTestId,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form owning this list
  form: FormMetadata<any, string[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form owning this list
  field: FieldMetadata<Row[] | undefined, any, string[]>;
  /** values of a newly added row */
  blank: Partial<Row>;
  addLabel: string;
  /** accessible name of row n's remove button, e.g. (n) => `删除里程碑${n}` */
  removeLabel: (n: number) => string;
  /** the row's fields: call `row.getFieldset()` */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form owning this list
  renderRow: (row: FieldMetadata<Row, any, string[]>, index: number) => ReactNode;
  min?: number;
  max?: number;
  /** names the group for assistive technology */
  groupLabel?: string;
  rowClassName?: string;
  rowTestId?: string;
}) {
  const rows = field.getFieldList();
  return (
    <div className="space-y-3 sm:col-span-2" role="group" aria-label={groupLabel}>
      {rows.map((row, index) => (
        <div key={row.key} className={rowClassName} data-testid={rowTestId}>
          {renderRow(row, index)}
          {rows.length > min ? (
            <button
              {...form.remove.getButtonProps({ name: field.name, index })}
              className="btn-secondary self-start px-3 py-1.5 sm:mt-6"
              aria-label={removeLabel(index + 1)}
            >
              删除
            </button>
          ) : null}
        </div>
      ))}
      <ErrorList id={field.errorId} errors={field.errors} />
      {max === undefined || rows.length < max ? (
        <button
          {...form.insert.getButtonProps({ name: field.name, defaultValue: blank as never })}
          className="btn-secondary px-3 py-1.5"
        >
          {addLabel}
        </button>
      ) : null}
    </div>
  );
}
