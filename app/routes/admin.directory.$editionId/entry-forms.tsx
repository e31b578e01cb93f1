// The staff's forms on one entry: the review (pass, return for correction, reject with
// a reason), the check of a declared tax-deductible status, and removal with date and
// reason. Each entry has its own forms: only the one that was sent shows the answer.
import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { ConfirmButton } from "~/components/confirm";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { REVIEW_DECISIONS, RemoveSchema, ReviewSchema, TaxCheckSchema } from "~/modules/directory/forms";
import { toDateInput } from "~/utils/dates";
import type { action } from "./route";

function useEntryReply(intent: string, entryId: string) {
  const answer = useActionData<typeof action>();
  return answer?.intent === intent && answer.result.initialValue?.entryId === entryId ? answer : undefined;
}

export function ReviewForm({ entryId, taxDeclared, name }: { entryId: string; taxDeclared: boolean; name: string }) {
  const [form, fields] = useConformForm({
    id: `review-${entryId}`,
    schema: ReviewSchema,
    reply: useEntryReply("review", entryId),
    intent: "review",
  });
  const pending = useIsPending({ intent: "review" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2" aria-label={`审核：${name}`}>
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="entryId" value={entryId} />
      <SelectField
        meta={fields.decision}
        label="审核结果"
        options={(Object.keys(REVIEW_DECISIONS) as Array<keyof typeof REVIEW_DECISIONS>).map((k) => ({
          value: k,
          label: REVIEW_DECISIONS[k],
        }))}
      />
      {taxDeclared ? (
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="taxChecked" />
          已核实公益性捐赠税前扣除资格
        </label>
      ) : (
        <div className="hidden sm:block" />
      )}
      <TextareaField
        meta={fields.note}
        label="审核意见（退回补正、不予列入时必填，机构可见）"
        rows={3}
        className="sm:col-span-2"
      />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <ConfirmButton
          intent="review"
          label="提交审核结果"
          message="审核结果将通知机构；审核通过的列入拟列入名单，不予列入的不可撤回。"
          schema={ReviewSchema}
          disabled={pending}
        >
          提交审核结果
        </ConfirmButton>
      </div>
    </Form>
  );
}

export function TaxCheckForm({ entryId, name }: { entryId: string; name: string }) {
  const [form, fields] = useConformForm({
    id: `tax-${entryId}`,
    schema: TaxCheckSchema,
    reply: useEntryReply("tax", entryId),
    intent: "tax",
  });
  const pending = useIsPending({ intent: "tax" });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="flex flex-wrap items-end gap-3"
      aria-label={`核实税前扣除资格：${name}`}
    >
      <input type="hidden" name="intent" value="tax" />
      <input type="hidden" name="entryId" value={entryId} />
      <SelectField
        meta={fields.holds}
        label="税前扣除资格核实结果"
        options={[
          { value: "yes", label: "属实，显示优先标识" },
          { value: "no", label: "不属实，取消声明" },
        ]}
      />
      <button type="submit" className="btn-secondary" disabled={pending}>
        保存核实结果
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

export function RemoveForm({ entryId, name, today }: { entryId: string; name: string; today: string }) {
  const [form, fields] = useConformForm({
    id: `remove-${entryId}`,
    schema: RemoveSchema,
    reply: useEntryReply("remove", entryId),
    intent: "remove",
    defaultValue: { removedOn: toDateInput(new Date(today)) },
  });
  const pending = useIsPending({ intent: "remove" });
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2" aria-label={`移出：${name}`}>
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="entryId" value={entryId} />
      <Field meta={fields.removedOn} label="移出日期" type="date" />
      <TextareaField meta={fields.reason} label="移出理由（公开显示）" rows={2} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <ConfirmButton
          intent="remove"
          label="移出目录"
          message={`${name}将立即移出，移出日期和理由在目录中公开显示，并通知该机构。`}
          schema={RemoveSchema}
          disabled={pending}
          className="btn-danger"
        >
          移出目录
        </ConfirmButton>
      </div>
    </Form>
  );
}
