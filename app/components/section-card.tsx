import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A card with a heading that names it for assistive technology (role region). */
export function SectionCard({
  id,
  title,
  children,
  className = "",
  scrollable = false,
  source,
}: {
  id: string;
  title: string;
  children: ReactNode;
  /** the page the card's facts are published on, linked under them (来源：…) */
  source?: { to: string; label: string };
  /** extra classes, e.g. spacing between several children */
  className?: string;
  /** a wide table inside scrolls sideways in the card: the card is then in the tab order (axe scrollable-region-focusable) */
  scrollable?: boolean;
}) {
  return (
    <section
      className={`card ${scrollable ? "overflow-x-auto" : ""} ${className}`}
      aria-labelledby={`${id}-heading`}
      tabIndex={scrollable ? 0 : undefined}
    >
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold text-gray-900">
        {title}
      </h2>
      {children}
      {source ? (
        <p className="mt-3 text-xs text-gray-500" data-testid={`${id}-source`}>
          来源：
          <Link to={source.to} className="link">
            {source.label}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
