// The long forms that save drafts: "保存草稿" checks formats only, the submit
// button checks everything. Which button was pressed decides the checks, in
// the browser and on the server (the `intent` field).
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useRef, type ReactNode } from "react";
import type { z } from "zod";
import type { ConfirmText } from "~/utils/confirm";
import { ConfirmButton } from "./confirm";
import { useConformForm, useIsPending } from "./use-form";

type Reply = Parameters<typeof useConformForm>[0]["reply"];

/**
 * useConformForm for a draft form: `fields` (the format checks) gives the
 * field types and constraints, `schema` (which adds the submit checks when
 * `intent` is "submit") validates. Revalidation while typing keeps the checks
 * of the button pressed last.
 */
export function useDraftForm<Fields extends z.ZodTypeAny>(options: {
  id: string;
  fields: Fields;
  schema: z.ZodTypeAny;
  reply: Reply;
  /** The draft button's intent: "save" (DraftFormButtons), or "draft" on the scoring and self-assessment forms. */
  draftIntent?: "save" | "draft";
  /** Which replies this form shows (see useConformForm); the form's id by default. */
  intent?: string | readonly string[];
  defaultValue?: Parameters<typeof useConformForm<Fields>>[0]["defaultValue"];
  /** What submitting demands (see useConformForm), for the required marks. */
  required?: readonly string[];
}) {
  const { schema, draftIntent = "save" } = options;
  const intentRef = useRef<string>(draftIntent);
  return useConformForm({
    id: options.id,
    schema: options.fields,
    reply: options.reply,
    intent: options.intent,
    defaultValue: options.defaultValue,
    required: options.required,
    onValidate({ formData }) {
      const pressed = formData.get("intent");
      if (pressed === draftIntent || pressed === "submit") intentRef.current = pressed;
      else formData.set("intent", intentRef.current);
      // The full schema transforms its output; the form only reads its errors.
      return parseWithZod(formData, { schema }) as Submission<z.input<Fields>>;
    },
  });
}

/**
 * 保存草稿 and the submit button (labelled from the workflow), with what each
 * checks. With `confirm` (the form's intent and what submitting does) the
 * submit button asks first.
 */
export function DraftFormButtons({
  submitLabel,
  hint,
  confirm,
}: {
  submitLabel: string;
  hint: ReactNode;
  confirm?: ConfirmText & { intent: string; schema?: z.ZodTypeAny };
}) {
  const busy = useIsPending();
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" name="intent" value="save" formNoValidate className="btn-secondary" disabled={busy}>
        保存草稿
      </button>
      {confirm ? (
        <ConfirmButton {...confirm} name="intent" value="submit" disabled={busy}>
          {submitLabel}
        </ConfirmButton>
      ) : (
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      )}
      <p className="self-center text-xs text-gray-500">{hint}</p>
    </div>
  );
}
