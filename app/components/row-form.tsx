// A conform form repeated on every row of a list (decision 036), e.g. 上架 / 退回 / 下架 on
// each of the 20 products of a screening page. conform's field metadata are proxies that
// build a new metadata object on every property read, so a row form cost about 0.15 ms of
// server CPU (a tenth of the screening page) while the page renders every row's form empty.
import type { FormMetadata, SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { useId, type ReactNode } from "react";
import type { z } from "zod";
import { replyFor, useConformForm } from "./use-form";

type Reply = { intent: string; result?: SubmissionResult<string[]> } | null | undefined;
type RowFormMeta<Schema extends z.ZodTypeAny> = FormMetadata<z.input<Schema>, string[]>;
type RowFields<Schema extends z.ZodTypeAny> = ReturnType<RowFormMeta<Schema>["getFieldset"]>;

type RowFormProps<Schema extends z.ZodTypeAny> = {
  /** The form's id (conform's), unique on the page: e.g. the row's intent. */
  id: string;
  schema: Schema;
  /** The action's answer; only the row whose intent sent it shows it. */
  reply?: Reply;
  /** The intent the row's form sends (its id when omitted). */
  intent?: string;
  /** The row's markup from conform's form and fields (flat fields only: no lists or fieldsets). */
  children: (form: RowFormMeta<Schema>, fields: RowFields<Schema>) => ReactNode;
};

/** In the browser every row gets its conform form; on the server only the row a reply is meant for. */
const IN_BROWSER = typeof document !== "undefined";

/**
 * One row's form. In the browser it is `useConformForm` as on any page: checks while
 * typing, errors at the field in Chinese, typed input kept. On the server a row no reply is
 * meant for renders `children` with `pristineRowForm` (the markup conform gives an untouched
 * form, from the schema's constraint), so the list pays for conform once per answered row,
 * not once per row; the answered row is rendered by conform on the server too, so a reply
 * without JavaScript shows its errors and what was typed. The HTML is the same either way
 * (row-form.test.tsx), so the browser hydrates it unchanged.
 */
export function RowForm<Schema extends z.ZodTypeAny>(props: RowFormProps<Schema>) {
  const live = IN_BROWSER || replyFor(props.reply, props.intent ?? props.id) !== undefined;
  return live ? <ConformRowForm {...props} /> : <PristineRowForm {...props} />;
}

function ConformRowForm<Schema extends z.ZodTypeAny>({ children, ...options }: RowFormProps<Schema>) {
  const [form, fields] = useConformForm(options);
  return <>{children(form, fields)}</>;
}

function PristineRowForm<Schema extends z.ZodTypeAny>({ id, schema, children }: RowFormProps<Schema>) {
  // conform's useForm calls useId; so does this, so that the ids React gives anything inside
  // the row (FileField, ConfirmButton) are the same on the server and in the browser.
  useId();
  const { form, fields } = pristineRowForm(id, schema);
  return <>{children(form, fields)}</>;
}

/** A field's constraint as getZodConstraint gives it. */
type Rule = {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  multiple?: boolean;
  pattern?: string;
};

/**
 * The schema's constraint, read once per schema: getZodConstraint walks the schema again
 * on every call and answers a Proxy.
 */
const constraints = new WeakMap<z.ZodTypeAny, [name: string, rule: Rule][]>();

/**
 * What conform's form and fields hold before anything was typed or answered, as plain
 * values: its ids (`<form>-<field>`, `…-error`, `…-description`), the constraint from the
 * schema (required, maxLength…), no errors, no initial values. Enough for getFormProps,
 * getInputProps/getTextareaProps/getSelectProps and the fields of forms.tsx; not for
 * conform's list and fieldset helpers (getFieldList, getFieldset on a field).
 */
export function pristineRowForm<Schema extends z.ZodTypeAny>(id: string, schema: Schema) {
  let constraint = constraints.get(schema);
  if (!constraint) constraints.set(schema, (constraint = Object.entries(getZodConstraint(schema))));
  const fields: Record<string, PristineField> = {};
  for (const [name, rule] of constraint) fields[name] = pristineField(`${id}-${name}`, name, id, rule);
  // Written out, not spread from a field: spreading this many properties took V8's slow path (10 µs).
  const form = {
    id,
    errorId: `${id}-error`,
    descriptionId: `${id}-description`,
    errors: undefined,
    allErrors: {},
    valid: true,
    dirty: false,
    key: undefined,
    initialValue: undefined,
    value: undefined,
    noValidate: true,
    // Never called: the server renders no event handlers.
    onSubmit: () => undefined,
  };
  return {
    form: form as unknown as RowFormMeta<Schema>,
    fields: fields as unknown as RowFields<Schema>,
  };
}

type PristineField = ReturnType<typeof pristineField>;

/** One field as conform's metadata shows it untouched (one object shape for every field). */
function pristineField(id: string, name: string, formId: string, rule: Rule) {
  return {
    id,
    name,
    formId,
    errorId: `${id}-error`,
    descriptionId: `${id}-description`,
    required: rule.required,
    minLength: rule.minLength,
    maxLength: rule.maxLength,
    min: rule.min,
    max: rule.max,
    step: rule.step,
    multiple: rule.multiple,
    pattern: rule.pattern,
    errors: undefined,
    allErrors: {},
    valid: true,
    dirty: false,
    key: undefined,
    initialValue: undefined,
    value: undefined,
    defaultValue: undefined,
    defaultOptions: undefined,
    defaultChecked: undefined,
  };
}
