import type { ReactNode } from "react";

/** What a list shows when it has nothing, and where to go instead. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-gray-300 p-6 text-center text-sm text-gray-500">
      <p>{children}</p>
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
