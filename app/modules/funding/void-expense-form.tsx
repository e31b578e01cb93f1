// The 作废 form of one expense row (org and staff budget tabs). Only the row that
// sent a reply shows it (conform's reply carries the submitted expenseId).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { replyFor, useConformForm, useIsPending } from "~/components/use-form";
import { VOID_EXPENSE, VoidExpenseSchema } from "./budget-forms";

type Reply = { intent: string; result?: SubmissionResult<string[]> } | null | undefined;

function replyOfRow(reply: Reply, expenseId: string) {
  const result = replyFor(reply, VOID_EXPENSE);
  return result?.initialValue?.expenseId === expenseId ? result : undefined;
}

export function VoidExpenseForm({
  expenseId,
  reply,
  multipart,
}: {
  expenseId: string;
  reply: Reply;
  multipart?: boolean;
}) {
  const rowReply = replyOfRow(reply, expenseId);
  const [form, fields] = useConformForm({ id: `void-${expenseId}`, schema: VoidExpenseSchema, reply: rowReply });
  const busy = useIsPending({ intent: VOID_EXPENSE });
  return (
    <details className="text-sm" open={rowReply ? true : undefined}>
      <summary className="cursor-pointer text-red-700">作废</summary>
      <Form
        method="post"
        encType={multipart ? "multipart/form-data" : undefined}
        {...getFormProps(form)}
        className="mt-2 w-64 space-y-2"
      >
        <input type="hidden" name="intent" value={VOID_EXPENSE} />
        <input type="hidden" name="expenseId" value={expenseId} />
        <TextareaField meta={fields.reason} label="作废理由" rows={2} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-secondary" disabled={busy}>
          确认作废
        </button>
      </Form>
    </details>
  );
}
