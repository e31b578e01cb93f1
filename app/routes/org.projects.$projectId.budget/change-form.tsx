import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { Notice } from "~/components/notice";
import { useConformForm, useIsPending } from "~/components/use-form";
import { assessBudgetChange, BUDGET_CHANGE_BAND_LABELS } from "~/modules/funding/budget-change";
import { BudgetChangeSchema, REQUEST_CHANGE } from "~/modules/funding/budget-forms";
import { categoryLabel } from "~/modules/funding/budget-view";
import { fenToYuanInput, formatFen, yuanToFen } from "~/utils/format";
import type { action, loader } from "./route";

const BAND_HINTS = {
  NOTICE: "提交后立即生效，并告知民政局。",
  APPROVAL: "提交后须经民政局审批，批准后生效。",
  APPROVAL_WITH_REASON: "提交后须经民政局审批，批准后生效；须填写调整理由。",
} as const;

/**
 * 预算调整: the new amount of each line; the band is computed as the person types
 * (the same rule the server applies) and shown before submitting.
 */
export function BudgetChangeForm() {
  const { table, thresholds, overheadCapPct } = useLoaderData<typeof loader>();
  const [form, fields] = useConformForm({
    id: REQUEST_CHANGE,
    schema: BudgetChangeSchema,
    reply: useActionData<typeof action>(),
    defaultValue: {
      lines: table.rows.map((r) => ({ budgetLineId: r.id, amount: fenToYuanInput(r.revisedFen) })),
      reason: "",
    },
  });
  const busy = useIsPending({ intent: REQUEST_CHANGE });
  const typedLines = Array.isArray(form.value?.lines) ? form.value.lines : [];
  const typed = typedLines.map((l) => ({
    budgetLineId: l?.budgetLineId ?? "",
    toFen: typeof l?.amount === "string" ? yuanToFen(l.amount) : null,
  }));
  const preview = assessBudgetChange(table.rows, typed, {
    thresholds,
    overheadCapPct,
    reason: typeof form.value?.reason === "string" ? form.value.reason : null,
  });
  const lineFields = fields.lines.getFieldList();
  const afterFen = typed.reduce((s, t, i) => s + (t.toFen ?? table.rows[i]?.revisedFen ?? 0), 0);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value={REQUEST_CHANGE} />
      <table className="table-basic" aria-label="调整后金额">
        <thead>
          <tr>
            <th scope="col">科目</th>
            <th scope="col">当前预算</th>
            <th scope="col">调整后金额（元）</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => {
            const meta = lineFields[i]?.getFieldset();
            if (!meta) return null;
            const label = `${categoryLabel(row.category)}${row.description ? `（${row.description}）` : ""}`;
            return (
              <tr key={row.id}>
                <td>{label}</td>
                <td className="whitespace-nowrap">{formatFen(row.revisedFen)}</td>
                <td>
                  <input {...getInputProps(meta.budgetLineId, { type: "hidden" })} key={meta.budgetLineId.key} />
                  <input
                    {...getInputProps(meta.amount, { type: "text", ariaAttributes: true })}
                    key={meta.amount.key}
                    aria-label={`${label}调整后金额（元）`}
                    inputMode="decimal"
                    className="input max-w-[10rem]"
                  />
                  <ErrorList id={meta.amount.errorId} errors={meta.amount.errors} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-sm text-gray-600">
        调整前合计 {formatFen(table.totals.revisedFen)}，调整后合计 {formatFen(afterFen)}（资助总额不变）。
      </p>
      {preview.changes.length ? (
        <Notice tone={preview.band === "NOTICE" ? "info" : "warning"} testId="change-band">
          最大调整幅度 {preview.movedPct}%：{BUDGET_CHANGE_BAND_LABELS[preview.band]}。{BAND_HINTS[preview.band]}
          （备案上限 {thresholds.noticeMaxPct}%，超过 {thresholds.approvalMaxPct}% 须说明理由）
        </Notice>
      ) : (
        <p className="text-sm text-gray-600">
          修改科目金额后，这里会显示调整幅度和处理方式：不超过 {thresholds.noticeMaxPct}% 备案即生效，
          {thresholds.noticeMaxPct}%–{thresholds.approvalMaxPct}% 须审批，超过 {thresholds.approvalMaxPct}%
          须审批并说明理由。
        </p>
      )}
      <TextareaField meta={fields.reason} label="调整理由" rows={3} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        提交预算调整
      </button>
    </Form>
  );
}
