import type { ReactNode } from "react";

/** A card with a heading that names it for assistive technology (role region). */
export function SectionCard({
  id,
  title,
  children,
  className = "",
}: {
  id: string;
  title: string;
  children: ReactNode;
  /** extra classes, e.g. spacing between several children */
  className?: string;
}) {
  return (
    <section className={`card ${className}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
