import type { ReactNode } from "react";

/**
 * A box whose content (a wide table, a chart) scrolls sideways inside it on a narrow
 * screen, so the page itself never does. It is in the tab order, so a keyboard user
 * can focus it and scroll it with the arrow keys (axe scrollable-region-focusable), and
 * a named group, so focusing it announces what it holds (a group, not a region: no
 * extra landmark beside the section it sits in).
 */
export function ScrollBox({
  label,
  className = "",
  children,
}: {
  /** what the box holds, e.g. the table's title */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div role="group" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
