// The one shape every module write answers with. A write either succeeded
// (with whatever the caller needs next, e.g. a new id) or failed with messages
// meant for the form that sent it: per field, or for the form as a whole.
// Illegal moves and races are not results: they throw a WorkflowError, which
// the action helpers (action.server.ts) turn into a reply in one place.

export type FieldErrors = Record<string, string[]>;

export type WriteFailure = {
  ok: false;
  fieldErrors?: FieldErrors;
  formErrors?: string[];
  /** HTTP status of the reply; 400 unless the failure says otherwise (e.g. 409, 429). */
  status?: number;
  /** Extra reply headers, e.g. Retry-After with a 429. */
  headers?: Record<string, string>;
};

export type WriteResult<T extends object = object> = ({ ok: true } & T) | WriteFailure;

/** A success, optionally carrying values: `succeed({ id })`. */
export function succeed<T extends object = object>(value?: T): { ok: true } & T {
  return { ok: true, ...(value as T) };
}

/** A failure with one message, at `field` when given, else for the whole form. */
export function fail(
  message: string,
  options: { field?: string; status?: number; headers?: Record<string, string> } = {},
): WriteFailure {
  const { field, status, headers } = options;
  const errors = field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] };
  return { ok: false, ...errors, status, ...(headers ? { headers } : {}) };
}

/** A failure with messages for several fields (and optionally the form). */
export function failFields(fieldErrors: FieldErrors, formErrors?: string[], status?: number): WriteFailure {
  return { ok: false, fieldErrors, formErrors, status };
}

export function isFailure(value: unknown): value is WriteFailure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}
