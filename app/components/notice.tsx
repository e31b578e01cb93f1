import type { ReactNode } from "react";

export type NoticeTone = "success" | "info" | "warning" | "error";

const TONES: Record<NoticeTone, string> = {
  success: "bg-brand-50 text-brand-800",
  info: "bg-blue-50 text-blue-900",
  warning: "bg-amber-50 text-amber-900",
  error: "bg-red-50 text-red-800",
};

/**
 * A message about what just happened or what the page is waiting for.
 * Errors are alerts (read out at once); the rest are polite status messages.
 */
export function Notice({
  tone = "success",
  children,
  className = "",
  testId,
}: {
  tone?: NoticeTone;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded-md p-3 text-sm ${TONES[tone]} ${className}`}
    >
      {children}
    </div>
  );
}
