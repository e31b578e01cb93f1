import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The search-and-filter form above a list. It is a GET form, so a filtered
 * list has its own URL. `formKey` should change with the applied filters so
 * the fields reset when the user navigates back.
 */
export function FilterBar({
  children,
  formKey,
  submitLabel = "筛选",
  resetTo,
  resetLabel = "重置",
  className = "flex flex-wrap items-end gap-3",
  card = true,
  label,
  pending = false,
}: {
  children: ReactNode;
  formKey?: string;
  submitLabel?: string;
  /** shows a 重置 link to this URL */
  resetTo?: string;
  /** text of the reset link */
  resetLabel?: string;
  /** layout of the fields */
  className?: string;
  card?: boolean;
  /** accessible name of the search region */
  label?: string;
  /** disables the submit button while the filtered list loads */
  pending?: boolean;
}) {
  return (
    <Form method="get" key={formKey} role="search" aria-label={label} className={`${card ? "card" : ""} ${className}`}>
      {children}
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {submitLabel}
        </button>
        {resetTo ? (
          <Link to={resetTo} className="btn-secondary">
            {resetLabel}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

export type FilterOption = { value: string; label: string };

/** A labelled select inside a FilterBar; the empty value means "all". */
export function FilterSelect({
  id,
  name,
  label,
  options,
  allLabel,
  defaultValue,
  className,
}: {
  id: string;
  name: string;
  label: string;
  options: readonly FilterOption[];
  /** text of the empty choice, e.g. 全部状态; omit for no empty choice */
  allLabel?: string;
  defaultValue?: string | null;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className="input">
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled text or date input inside a FilterBar. */
export function FilterInput({
  id,
  name,
  label,
  type = "search",
  defaultValue,
  placeholder,
  maxLength = 60,
  className,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  type?: "search" | "text" | "date" | "number";
  defaultValue?: string | null;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  /** a line of help under the input */
  hint?: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        placeholder={placeholder}
        maxLength={type === "date" || type === "number" ? undefined : maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="input"
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Options from a label map, in the order of `values`. */
export function optionsFrom<K extends string>(values: readonly K[], labels: Record<K, string>): FilterOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/**
 * Filters that fold behind a 筛选 button on phones, so the results stay in
 * view after a search; on wider screens they are always shown. A <details>
 * works without JavaScript; the CSS (.collapsible-filters in tailwind.css)
 * shows its fields from 640 px, and the effect opens it there for browsers
 * without ::details-content.
 */
export function CollapsibleFilters({
  label = "筛选",
  activeCount = 0,
  children,
  className = "",
  fieldsClassName = "",
}: {
  label?: string;
  /** how many filters are set; shown on the button */
  activeCount?: number;
  children: ReactNode;
  className?: string;
  fieldsClassName?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 640px)").matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className={`collapsible-filters ${className}`}>
      <summary className="btn-secondary cursor-pointer sm:hidden">
        {label}
        {activeCount ? `（已选 ${activeCount} 项）` : null}
      </summary>
      <div className={`mt-3 sm:mt-0 ${fieldsClassName}`}>{children}</div>
    </details>
  );
}
