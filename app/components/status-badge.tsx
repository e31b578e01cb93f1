import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "brand" | "success" | "warning" | "danger" | "solid-danger";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-gray-50 text-gray-700 ring-gray-300",
  info: "bg-blue-50 text-blue-800 ring-blue-200",
  brand: "bg-brand-50 text-brand-700 ring-brand-200",
  success: "bg-green-50 text-green-800 ring-green-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-700 ring-red-200",
  "solid-danger": "bg-red-600 text-white ring-red-600",
};

/** A small rounded label: a state, a phase, "已逾期". */
export function Badge({
  tone = "neutral",
  children,
  testId,
  className = "",
}: {
  tone?: BadgeTone;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <span
      data-testid={testId}
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs ring-1 ring-inset ${TONES[tone]} ${className}`}
    >
      {children}
    </span>
  );
}

/**
 * A workflow state as a badge: the label comes from the workflow's own table,
 * the colour from the area's tone map (unknown states are neutral).
 */
export function StatusBadge<S extends string>({
  workflow,
  state,
  tones,
  testId,
}: {
  workflow: { stateLabels: Record<S, string> };
  state: string;
  tones: Partial<Record<S, BadgeTone>>;
  testId?: string;
}) {
  return (
    <Badge tone={tones[state as S] ?? "neutral"} testId={testId}>
      {workflow.stateLabels[state as S] ?? state}
    </Badge>
  );
}
