// Staff's adjustment of one ranked entry: include, exclude or another amount, with a reason.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorList, FormErrors } from "~/components/forms";
import { useConformForm, useIsPending } from "~/components/use-form";
import type { Row } from "~/modules/grants/ranking/page.server";
import {
  OVERRIDE_CHOICE_LABELS,
  OVERRIDE_CHOICES,
  overrideChoiceOf,
  OverrideSchema,
} from "~/modules/grants/ranking/ranking";
import { formatFen } from "~/utils/format";
import { useRankingAnswer } from "./use-answer";

export function OverrideForm({ row }: { row: Row }) {
  const { reply } = useRankingAnswer();
  const pending = useIsPending();
  // Every row has its own form: only the one that was sent shows the answer.
  const mine = reply?.intent === "override" && reply.result.initialValue?.applicationId === row.applicationId;
  const [form, fields] = useConformForm({
    id: `override-${row.applicationId}`,
    schema: OverrideSchema,
    reply: mine ? reply : undefined,
    intent: "override",
    defaultValue: {
      selected: overrideChoiceOf(row.overrideSelected),
      amountYuan: row.overrideFen != null ? (row.overrideFen / 100).toFixed(2) : "",
      reason: row.overrideReason ?? "",
    },
  });
  return (
    <details className="text-sm" data-testid="override">
      <summary className="cursor-pointer text-brand-700">调整</summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 w-64 space-y-2">
        <input type="hidden" name="intent" value="override" />
        <input type="hidden" name="applicationId" value={row.applicationId} />
        <p className="text-xs text-gray-500">
          按规则：{row.recommendedFen > 0 ? `拟资助 ${formatFen(row.recommendedFen)}` : "未入围"}
        </p>
        <div>
          <label htmlFor={fields.selected.id} className="mb-1 block text-xs font-medium text-gray-700">
            是否列入
          </label>
          <select {...getSelectProps(fields.selected)} key={fields.selected.key} className="input">
            {OVERRIDE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {OVERRIDE_CHOICE_LABELS[c]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.selected.errorId} errors={fields.selected.errors} />
        </div>
        <div>
          <label htmlFor={fields.amountYuan.id} className="mb-1 block text-xs font-medium text-gray-700">
            金额（元）
          </label>
          <input
            {...getInputProps(fields.amountYuan, { type: "text" })}
            key={fields.amountYuan.key}
            inputMode="decimal"
            placeholder="留空按规则"
            className="input"
          />
          <ErrorList id={fields.amountYuan.errorId} errors={fields.amountYuan.errors} />
        </div>
        <div>
          <label htmlFor={fields.reason.id} className="mb-1 block text-xs font-medium text-gray-700">
            调整理由
          </label>
          <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} className="input" />
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          保存调整
        </button>
      </Form>
    </details>
  );
}
