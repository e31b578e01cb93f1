import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FileField, FormErrors, SelectField } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import { ExpenseFormSchema, RECORD_EXPENSE, VOUCHER_ACCEPT } from "~/modules/funding/budget-forms";
import { categoryLabel } from "~/modules/funding/budget-view";
import type { action, loader } from "./route";

/** 登记支出: line, date, amount, purpose and the voucher. A refused voucher keeps what was typed. */
export function ExpenseForm() {
  const { table, today } = useLoaderData<typeof loader>();
  const [form, fields] = useConformForm({
    id: RECORD_EXPENSE,
    schema: ExpenseFormSchema,
    reply: useActionData<typeof action>(),
    defaultValue: { spentOn: today },
  });
  const busy = useIsPending({ intent: RECORD_EXPENSE });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value={RECORD_EXPENSE} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          meta={fields.budgetLineId}
          label="预算科目"
          options={table.rows.map((r) => ({
            value: r.id,
            label: `${categoryLabel(r.category)}${r.description ? `（${r.description}）` : ""}`,
          }))}
        />
        <Field meta={fields.spentOn} label="支出日期" type="date" />
        <Field meta={fields.amount} label="支出金额（元）" inputMode="decimal" />
        <Field meta={fields.description} label="用途说明" placeholder="如：第三季度助餐食材采购" />
      </div>
      <FileField
        meta={fields.voucher}
        label="支出凭证"
        accept={VOUCHER_ACCEPT}
        hint="发票、收据或转账凭证的 PDF 或照片（JPG/PNG），不超过 10 MB；仅本机构成员和民政局工作人员可查看。"
      />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        登记支出
      </button>
    </Form>
  );
}
