// 待办 on a home page (#16): one line per kind of work, with its count, the soonest
// due date and how many are overdue, linking to the list and to the first items.
import { Link } from "@remix-run/react";
import { formatCount, formatDate } from "~/utils/format";
import { EmptyState } from "./empty-state";

type Entry = { label: string; href: string; dueAt?: string | Date | null };
type Line = {
  key: string;
  label: string;
  count: number;
  href: string;
  dueAt?: string | Date | null;
  overdue?: number;
  entries?: Entry[];
};

export function WorkQueue({ lines, empty = "暂无待办事项。" }: { lines: Line[]; empty?: string }) {
  return (
    <section aria-labelledby="queue-heading" data-testid="work-queue">
      <h2 id="queue-heading" className="mb-2 text-base font-semibold text-gray-900">
        待办
      </h2>
      {lines.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className="card divide-y divide-gray-100 p-0 sm:p-0">
          {lines.map((line) => (
            <li key={line.key} className="px-4 py-3" data-testid="queue-line">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <Link to={line.href} className="link font-medium">
                  {line.label}
                </Link>
                <span className="text-sm text-gray-700">
                  <span className="font-semibold text-gray-900">{formatCount(line.count)}</span> 项
                  {line.dueAt ? <span className="ml-2 text-gray-600">最近截止 {formatDate(line.dueAt)}</span> : null}
                  {line.overdue ? (
                    <span className="ml-2 font-medium text-red-700">已逾期 {formatCount(line.overdue)} 项</span>
                  ) : null}
                </span>
              </div>
              {line.entries && line.entries.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-sm">
                  {line.entries.map((e) => (
                    <li key={e.href}>
                      <Link to={e.href} className="link">
                        {e.label}
                      </Link>
                      {e.dueAt ? <span className="ml-2 text-xs text-gray-500">截止 {formatDate(e.dueAt)}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
