// A figure the system computes from other fields (收入合计 from the income lines,
// 申请资助金额合计 from the budget lines), shown live where a field would be:
// the person never types what the system can add up (#19 item 10). The page
// computes the figure with the same pure function the server stores it with.
import type { ReactNode } from "react";
import { formatFen } from "~/utils/format";
import { ErrorList } from "./forms";

export function ComputedTotal({
  label,
  fen,
  note = "自动计算",
  hint,
  errors,
  errorId,
  className,
  testId,
}: {
  label: string;
  fen: number;
  /** How it is computed, beside the label (自动计算, 各项已填之和…). */
  note?: string;
  /** Checks shown while typing (they stop only submission). */
  hint?: ReactNode;
  /** The server's or the submit check's errors at this figure (conform's errors for its name). */
  errors?: string[] | null;
  errorId?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <dl className={className}>
      <dt className="mb-1 text-sm font-medium text-gray-700">
        {label}
        <span className="ml-1 text-xs font-normal text-gray-500">（{note}）</span>
      </dt>
      <dd
        className="rounded-md border border-dashed border-gray-300 bg-gray-50 px-3 py-2 tabular-nums text-gray-900"
        aria-live="polite"
        data-testid={testId}
      >
        {formatFen(fen)}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-gray-500">{hint}</dd> : null}
      {errors?.length ? (
        <dd>
          <ErrorList id={errorId} errors={errors} />
        </dd>
      ) : null}
    </dl>
  );
}
