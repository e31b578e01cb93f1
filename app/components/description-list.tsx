import type { ReactNode } from "react";

const LAYOUTS = {
  /** label above value, two columns from sm */
  grid: "grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2",
  /** label beside value, one per line */
  rows: "space-y-2 text-sm",
  /** label above value, divided rows */
  divided: "divide-y divide-gray-100 text-sm [&>div]:py-2",
} as const;

/** A list of labelled facts about a record. */
export function DescriptionList({
  layout = "grid",
  className = "",
  children,
  testId,
}: {
  layout?: keyof typeof LAYOUTS;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <dl className={`${LAYOUTS[layout]} ${className}`} data-testid={testId}>
      {children}
    </dl>
  );
}

/** One fact. Empty values show "—"; `wide` spans both grid columns. */
export function DescriptionItem({
  label,
  children,
  wide,
  inline,
  multiline,
}: {
  label: ReactNode;
  children?: ReactNode;
  wide?: boolean;
  /** label and value on one line (the `rows` layout) */
  inline?: boolean;
  /** typed text: keep its line breaks and wrap long words */
  multiline?: boolean;
}) {
  const value = children === undefined || children === null || children === "" ? "—" : children;
  if (inline) {
    return (
      <div className="flex gap-2">
        <dt className="shrink-0 text-gray-500">{label}</dt>
        <dd className="min-w-0 text-gray-900">{value}</dd>
      </div>
    );
  }
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-gray-500">{label}</dt>
      <dd className={`mt-0.5 text-gray-900 ${multiline ? "whitespace-pre-wrap break-words" : ""}`}>{value}</dd>
    </div>
  );
}
