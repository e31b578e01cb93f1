import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useId, type ReactNode } from "react";

export function ErrorList({ errors, id }: { errors?: string[] | null; id?: string }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    // The alert role sits on a wrapper: on the <ul> itself it hides the list role, and
    // axe then reports every <li> as a list item outside a list (serious).
    <div id={id} role="alert" className="mt-1 text-sm text-red-600">
      <ul className="space-y-0.5">
        {list.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

type FieldShellProps = {
  label: string;
  hint?: ReactNode;
  errors?: string[] | null;
  errorId: string;
  htmlFor: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
};

function FieldShell({ label, hint, errors, errorId, htmlFor, required, children, className }: FieldShellProps) {
  return (
    <div className={className}>
      {/* The mark sits beside the label, not in it, and is hidden from assistive technology
          (which reads the input's `required`), so the field's name stays its label. */}
      <div className="mb-1 flex items-baseline gap-0.5">
        <label htmlFor={htmlFor} className="block text-sm font-medium text-gray-700">
          {label}
        </label>
        {required ? (
          <span aria-hidden="true" className="text-sm text-red-600">
            *
          </span>
        ) : null}
      </div>
      {children}
      {hint ? <p className="mt-1 text-xs text-gray-500">{hint}</p> : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

type InputType = "text" | "email" | "password" | "tel" | "number" | "date" | "url" | "search";

export function Field({
  meta,
  label,
  type = "text",
  hint,
  className,
  ...rest
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  type?: InputType;
  hint?: ReactNode;
  className?: string;
  autoComplete?: string;
  placeholder?: string;
  inputMode?: "numeric" | "decimal" | "tel" | "email" | "text";
}) {
  const props = getInputProps(meta as FieldMetadata<string>, { type, ariaAttributes: true });
  return (
    <FieldShell
      label={label}
      hint={hint}
      errors={meta.errors}
      errorId={meta.errorId}
      htmlFor={meta.id}
      required={meta.required}
      className={className}
    >
      <input {...props} {...rest} key={props.key} className="input" />
    </FieldShell>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  rows = 4,
  className,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  hint?: ReactNode;
  rows?: number;
  className?: string;
}) {
  const props = getTextareaProps(meta as FieldMetadata<string>, { ariaAttributes: true });
  return (
    <FieldShell
      label={label}
      hint={hint}
      errors={meta.errors}
      errorId={meta.errorId}
      htmlFor={meta.id}
      required={meta.required}
      className={className}
    >
      <textarea {...props} key={props.key} rows={rows} className="input" />
    </FieldShell>
  );
}

export function SelectField({
  meta,
  label,
  options,
  hint,
  placeholder = "请选择",
  className,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: ReactNode;
  placeholder?: string;
  className?: string;
}) {
  const props = getSelectProps(meta as FieldMetadata<string>, { ariaAttributes: true });
  return (
    <FieldShell
      label={label}
      hint={hint}
      errors={meta.errors}
      errorId={meta.errorId}
      htmlFor={meta.id}
      required={meta.required}
      className={className}
    >
      <select {...props} key={props.key} className="input">
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A file input; browsers cannot refill these, so after an error it asks to pick the file again. */
export function FileField({
  meta,
  label,
  accept,
  hint,
  multiple,
  className,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  accept: string;
  hint?: ReactNode;
  multiple?: boolean;
  className?: string;
}) {
  const id = useId();
  return (
    <FieldShell
      label={label}
      hint={hint}
      errors={meta.errors?.length ? [...meta.errors, "请重新选择文件。"] : meta.errors}
      errorId={meta.errorId}
      htmlFor={id}
      required={meta.required}
      className={className}
    >
      <input
        id={id}
        name={meta.name}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={meta.errors?.length ? meta.errorId : undefined}
        className="block w-full text-sm text-gray-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-700 hover:file:bg-brand-100"
      />
    </FieldShell>
  );
}

/** Form-level errors (not tied to one field). */
export function FormErrors({ errors, id }: { errors?: string[] | null; id?: string }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700">
      {list.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
